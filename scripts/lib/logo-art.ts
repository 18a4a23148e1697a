/**
 * logo-art — draws the project's own logo artwork (typographic wordmarks and
 * monograms), so the page never ships anyone else's trademark.
 *
 * Everything here is deterministic: the same
 * options always give the same SVG text, and the same SVG always gives the
 * same image bytes on a given sharp/libvips build (no dates, no randomness,
 * no metadata written).
 *
 * Exports:
 *   logoSvg(options)                      → SVG string
 *   writeLogo({ svg, file, format, width }) → Promise<{ file, width, height, bytes }>
 *   placeholderLogo(name, seedString)     → LogoOptions for a neutral monogram
 *   initialsOf(name), PLACEHOLDER_PALETTE
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import sharp from 'sharp';

/** Fonts present almost everywhere; DejaVu first because it is the widest, so
 *  the fitting below (measured on DejaVu Sans Bold) is safe for the others. */
const FONT_FAMILY = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

export type LogoMark = 'none' | 'bar' | 'rule' | 'circle' | 'ring' | 'square' | 'diamond' | 'triangle' | 'heart' | 'half';

export interface LogoOptions {
  /** Text to set (the organisation's name as it should read). */
  name: string;
  /** Artwork width in px (also the viewBox width). */
  width: number;
  /** Artwork height in px (also the viewBox height). */
  height: number;
  /** Flat background colour, or null (the default) for transparent. */
  background?: string | null;
  /** Text colour (default '#1c1c1c'). */
  foreground?: string;
  /** Colour of the geometric mark / monogram shape (default '#c2410c'). */
  accent?: string;
  layout?: 'wordmark' | 'monogram' | 'stacked';
  /**
   * Geometric mark. Default: 'none' for wordmark/stacked. 'rule' = accent rule under the text; the others sit
   * left of (or above, see markPosition) the text.
   */
  mark?: LogoMark;
  /** Where a mark goes in 'stacked' layout (default 'left'). */
  markPosition?: 'left' | 'top';
  /** 'stacked': the lines (default: name split in two balanced lines). */
  lines?: string[];
  /** 'stacked': colour per line (default: foreground). */
  lineColors?: string[];
  /** Tracking in em (e.g. 0.04 for caps; default 0). */
  letterSpacing?: number;
  /** 'monogram': 1–3 letters (default: initialsOf(name)). */
  initials?: string;
  /** 'monogram': shape holding the initials (default 'circle'). */
  shape?: 'circle' | 'square' | 'rounded';
  /** 'monogram': colour of the initials (default: background or white). */
  monogramColor?: string;
  /** 'monogram': set the name under the shape (default true). */
  showName?: boolean;
  /**
   * Soft glow of this colour behind the artwork (e.g. the tile colour '#f4f2ee'), or null (the default):
   * invisible on a light tile, it keeps dark text on a transparent background legible on a dark one.
   */
  halo?: string | null;
  /** <title> of the SVG (default: name). */
  title?: string;
}

// ---------------------------------------------------------------------------
// Text metrics: advance widths of DejaVu Sans Bold, in em (measured with
// librsvg). Liberation Sans / Arial Bold are narrower, so fitting on these
// numbers keeps text inside the canvas whatever font the renderer picks.
// ---------------------------------------------------------------------------
const ADVANCE: Record<string, number> = {
  A: 0.774, B: 0.762, C: 0.734, D: 0.83, E: 0.683, F: 0.683, G: 0.82, H: 0.837, I: 0.372,
  J: 0.372, K: 0.775, L: 0.637, M: 0.995, N: 0.837, O: 0.85, P: 0.733, Q: 0.85, R: 0.77,
  S: 0.675, T: 0.705, U: 0.812, V: 0.774, W: 1.103, X: 0.771, Y: 0.724, Z: 0.725,
  a: 0.674, b: 0.715, c: 0.592, d: 0.715, e: 0.678, f: 0.435, g: 0.715, h: 0.712, i: 0.342,
  j: 0.342, k: 0.665, l: 0.342, m: 1.042, n: 0.712, o: 0.687, p: 0.715, q: 0.715, r: 0.493,
  s: 0.595, t: 0.478, u: 0.712, v: 0.651, w: 0.923, x: 0.645, y: 0.651, z: 0.582,
  ' ': 0.348, '-': 0.415, "'": 0.306, '’': 0.38, '.': 0.38, ',': 0.38, '&': 0.87,
};
const DIGIT = 0.695;
const FALLBACK = 0.72; // unknown glyphs: assume a wide bold capital
const CAP = 0.73; // cap height (em)
const X_HEIGHT = 0.56; // x-height (em)
const ASCENT = 0.93; // top of accented capitals (É) / ascenders (em)
const DESCENT = 0.24; // descenders (em)

/**
 * Estimated advance width of `text` in em for a bold sans, with optional
 * tracking (em per gap).
 */
function textWidthEm(text: string, letterSpacing = 0): number {
  let w = 0;
  const chars = [...text];
  for (const ch of chars) {
    const base = ch.normalize('NFD')[0] ?? ch; // é → e
    w += ADVANCE[ch] ?? ADVANCE[base] ?? (/[0-9]/.test(ch) ? DIGIT : FALLBACK);
  }
  return w + letterSpacing * Math.max(0, chars.length - 1);
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const r = (n: number) => String(Math.round(n * 100) / 100);

/** True if `text` has glyphs going below the baseline. */
const hasDescender = (text: string) => /[gjpqyç,;Q]/.test(text);
/** Height of the tallest glyphs of `text` above the baseline, in em. */
const topEm = (text: string) => (/[A-Z0-9bdfhklt'’ÀÉÈÊÎÔÛÇ]/.test(text) ? (/[ÀÉÈÊÎÔÛ]/.test(text) ? ASCENT : 0.76) : X_HEIGHT);

/**
 * One line of text. x is the left edge (text-anchor start), y the baseline.
 */
function textEl(text: string, x: number, y: number, size: number, fill: string, letterSpacing = 0, anchor: 'start' | 'middle' = 'start') {
  const ls = letterSpacing ? ` letter-spacing="${r(letterSpacing * size)}"` : '';
  // With text-anchor middle, trailing tracking would shift the text: compensate.
  const dx = anchor === 'middle' && letterSpacing ? letterSpacing * size / 2 : 0;
  return `<text x="${r(x + dx)}" y="${r(y)}" font-size="${r(size)}" fill="${fill}"${ls}${
    anchor === 'middle' ? ' text-anchor="middle"' : ''}>${esc(text)}</text>`;
}

/**
 * A geometric mark centred on (cx, cy) fitting a `size` × `size` box.
 * Deliberately generic shapes (never a cross).
 */
function markEl(mark: LogoMark, cx: number, cy: number, size: number, fill: string): string {
  const h = size / 2;
  switch (mark) {
    case 'circle':
      return `<circle cx="${r(cx)}" cy="${r(cy)}" r="${r(h)}" fill="${fill}"/>`;
    case 'ring':
      return `<circle cx="${r(cx)}" cy="${r(cy)}" r="${r(h * 0.82)}" fill="none" stroke="${fill}" stroke-width="${r(size * 0.18)}"/>`;
    case 'square':
      return `<rect x="${r(cx - h * 0.9)}" y="${r(cy - h * 0.9)}" width="${r(size * 0.9)}" height="${r(size * 0.9)}" fill="${fill}"/>`;
    case 'diamond':
      return `<path d="M${r(cx)} ${r(cy - h)}L${r(cx + h)} ${r(cy)}L${r(cx)} ${r(cy + h)}L${r(cx - h)} ${r(cy)}Z" fill="${fill}"/>`;
    case 'bar':
      return `<rect x="${r(cx - size * 0.11)}" y="${r(cy - h)}" width="${r(size * 0.22)}" height="${r(size)}" fill="${fill}"/>`;
    case 'triangle': // pointing right, optically centred
      return `<path d="M${r(cx - h * 0.78)} ${r(cy - h)}L${r(cx + h)} ${r(cy)}L${r(cx - h * 0.78)} ${r(cy + h)}Z" fill="${fill}"/>`;
    case 'half': {
      // a disc cut in two: an abstract, two-tone "sun" shape
      const rr = h;
      return `<path d="M${r(cx - rr)} ${r(cy)}A${r(rr)} ${r(rr)} 0 0 1 ${r(cx + rr)} ${r(cy)}Z" fill="${fill}"/>` +
        `<path d="M${r(cx - rr)} ${r(cy + size * 0.08)}A${r(rr)} ${r(rr)} 0 0 0 ${r(cx + rr)} ${r(cy + size * 0.08)}Z" fill="${fill}" fill-opacity="0.45"/>`;
    }
    case 'heart': {
      // two lobes + a point, drawn in a unit box then scaled
      const s = size / 100;
      const x0 = cx - 50 * s;
      const y0 = cy - 46 * s;
      const p = (x: number, y: number) => `${r(x0 + x * s)} ${r(y0 + y * s)}`;
      return `<path d="M${p(50, 92)}C${p(18, 70)} ${p(0, 50)} ${p(0, 28)}C${p(0, 12)} ${p(12, 0)} ${p(27, 0)}` +
        `C${p(38, 0)} ${p(46, 6)} ${p(50, 15)}C${p(54, 6)} ${p(62, 0)} ${p(73, 0)}C${p(88, 0)} ${p(100, 12)} ${p(100, 28)}` +
        `C${p(100, 50)} ${p(82, 70)} ${p(50, 92)}Z" fill="${fill}"/>`;
    }
    default:
      return '';
  }
}

/** French words skipped when taking initials. */
const SMALL_WORDS = new Set(['le', 'la', 'les', 'l', 'de', 'du', 'des', 'd', 'un', 'une', 'et', 'pour', 'en', 'au', 'aux', 'à', 'sur', 'the', 'of', 'and', 'for']);

/**
 * 1–3 capital initials from a name: "Fonds pour une presse libre" → "FPL",
 * "Framasoft" → "F", "Le Média" → "M".
 */
function initialsOf(name: string): string {
  const words = name.split(/[\s'’\-–—_/.,:;]+/).filter(Boolean);
  let picked = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  if (picked.length === 0) picked = words;
  const letters = picked.map((w) => [...w].find((c) => /\p{L}|\p{N}/u.test(c)) ?? '').join('');
  return (letters || '?').slice(0, 3).toLocaleUpperCase('fr');
}

/**
 * Split `text` into at most two lines with the most balanced widths.
 */
function balancedLines(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 2) return [text];
  let best = [text];
  let bestW = Infinity;
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(' ');
    const b = words.slice(i).join(' ');
    const w = Math.max(textWidthEm(a), textWidthEm(b));
    if (w < bestW) { bestW = w; best = [a, b]; }
  }
  return best;
}

/**
 * Draw a logo as an SVG string (with width, height and viewBox).
 */
export function logoSvg(options: LogoOptions): string {
  const {
    name,
    width: W,
    height: H,
    background = null,
    foreground = '#1c1c1c',
    accent = '#c2410c',
    layout = 'wordmark',
    letterSpacing = 0,
    halo = null,
    title = name,
  } = options;
  if (!name || !(W > 0) || !(H > 0)) throw new TypeError('logoSvg: name, width and height are required');

  const body: string[] = [];
  if (layout === 'monogram') body.push(...monogram(options, W, H, foreground, accent, background));
  else if (layout === 'stacked') body.push(...stacked(options, W, H, foreground, accent, letterSpacing));
  else body.push(...wordmark(options, W, H, foreground, accent, letterSpacing));

  const head: string[] = [];
  if (background) head.push(`<rect width="${W}" height="${H}" fill="${background}"/>`);
  let open = `<g font-family="${FONT_FAMILY}" font-weight="700">`;
  if (halo) {
    const u = Math.min(W, H);
    head.unshift(
      `<defs><filter id="halo" filterUnits="userSpaceOnUse" x="0" y="0" width="${W}" height="${H}" color-interpolation-filters="sRGB">`,
      `<feMorphology in="SourceAlpha" operator="dilate" radius="${r(u * 0.03)}" result="grown"/>`,
      `<feGaussianBlur in="grown" stdDeviation="${r(u * 0.022)}" result="soft"/>`,
      `<feFlood flood-color="${halo}" flood-opacity="0.95"/>`,
      '<feComposite in2="soft" operator="in" result="glow"/>',
      '<feMerge><feMergeNode in="glow"/><feMergeNode in="SourceGraphic"/></feMerge>',
      '</filter></defs>',
    );
    open = `<g font-family="${FONT_FAMILY}" font-weight="700" filter="url(#halo)">`;
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    ...head,
    open,
    ...body,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

/**
 * 'wordmark': the name set large on one line, optional mark on the left or a rule under it.
 */
function wordmark(o: LogoOptions, W: number, H: number, fg: string, accent: string, ls: number): string[] {
  const mark = o.mark ?? 'none';
  const padX = Math.max(W * 0.08, H * 0.18);
  const padY = H * 0.2;
  const availW = W - 2 * padX;
  const availH = H - 2 * padY;
  const text = o.name;
  const tW = textWidthEm(text, ls);
  const side = mark !== 'none' && mark !== 'rule';
  const markEm = side ? (mark === 'bar' ? 0.2 : 0.92) : 0; // mark box width, in em of the font size
  const gapEm = side ? (mark === 'bar' ? 0.3 : 0.34) : 0;
  const ruleEm = mark === 'rule' ? 0.34 : 0; // room under the baseline for the rule
  const barTop = 0.98; // the bar runs from 0.98 em above the baseline…
  const barBottom = 0.24; // …to 0.24 em below it
  const top = mark === 'bar' ? Math.max(barTop, topEm(text)) : topEm(text);
  const bottom = Math.max(hasDescender(text) ? DESCENT : 0, ruleEm, mark === 'bar' ? barBottom : 0);
  const fs = Math.min(availW / (tW + markEm + gapEm), availH / (top + bottom + 0.02), H * 0.42);
  const blockW = (tW + markEm + gapEm) * fs;
  const x0 = (W - blockW) / 2;
  // centre the visible ink vertically: letters (descenders ignored, as the eye does) plus rule or bar
  const inkTop = top * fs;
  const inkBottom = (mark === 'rule' ? ruleEm : mark === 'bar' ? barBottom : 0) * fs;
  const baseline = H / 2 + (inkTop - inkBottom) / 2;
  const out: string[] = [];
  if (mark === 'bar') {
    // a bar taller than the capitals (so it never reads as an "I")
    out.push(`<rect x="${r(x0)}" y="${r(baseline - barTop * fs)}" width="${r(markEm * fs)}" height="${r((barTop + barBottom) * fs)}" fill="${accent}"/>`);
  } else if (side) {
    const mSize = markEm * fs;
    out.push(markEl(mark, x0 + mSize / 2, baseline - CAP * fs / 2, mSize, accent));
  }
  const tx = x0 + (markEm + gapEm) * fs;
  out.push(textEl(text, tx, baseline, fs, fg, ls));
  if (mark === 'rule') {
    const ruleH = Math.max(2, fs * 0.09);
    const ruleW = Math.min(tW * fs * 0.34, (tW - ls) * fs);
    out.push(`<rect x="${r(tx + 0.04 * fs)}" y="${r(baseline + (ruleEm - 0.09) * fs)}" width="${r(ruleW)}" height="${r(ruleH)}" fill="${accent}"/>`);
  }
  return out;
}

/**
 * 'stacked': two (or more) lines, left-aligned, optional mark on the left or above.
 */
function stacked(o: LogoOptions, W: number, H: number, fg: string, accent: string, ls: number): string[] {
  const mark = o.mark ?? 'none';
  const lines = o.lines?.length ? o.lines : balancedLines(o.name);
  const colors = lines.map((_, i) => o.lineColors?.[i] ?? fg);
  const top = o.markPosition === 'top' && mark !== 'none' && mark !== 'rule';
  const left = !top && mark !== 'none' && mark !== 'rule';
  const padX = Math.max(W * 0.09, H * 0.12);
  const padY = H * (top ? 0.12 : 0.17);
  const availW = W - 2 * padX;
  const availH = H - 2 * padY;
  const lead = 1.12; // baseline-to-baseline, em
  const n = lines.length;
  const widest = Math.max(...lines.map((l) => textWidthEm(l, ls)));
  // `lines` is never empty (balancedLines returns at least the name): the fallbacks only satisfy the type checker.
  const firstTop = topEm(lines[0] ?? '');
  const lastBottom = hasDescender(lines[n - 1] ?? '') ? DESCENT : 0;
  const textHEm = firstTop + (n - 1) * lead + lastBottom;
  const markEm = left ? textHEm : top ? 1.5 : 0; // left: a square as tall as the text block
  const gapEm = left ? 0.4 : top ? 0.5 : 0;
  const ruleEm = mark === 'rule' ? 0.36 : 0;
  const wEm = left ? widest + markEm + gapEm : widest;
  const hEm = top ? markEm + gapEm + textHEm : textHEm + ruleEm;
  const fs = Math.min(availW / wEm, availH / (hEm + 0.02), H * 0.3);
  const blockW = wEm * fs;
  const blockH = hEm * fs;
  const x0 = (W - blockW) / 2;
  const y0 = (H - blockH) / 2;
  const out: string[] = [];
  let textX = x0;
  let textTop = y0;
  if (left) {
    const mSize = markEm * fs;
    out.push(markEl(mark, x0 + mSize / 2, y0 + mSize / 2, mSize, accent));
    textX = x0 + (markEm + gapEm) * fs;
  } else if (top) {
    const mSize = markEm * fs;
    out.push(markEl(mark, x0 + mSize / 2, y0 + mSize / 2, mSize, accent));
    textTop = y0 + (markEm + gapEm) * fs;
  }
  lines.forEach((line, i) => {
    out.push(textEl(line, textX, textTop + firstTop * fs + i * lead * fs, fs, colors[i] ?? fg, ls));
  });
  if (mark === 'rule') {
    const yb = textTop + firstTop * fs + (n - 1) * lead * fs + lastBottom * fs;
    out.push(`<rect x="${r(textX + 0.04 * fs)}" y="${r(yb + 0.2 * fs)}" width="${r(Math.min(widest * fs * 0.3, 2.2 * fs))}" height="${r(Math.max(2, 0.1 * fs))}" fill="${accent}"/>`);
  }
  return out;
}

/**
 * 'monogram': 1–3 letters in a shape, with the name (1–2 lines) centred under it.
 */
function monogram(o: LogoOptions, W: number, H: number, fg: string, accent: string, bg: string | null): string[] {
  const initials = (o.initials ?? initialsOf(o.name)).slice(0, 3);
  const shape = o.shape ?? 'circle';
  const inkColor = o.monogramColor ?? bg ?? '#ffffff';
  const showName = o.showName ?? true;
  const pad = Math.min(W, H) * 0.1;
  const availW = W - 2 * pad;
  const availH = H - 2 * pad;

  // Name: prefer one line; go to two lines when that lets the type be larger.
  let nameLines = [o.name];
  let nameFs = 0;
  if (showName) {
    const target = Math.min(H, W) * 0.1;
    const one = Math.min(target, availW / textWidthEm(o.name));
    const twoLines = balancedLines(o.name);
    const two = Math.min(target, availW / Math.max(...twoLines.map((l) => textWidthEm(l))));
    if (twoLines.length === 2 && two > one * 1.25) { nameLines = twoLines; nameFs = two; } else nameFs = one;
  }
  const lead = 1.18;
  const nameTopEm = showName ? topEm(nameLines[0] ?? '') : 0;
  const nameH = showName
    ? (nameTopEm + (nameLines.length - 1) * lead + (hasDescender(nameLines[nameLines.length - 1] ?? '') ? DESCENT : 0)) * nameFs
    : 0;
  const gap = showName ? Math.max(nameFs * 0.8, H * 0.05) : 0;
  const S = Math.min(availW, availH - nameH - gap, showName ? H * 0.62 : H);
  const blockH = S + gap + nameH;
  const y0 = (H - blockH) / 2;
  const cx = W / 2;
  const cy = y0 + S / 2;
  const out: string[] = [];
  if (shape === 'circle') out.push(`<circle cx="${r(cx)}" cy="${r(cy)}" r="${r(S / 2)}" fill="${accent}"/>`);
  else {
    const rad = shape === 'rounded' ? S * 0.2 : 0;
    out.push(`<rect x="${r(cx - S / 2)}" y="${r(y0)}" width="${r(S)}" height="${r(S)}"${rad ? ` rx="${r(rad)}"` : ''} fill="${accent}"/>`);
  }
  // Initials: fit in ~60 % of the shape's width (less for a circle's curve), caps centred optically.
  const inner = S * (shape === 'circle' ? 0.6 : 0.66);
  const iLs = initials.length > 1 ? 0.02 : 0;
  const iFs = Math.min(inner / textWidthEm(initials, iLs), (S * 0.42) / CAP);
  out.push(textEl(initials, cx, cy + (CAP * iFs) / 2, iFs, inkColor, iLs, 'middle'));
  if (showName) {
    const firstBase = y0 + S + gap + nameTopEm * nameFs;
    nameLines.forEach((line, i) => out.push(textEl(line, cx, firstBase + i * lead * nameFs, nameFs, fg, 0, 'middle')));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

type LogoFormat = 'png' | 'jpeg' | 'jpg' | 'webp' | 'svg';

function svgSize(svg: string): { w: number; h: number } {
  const root = svg.match(/<svg\b[^>]*>/)?.[0] ?? '';
  const w = Number(root.match(/\swidth="([\d.]+)"/)?.[1]);
  const h = Number(root.match(/\sheight="([\d.]+)"/)?.[1]);
  if (w > 0 && h > 0) return { w, h };
  const vb = root.match(/viewBox="[\d.\-]+[ ,]+[\d.\-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"/);
  if (vb) return { w: Number(vb[1]), h: Number(vb[2]) };
  throw new Error('writeLogo: cannot read the SVG size');
}

/**
 * Render `svg` with sharp at `width` px wide (height follows the aspect ratio)
 * and write it to `file`. 'png' keeps alpha; 'jpeg' is flattened on white
 * (quality 88, mozjpeg); 'webp' quality 90 with alpha; 'svg' writes the text.
 * Parent directories are created. No metadata is written.
 */
export async function writeLogo({ svg, file, format, width }: { svg: string; file: string; format?: LogoFormat; width?: number }) {
  const fmt = format ?? ((file.split('.').pop()?.toLowerCase() ?? 'png') as LogoFormat);
  const { w, h } = svgSize(svg);
  await mkdir(dirname(file), { recursive: true });
  if (fmt === 'svg') {
    const buf = Buffer.from(svg, 'utf8');
    await writeFile(file, buf);
    return { file, width: w, height: h, bytes: buf.length };
  }
  const outW = Math.round(width ?? w);
  const outH = Math.round((outW * h) / w);
  let img = sharp(Buffer.from(svg), { density: (72 * outW) / w }).resize(outW, outH, { fit: 'fill' });
  if (fmt === 'png') img = img.png({ compressionLevel: 9, adaptiveFiltering: true });
  else if (fmt === 'jpeg' || fmt === 'jpg') {
    img = img.flatten({ background: '#ffffff' }).jpeg({ quality: 88, mozjpeg: true, chromaSubsampling: '4:4:4' });
  } else if (fmt === 'webp') img = img.webp({ quality: 90, alphaQuality: 100, effort: 6 });
  else throw new Error(`writeLogo: unknown format ${fmt}`);
  const { data, info } = await img.toBuffer({ resolveWithObject: true });
  await writeFile(file, data);
  return { file, width: info.width, height: info.height, bytes: data.length };
}

// ---------------------------------------------------------------------------
// Placeholder
// ---------------------------------------------------------------------------

/** Fixed palette; each colour has ≥ 4.5:1 contrast with white initials. */
const PLACEHOLDER_PALETTE = Object.freeze([
  '#1f5fa8', // blue
  '#0b6e4f', // green
  '#8e2c48', // wine
  '#5b3f9e', // violet
  '#a8431a', // rust
  '#2f4858', // slate
  '#7a5200', // bronze
  '#0e6170', // teal
] as const);

/** FNV-1a 32-bit over the UTF-8 bytes of `s`. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Options for a neutral placeholder logo: a rounded-square monogram of the
 * initials with the name under it, colour picked deterministically from
 * `seedString` (e.g. the entry's slug) in PLACEHOLDER_PALETTE. Offline, pure.
 * Pass the result to logoSvg().
 */
export function placeholderLogo(name: string, seedString = name): LogoOptions {
  // The index is always in range; the fallback only tells the type checker so.
  const accent = PLACEHOLDER_PALETTE[fnv1a(String(seedString)) % PLACEHOLDER_PALETTE.length] ?? PLACEHOLDER_PALETTE[0];
  return {
    name,
    width: 1000,
    height: 1000,
    background: '#f4f2ee',
    foreground: '#1c1c1c',
    accent,
    layout: 'monogram',
    shape: 'rounded',
    initials: initialsOf(name),
    monogramColor: '#ffffff',
  };
}
