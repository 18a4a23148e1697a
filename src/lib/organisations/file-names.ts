import { isAbsolute, relative } from 'node:path';
import { slug } from 'github-slugger';

/**
 * The id of an entry: its file name without `.md`, slugified by github-slugger (`Blast.md` → `blast`).
 * The rule is ours, not Astro's default, and two files with the same id (which would silently become one entry)
 * are found before.
 * The id is the card's anchor on the page and the feed item's address: it must not change for a file.
 */
export function entryIdOf(fileName: string): string {
  return slug(fileName.replace(/\.[^.]+$/, '').trim());
}

/**
 * At most this many characters before `.md`: file systems refuse names over 255 bytes, and a long name
 * is cut at a word so that it still reads.
 */
const MAX_FILE_NAME_LENGTH = 80;

/**
 * The file name of a new entry (`npm run new`): lower case, accents removed, anything other than
 * a–z and 0–9 becomes `-`. « Les Amis de la Terre » → `les-amis-de-la-terre`, « L’Âge de faire » → `l-age-de-faire`.
 */
export function fileNameOf(name: string): string {
  const full = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (full.length <= MAX_FILE_NAME_LENGTH) return full;
  const cut = full.slice(0, MAX_FILE_NAME_LENGTH + 1);
  return (
    cut.lastIndexOf('-') > MAX_FILE_NAME_LENGTH / 2 ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, MAX_FILE_NAME_LENGTH)
  ).replace(/-+$/, '');
}

/** A path as the owner can find it, in every message: relative to `root` with `/`, absolute outside it. */
export function display(path: string, root = process.cwd()): string {
  const inside = relative(root, path);
  return (inside.startsWith('..') || isAbsolute(inside) ? path : inside).split('\\').join('/') || '.';
}
