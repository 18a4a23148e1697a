import { existsSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isLogoTooSmall, minimumLogoSize } from '../logo-size.ts';
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

/** A logo's size when it is good, or why it is refused, in the build's words. */
export type LogoCheck = { problem: string } | { problem?: undefined; width: number; height: number };

/**
 * Reads the image (its header; an SVG's whole text) and judges it, by its bytes, not its name:
 * the format must be the one its extension announces, since Astro picks its handling by extension.
 * A vector logo is never too small, but it must be a static drawing (`svg-safety.ts`). `written` is the
 * logo as the owner wrote it, for the message.
 */
export async function inspectLogo(path: string, written: string): Promise<LogoCheck> {
  // Loaded on first use: `npm run new` refuses bad arguments before paying for sharp.
  const { default: sharp } = await import('sharp');
  const metadata = await sharp(path, { limitInputPixels: false })
    .metadata()
    .catch(() => undefined);
  const { format, width, height, pages = 1, compression } = metadata ?? {};
  if (!format || !width || !height || !(format in EXTENSION_OF_FORMAT) || (format === 'heif' && compression !== 'av1')) {
    return { problem: logoMessages.unreadable(written) };
  }
  const extension = extname(path).slice(1).toLowerCase();
  if ((FORMAT_OF_EXTENSION[extension] ?? extension) !== format) {
    const renamed = `${basename(path, extname(path))}.${EXTENSION_OF_FORMAT[format]}`;
    return { problem: logoMessages.wrongExtension(written, format === 'heif' ? 'avif' : format, renamed) };
  }
  const size = { width, height };
  if (format === 'svg') {
    const { size: bytes } = await stat(path);
    if (bytes > SVG_MAX_BYTES) return { problem: logoMessages.heavySvg(written, bytes, SVG_MAX_BYTES) };
    const dangers = findSvgDangers(await readFile(path, 'utf8'));
    return dangers.length > 0 ? { problem: logoMessages.unsafeSvg(written, dangers) } : size;
  }
  if (pages > 1) return { problem: logoMessages.animated(written, pages) };
  if (width * height > LOGO_MAX_PIXELS) return { problem: logoMessages.tooLarge(written, size, LOGO_MAX_PIXELS) };
  if (isLogoTooSmall(size)) return { problem: logoMessages.tooSmall(written, size, minimumLogoSize(size)) };
  return size;
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
  const { problem } = await inspectLogo(path, written);
  if (problem === undefined) await memory?.remember(path);
  return problem;
}
