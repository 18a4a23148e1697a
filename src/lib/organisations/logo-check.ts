import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { isLogoTooSmall, minimumLogoSize, type Size } from '../logo-size.ts';
import { logoMessages } from './messages.ts';

/**
 * The one logo check, used by the build (through the loader) and by `npm run new`: which files can be
 * logos, and whether an image is readable and large enough to stay sharp on a 2× screen.
 */

/** File extensions of the image formats Astro's `image()` accepts. */
export const LOGO_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'avif', 'gif', 'svg', 'tiff', 'tif'] as const;
/** The same formats as sharp names them. */
const LOGO_FORMATS = new Set(['png', 'jpeg', 'webp', 'avif', 'gif', 'svg', 'tiff']);

export function hasLogoExtension(fileName: string): boolean {
  return (LOGO_EXTENSIONS as readonly string[]).includes(extname(fileName).slice(1).toLowerCase());
}

export type LogoVerdict =
  | { kind: 'ok'; format: string; width: number; height: number }
  | { kind: 'unreadable' }
  | { kind: 'too-small'; size: Size; minimum: Size };

/** Reads the image (its header only) and judges it. A vector logo is never too small. */
export async function inspectLogo(path: string): Promise<LogoVerdict> {
  // Loaded on first use: `npm run new` refuses bad arguments before paying for sharp.
  const { default: sharp } = await import('sharp');
  let metadata;
  try {
    metadata = await sharp(path).metadata();
  } catch {
    return { kind: 'unreadable' };
  }
  const { format, width, height } = metadata;
  if (!format || !LOGO_FORMATS.has(format) || !width || !height) return { kind: 'unreadable' };
  const size = { width, height };
  if (format !== 'svg' && isLogoTooSmall(size)) return { kind: 'too-small', size, minimum: minimumLogoSize(size) };
  return { kind: 'ok', format, width, height };
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
  const path = resolve(dirname(entryFile), written);
  if (!existsSync(path)) {
    const imagesBeside = (await readdir(dirname(entryFile))).filter(hasLogoExtension);
    return logoMessages.notFound(written, imagesBeside);
  }
  if (await memory?.isKnownGood(path)) return undefined;
  const verdict = await inspectLogo(path);
  if (verdict.kind === 'unreadable') return logoMessages.unreadable(written);
  if (verdict.kind === 'too-small') return logoMessages.tooSmall(written, verdict.size, verdict.minimum);
  await memory?.remember(path);
  return undefined;
}
