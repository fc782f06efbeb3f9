// The module the brandIcons() Vite plugin (brand-icon-build.ts) generates from simple-icons at build time.
declare module 'virtual:keyhole-brand-icons' {
  const icons: import('./brand-icon-set').BrandIconRecord[];
  export default icons;
}
