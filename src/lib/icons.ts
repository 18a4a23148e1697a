/**
 * The icon set rasterized from `src/assets/icon.svg` at build time (see `src/pages/[icon].ts`).
 * PNG only: Chrome parses an SVG favicon as a whole SVG document on the page's main thread right after
 * the first paint (10–20 ms on a 2-core machine, four times that in Lighthouse's phone emulation).
 */
export const ICONS = [
  { file: 'favicon-32.png', type: 'image/png', size: 32 },
  { file: 'apple-touch-icon.png', type: 'image/png', size: 180 },
] as const;
