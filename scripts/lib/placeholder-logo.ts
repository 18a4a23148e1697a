import { escapeUTF8 } from 'entities';

/**
 * The placeholder logo of `npm run new`, until the owner drops the real one: the organisation's initials on a
 * coloured tile, as a small SVG (a vector logo is never « too small », and it is a static drawing, as the build
 * requires). The colour follows the name, so that two placeholders side by side differ; the name is its title,
 * so that no two placeholders are the same file (Astro would publish identical bytes once, under one name).
 */

/** French words skipped when taking initials. */
const SMALL_WORDS = new Set(['le', 'la', 'les', 'l', 'de', 'du', 'des', 'd', 'un', 'une', 'et', 'pour', 'en', 'au', 'aux', 'à', 'sur']);
/** Dark enough for white initials (at least 4.5:1). */
const COLOURS = ['#1f5fa8', '#0b6e4f', '#8e2c48', '#6b3fa0', '#a0461b', '#1d5c63'];

/** 1–3 capital initials: « Fonds pour une presse libre » → « FPL », « Le Média » → « M ». */
function initialsOf(name: string): string {
  const words = name.split(/[\s'’\-–—_/.,:;]+/).filter(Boolean);
  const kept = words.filter((word) => !SMALL_WORDS.has(word.toLowerCase()));
  const letters = (kept.length > 0 ? kept : words).map((word) => [...word].find((c) => /[\p{L}\p{N}]/u.test(c)) ?? '').join('');
  return (letters || '?').slice(0, 3).toLocaleUpperCase('fr');
}

export function placeholderSvg(name: string): string {
  const initials = initialsOf(name);
  const colour = COLOURS[[...name].reduce((sum, c) => sum + (c.codePointAt(0) ?? 0), 0) % COLOURS.length];
  const size = initials.length > 2 ? 72 : 96;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240"><title>${escapeUTF8(name)}</title><rect width="240" height="240" rx="32" fill="${colour}"/><text x="120" y="120" dominant-baseline="central" text-anchor="middle" font-family="system-ui, sans-serif" font-weight="700" font-size="${size}" fill="#ffffff">${escapeUTF8(initials)}</text></svg>\n`;
}
