import { existsSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isLogoTooSmall, minimumLogoSize, type Size } from '../logo-size.ts';
import { logoMessages } from './messages.ts';
import { findSvgDangers } from './svg-safety.ts';

/**
 * The one logo check, used by the build (through the loader) and by `npm run new`: which files can be
 * logos, and whether an image is readable and large enough to stay sharp on a 2× screen.
 */

/** File extensions of the image formats Astro's `image()` accepts. */
export const LOGO_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'avif', 'gif', 'svg', 'tiff', 'tif'] as const;
/** The format each extension announces, as sharp names formats (it reads AVIF as `heif`). */
const FORMAT_OF_EXTENSION: Record<string, string> = { jpg: 'jpeg', jpeg: 'jpeg', tif: 'tiff', tiff: 'tiff', avif: 'heif' };
/** The extension to give a file of each format. */
export const EXTENSION_OF_FORMAT: Record<string, string> = {
  png: 'png',
  jpeg: 'jpg',
  webp: 'webp',
  heif: 'avif',
  gif: 'gif',
  svg: 'svg',
  tiff: 'tiff',
};
/**
 * sharp's own limit (and so the build's): above it, an image is refused before being decoded.
 * The header is still read, to say how large it is.
 */
const LOGO_MAX_PIXELS = 0x3fff * 0x3fff;
/** An SVG is published as it is (no resizing can make it lighter): it must fit the budget of any published file. */
const SVG_MAX_BYTES = 100_000;

export function hasLogoExtension(fileName: string): boolean {
  return (LOGO_EXTENSIONS as readonly string[]).includes(extname(fileName).slice(1).toLowerCase());
}

export type LogoVerdict =
  | { kind: 'ok'; format: string; width: number; height: number }
  | { kind: 'unreadable' }
  | { kind: 'wrong-extension'; format: string; renamed: string }
  | { kind: 'animated'; frames: number }
  | { kind: 'too-large'; size: Size }
  | { kind: 'too-small'; size: Size; minimum: Size }
  | { kind: 'unsafe-svg'; dangers: string[] }
  | { kind: 'heavy-svg'; bytes: number };

/**
 * Reads the image (its header; an SVG's whole text) and judges it, by its bytes, not its name:
 * the format must be the one its extension announces, since Astro picks its handling by extension.
 * A vector logo is never too small, but it must be a static drawing (`svg-safety.ts`).
 */
export async function inspectLogo(path: string): Promise<LogoVerdict> {
  // Loaded on first use: `npm run new` refuses bad arguments before paying for sharp.
  const { default: sharp } = await import('sharp');
  let metadata;
  try {
    metadata = await sharp(path, { limitInputPixels: false }).metadata();
  } catch {
    return { kind: 'unreadable' };
  }
  const { format, width, height, pages = 1, compression } = metadata;
  if (!format || !width || !height || !(format in EXTENSION_OF_FORMAT) || (format === 'heif' && compression !== 'av1')) {
    return { kind: 'unreadable' };
  }
  const extension = extname(path).slice(1).toLowerCase();
  if ((FORMAT_OF_EXTENSION[extension] ?? extension) !== format) {
    return {
      kind: 'wrong-extension',
      format: format === 'heif' ? 'avif' : format,
      renamed: `${basename(path, extname(path))}.${EXTENSION_OF_FORMAT[format]}`,
    };
  }
  if (format === 'svg') {
    const { size: bytes } = await stat(path);
    if (bytes > SVG_MAX_BYTES) return { kind: 'heavy-svg', bytes };
    const dangers = findSvgDangers(await readFile(path, 'utf8'));
    return dangers.length > 0 ? { kind: 'unsafe-svg', dangers } : { kind: 'ok', format, width, height };
  }
  const size = { width, height };
  if (pages > 1) return { kind: 'animated', frames: pages };
  if (width * height > LOGO_MAX_PIXELS) return { kind: 'too-large', size };
  if (isLogoTooSmall(size)) return { kind: 'too-small', size, minimum: minimumLogoSize(size) };
  return { kind: 'ok', format, width, height };
}

/** Why a verdict refuses the logo, in the build's words, or undefined when it is good. */
export function logoVerdictMessage(written: string, verdict: LogoVerdict): string | undefined {
  switch (verdict.kind) {
    case 'ok':
      return undefined;
    case 'unreadable':
      return logoMessages.unreadable(written);
    case 'wrong-extension':
      return logoMessages.wrongExtension(written, verdict.format, verdict.renamed);
    case 'animated':
      return logoMessages.animated(written, verdict.frames);
    case 'too-large':
      return logoMessages.tooLarge(written, verdict.size, LOGO_MAX_PIXELS);
    case 'too-small':
      return logoMessages.tooSmall(written, verdict.size, verdict.minimum);
    case 'unsafe-svg':
      return logoMessages.unsafeSvg(written, verdict.dangers);
    case 'heavy-svg':
      return logoMessages.heavySvg(written, verdict.bytes, SVG_MAX_BYTES);
  }
}

/** Whether `path`, once symbolic links are followed, is inside `folder`. */
async function isInside(folder: string, path: string): Promise<boolean> {
  const inside = relative(await realpath(folder), await realpath(path));
  return inside !== '' && !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside);
}

/** The logo file an entry names, resolved beside the entry; undefined when `written` is not a file name. */
export function logoPathOf(entryFile: string, written: unknown): string | undefined {
  if (typeof written !== 'string' || written.trim() === '' || /^[a-z]+:\/\//i.test(written)) return undefined;
  return resolve(dirname(entryFile), written);
}

/** Logos already found good, so that an unchanged one is not read again (the loader keeps it between builds). */
export interface LogoMemory {
  isKnownGood(path: string): Promise<boolean>;
  remember(path: string): Promise<void>;
}

/** What is wrong with the `logo` an entry wrote, for the build's report, or undefined. */
export async function findLogoProblem(entryFile: string, written: unknown, memory?: LogoMemory): Promise<string | undefined> {
  if (typeof written !== 'string' || written.trim() === '') return logoMessages.missing;
  if (/^[a-z]+:\/\//i.test(written)) return logoMessages.webAddress(written);
  // Only a file of the entry's own folder: a path may not lead out of it, to another file of the project or the machine.
  if (isAbsolute(written)) return logoMessages.outsideFolder(written);
  const path = resolve(dirname(entryFile), written);
  if (!existsSync(path)) {
    if (relative(dirname(entryFile), path).startsWith('..')) return logoMessages.outsideFolder(written);
    const imagesBeside = (await readdir(dirname(entryFile))).filter(hasLogoExtension);
    return logoMessages.notFound(written, imagesBeside);
  }
  if (!(await isInside(dirname(entryFile), path))) return logoMessages.outsideFolder(written);
  if (await memory?.isKnownGood(path)) return undefined;
  const problem = logoVerdictMessage(written, await inspectLogo(path));
  if (problem === undefined) await memory?.remember(path);
  return problem;
}
