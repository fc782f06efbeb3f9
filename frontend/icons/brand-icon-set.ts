// The shape of the bundled brand icon set: what the build extracts from simple-icons (brand-icon-build.ts)
// and what the browser loads in one chunk after the first codes are shown (brand-icon.ts). Only what a
// card needs: the package's own module also carries source links, guidelines and a second copy of every
// path as an SVG string, about a fifth more to download and parse for nothing.

/** Other names simple-icons knows a brand by: also known as, the same icon for another brand, localised, former. */
export interface BrandAliases {
  aka?: string[];
  dup?: { title: string; hex?: string }[];
  loc?: string[];
  old?: string[];
}

/** One icon: its slug (simple-icons' file name), brand name, brand colour as 6 hex digits, 24×24 SVG path. */
export type BrandIconRecord = [slug: string, title: string, hex: string, path: string, aliases?: BrandAliases];

/** The import the browser asks for; the build plugin answers it with the whole set. */
export const ICON_SET_MODULE = 'virtual:keyhole-brand-icons';
