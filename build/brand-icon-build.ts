// Build time only (Node): turns the simple-icons package into the compact icon set the browser loads, and
// the Vite plugin that serves it as one lazily imported chunk. Never imported by browser code.
import type { Plugin } from 'vite';
import type { SimpleIcon } from 'simple-icons';
import type { Aliases, IconData } from 'simple-icons/sdk';
import { ICON_SET_MODULE, type BrandAliases, type BrandIconRecord } from '../frontend/icons/brand-icon-set';

/**
 * The icons of the installed simple-icons that come under the package's CC0, sorted by slug, with the
 * aliases its data file lists. Icons for which simple-icons names another licence (about 200 of 3,470:
 * GPL, CC BY-SA, CC BY-NC-ND, custom terms...) are left out: their terms would bind whoever redistributes
 * Keyhole, and attribution would have to be shown. See docs/third-party.md.
 */
export async function readSimpleIcons(): Promise<BrandIconRecord[]> {
  const icons = Object.values(await import('simple-icons')).filter(isIcon);
  // Aliases and licences are only in the data file, not in the module. The data file omits a slug that
  // follows from the title, and titles alone are not unique: the package's SDK derives the slug.
  const { getIconsData, getIconSlug } = await import('simple-icons/sdk');
  const data = new Map((await getIconsData()).map((icon) => [getIconSlug(icon), icon]));
  return icons
    .filter((icon) => isCc0(data.get(icon.slug)))
    .map((icon): BrandIconRecord => {
      const aliases = compactAliases(data.get(icon.slug)?.aliases);
      const record: BrandIconRecord = [icon.slug, icon.title, icon.hex.toUpperCase(), icon.path];
      if (aliases) record.push(aliases);
      return record;
    })
    .sort((left, right) => (left[0] < right[0] ? -1 : 1));
}

/** No licence of its own means the package's CC0. An icon missing from the data file is not taken on trust. */
export function isCc0(data: IconData | undefined): boolean {
  return data !== undefined && (data.license === undefined || data.license.type === 'CC0-1.0');
}

function isIcon(value: unknown): value is SimpleIcon {
  return typeof value === 'object' && value !== null && 'slug' in value && 'path' in value && 'hex' in value;
}

function compactAliases(aliases: Aliases | undefined): BrandAliases | undefined {
  if (!aliases) return undefined;
  const compact: BrandAliases = {};
  if (aliases.aka?.length) compact.aka = aliases.aka;
  if (aliases.dup?.length) {
    compact.dup = aliases.dup.map(({ title, hex }) => (hex ? { title, hex: hex.toUpperCase() } : { title }));
  }
  if (aliases.loc) compact.loc = Object.values(aliases.loc);
  if (aliases.old?.length) compact.old = aliases.old;
  return Object.keys(compact).length > 0 ? compact : undefined;
}

/**
 * The module's source. JSON.parse of one string literal: V8 parses JSON much faster than the same data
 * written as a JavaScript object literal, which matters for a few megabytes on a slow phone.
 */
export function iconSetModuleSource(icons: readonly BrandIconRecord[]): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(icons))});\n`;
}

/** Vite plugin: `import('virtual:keyhole-brand-icons')` yields the whole set, built from the installed package. */
export function brandIcons(): Plugin {
  // Rollup names a chunk after its module id; '\0' marks the id as virtual to other plugins.
  const resolved = '\0keyhole-brand-icons';
  return {
    name: 'keyhole-brand-icons',
    resolveId(id) {
      return id === ICON_SET_MODULE ? resolved : undefined;
    },
    async load(id) {
      if (id !== resolved) return undefined;
      return iconSetModuleSource(await readSimpleIcons());
    },
  };
}
