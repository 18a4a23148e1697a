/**
 * Draws the project's own logo artwork for every organisation (typographic
 * wordmarks / monograms — never the organisations' real logos) and the SVG
 * test fixture. Deterministic: running it twice writes identical files.
 *
 *   npm run logos
 *
 * Sizes and formats imitate downloaded logos on purpose: 1000–2000 px wide,
 * mixed aspect ratios (4:1 … 4:5), JPEG / WebP with a flat background, PNG
 * with a transparent background.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { logoSvg, writeLogo, type LogoOptions } from './lib/logo-art.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const orgs = 'src/content/organisations';
/** The logo tile colour: transparent PNGs get a soft glow of it so they also read on a dark tile. */
const TILE = '#f4f2ee';

const LOGOS: { file: string; format: 'png' | 'jpeg' | 'webp' | 'svg'; art: LogoOptions }[] = [
  {
    // 4:1 wordmark, an ochre "play" triangle on deep navy
    file: `${orgs}/societer.jpg`,
    format: 'jpeg',
    art: {
      name: 'SOCIETER', width: 2000, height: 500, layout: 'wordmark', mark: 'triangle', letterSpacing: 0.06,
      background: '#1f2a44', foreground: '#f4efe6', accent: '#e0a43a',
    },
  },
  {
    // 3:2, a small amber diamond ("spark") on deep teal
    file: `${orgs}/spark.webp`,
    format: 'webp',
    art: {
      name: 'SPARK', width: 1500, height: 1000, layout: 'wordmark', mark: 'diamond', letterSpacing: 0.05,
      background: '#0f4c45', foreground: '#f7f3ea', accent: '#ffb347',
    },
  },
  {
    // 3:1 wordmark, white on violet with a pink rule
    file: `${orgs}/backseat.jpg`,
    format: 'jpeg',
    art: {
      name: 'BACKSEAT', width: 1800, height: 600, layout: 'wordmark', mark: 'rule', letterSpacing: 0.03,
      background: '#3b2a7a', foreground: '#ffffff', accent: '#ff8fab',
    },
  },
  {
    // 1:1, white on near-black, a vermilion square above the name
    file: `${orgs}/blast.jpg`,
    format: 'jpeg',
    art: {
      name: 'BLAST', width: 1200, height: 1200, layout: 'stacked', lines: ['BLAST'], mark: 'square',
      markPosition: 'top', letterSpacing: 0.02, background: '#161616', foreground: '#ffffff', accent: '#e4412b',
    },
  },
  {
    // 5:2, transparent, ink text and a magenta disc
    file: `${orgs}/le-media.png`,
    format: 'png',
    art: {
      name: 'Le Média', width: 1500, height: 600, layout: 'wordmark', mark: 'circle',
      background: null, foreground: '#1a1a1a', accent: '#b8175a', halo: TILE,
    },
  },
  {
    // 4:5 (slightly tall), transparent, FPL monogram in a green disc, name under it
    file: `${orgs}/fonds-pour-une-presse-libre.png`,
    format: 'png',
    art: {
      name: 'Fonds pour une presse libre', initials: 'FPL', width: 1200, height: 1500, layout: 'monogram',
      shape: 'circle', background: null, foreground: '#1a1a1a', accent: '#0b6e4f', monogramColor: '#ffffff',
      halo: TILE,
    },
  },
  {
    // 2:1, heart beside two lines — deliberately no cross (protected emblem)
    file: `${orgs}/croix-rouge.jpg`,
    format: 'jpeg',
    art: {
      name: 'La Croix-Rouge française', lines: ['La Croix-Rouge', 'française'], width: 1600, height: 800,
      layout: 'stacked', mark: 'heart',
      background: '#ffffff', foreground: '#262626', accent: '#c0182a', lineColors: ['#262626', '#c0182a'],
    },
  },
  {
    // 1:1, HI monogram in a blue rounded square on warm paper
    file: `${orgs}/handicap-international.webp`,
    format: 'webp',
    art: {
      name: 'Handicap International', initials: 'HI', width: 1000, height: 1000, layout: 'monogram',
      shape: 'rounded', background: '#f7f3ec', foreground: '#1d2b3a', accent: '#1f5fa8', monogramColor: '#ffffff',
    },
  },
  {
    // 3:2, lowercase wordmark on slate with an orange ring
    file: `${orgs}/framasoft.jpg`,
    format: 'jpeg',
    art: {
      name: 'framasoft', width: 1440, height: 960, layout: 'wordmark', mark: 'ring',
      background: '#2f3e46', foreground: '#f6f1e9', accent: '#f4a259',
    },
  },
  {
    // 2:1, transparent, two lines beside a teal half-disc mark
    file: `${orgs}/la-quadrature-du-net.png`,
    format: 'png',
    art: {
      name: 'La Quadrature du Net', lines: ['La Quadrature', 'du Net'], width: 1600, height: 800,
      layout: 'stacked', mark: 'half', background: null, foreground: '#141414',
      accent: '#0e6b84', lineColors: ['#141414', '#0e6b84'], halo: TILE,
    },
  },
  {
    // SVG fixture: proves SVG logos are served as SVG
    file: 'tests/fixtures/organisations/logo-vectoriel.svg',
    format: 'svg',
    art: {
      name: 'Collectif Vectoriel', width: 600, height: 200, layout: 'wordmark', mark: 'ring',
      background: null, foreground: '#1b3a4b', accent: '#d9623b', halo: TILE,
    },
  },
];

const rows = [];
for (const { file, format, art } of LOGOS) {
  const svg = logoSvg(art);
  const out = await writeLogo({ svg, file: `${root}${file}`, format, width: art.width });
  if (out.bytes > 1.5 * 1024 * 1024) throw new Error(`${file} is too large (${out.bytes} bytes)`);
  rows.push({ ...out, file: relative(root, out.file), format });
}

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
const header = ['file', 'format', 'pixels', 'ratio', 'bytes'];
const table: string[][] = [
  header,
  ...rows.map((o) => {
    const g = gcd(o.width, o.height);
    return [o.file, o.format, `${o.width}×${o.height}`, `${o.width / g}:${o.height / g}`, String(o.bytes)];
  }),
];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]?.length ?? 0)));
for (const [i, row] of table.entries()) {
  console.log(row.map((cell, j) => (j === 4 ? cell.padStart(widths[j] ?? 0) : cell.padEnd(widths[j] ?? 0))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
