/** The icon set generated from `src/assets/icon.svg` at build time (see `src/pages/[icon].ts`). */
export const ICONS = [
  { file: 'favicon.svg', type: 'image/svg+xml', size: undefined },
  { file: 'favicon-32.png', type: 'image/png', size: 32 },
  { file: 'apple-touch-icon.png', type: 'image/png', size: 180 },
  { file: 'icon-512.png', type: 'image/png', size: 512 },
] as const;
