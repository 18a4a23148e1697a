import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGO_BOX } from '../../src/lib/logo-size';
import { MAX_IMAGE_BYTES } from '../support/budgets';
import { buildInProcess, createTempProject, type CommandResult, type TempProject } from '../support/temp-project';

/**
 * The owner drops the logo file an organisation's press kit gives: 4000 px wide, saved at high quality,
 * from 0.5 MB to several MB. The build must do the work, not the visitor: the page still serves small files at
 * the size the card shows them, and the original never reaches `dist`.
 */

const SLOW = 240_000;

/** The logo upscaled to 4000 px wide, with a grain on its colours (alpha kept) that defeats easy compression, saved at high quality. */
async function pressKitLogo(path: string): Promise<number> {
  const { data, info } = await sharp(path)
    .resize({ width: 4000, kernel: 'lanczos3' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let seed = 1;
  for (let i = 0; i < data.length; i += 4) {
    for (let channel = 0; channel < 3; channel++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const value = (data[i + channel] ?? 0) + (seed / 0x7fffffff - 0.5) * 24;
      data[i + channel] = Math.max(0, Math.min(255, Math.round(value)));
    }
  }
  const image = sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } });
  const encoded = path.endsWith('.png')
    ? await image.png({ compressionLevel: 6 }).toBuffer()
    : path.endsWith('.webp')
      ? await image.webp({ quality: 95 }).toBuffer()
      : await image.flatten({ background: '#ffffff' }).jpeg({ quality: 95 }).toBuffer();
  await writeFile(path, encoded);
  return encoded.length;
}

describe('logos from a press kit (4000 px, megabytes)', () => {
  let project: TempProject;
  let build: CommandResult;
  const originals: number[] = [];
  let html = '';

  beforeAll(async () => {
    project = await createTempProject();
    for (const name of await readdir(project.organisations)) {
      if (/\.(png|jpe?g|webp)$/.test(name)) originals.push(await pressKitLogo(join(project.organisations, name)));
    }
    build = await buildInProcess(project.dir);
    if (build.code === 0) html = await readFile(join(project.dir, 'dist/index.html'), 'utf8');
  }, SLOW);
  afterAll(() => project.remove());

  it('are really large files, and the site builds with them', () => {
    expect(originals.length).toBeGreaterThanOrEqual(8);
    expect(Math.min(...originals)).toBeGreaterThan(500_000);
    expect(build.code, build.output).toBe(0);
  });

  it('are served small: every logo candidate at most 60 KiB and at most twice the card box', async () => {
    const candidates = [...html.matchAll(/srcset="([^"]+)"/g)].flatMap((match) =>
      (match[1] ?? '').split(', ').map((candidate) => candidate.split(' ')[0] ?? ''),
    );
    // Ten cards × two formats (AVIF, WebP) × 1× and 2× = 40 distinct files; the <img> fallback repeats the WebP ones.
    expect(new Set(candidates).size).toBeGreaterThanOrEqual(40);
    for (const url of new Set(candidates)) {
      const file = join(project.dir, 'dist', url);
      const { size } = await stat(file);
      const { width = Number.POSITIVE_INFINITY, height = Number.POSITIVE_INFINITY } = await sharp(file).metadata();
      expect(size, `${url} weighs ${size} bytes`).toBeLessThanOrEqual(MAX_IMAGE_BYTES);
      expect(width, url).toBeLessThanOrEqual(2 * LOGO_BOX.width);
      expect(height, url).toBeLessThanOrEqual(2 * LOGO_BOX.height);
    }
  });

  it('never reach the published site: no file in dist is larger than 100 kB', async () => {
    const heavy: string[] = [];
    for (const file of await readdir(join(project.dir, 'dist'), { recursive: true, withFileTypes: true })) {
      const { size } = await stat(join(file.parentPath, file.name));
      if (file.isFile() && size > 100_000) heavy.push(`${join(file.parentPath, file.name)} (${size} bytes)`);
    }
    expect(heavy).toEqual([]);
  });
});
