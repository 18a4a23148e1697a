// @ts-check
/**
 * bench-floor — the time sharp alone takes for exactly the image transforms a build performed.
 *
 * The transforms come from the build itself (scripts/lib/bench-astro.mjs records Astro's own list and
 * the resolved `image.service.config`); `transformsFromDist` can also read them back from the files in
 * dist/_astro (format and pixel size of each output), for a build made without the probe.
 * They are replayed as Astro's sharp service does them (node_modules/astro/dist/assets/services/sharp.js):
 * `sharp(buffer, { failOn: 'none', pages: -1 }).rotate().resize({ width, height, kernel, fit, position,
 * withoutEnlargement: true })`, then `.avif()` / `.webp()` / … with the options Astro's own
 * `resolveSharpEncoderOptions` gives (service config per format, and `quality` when the component sets
 * it; with neither, sharp's defaults: AVIF quality 50 effort 4, WebP quality 80 effort 4);
 * `sharp.cache(false)`; each source read once and its transforms done one after the other,
 * `os.availableParallelism()` sources at a time (Astro's PQueue in core/build/generate.js). SVG sources
 * are passed through by Astro (no sharp work): they are counted, not timed.
 *
 * Run as a script, it replays a jobs file in its own process and prints the result as JSON:
 *   node scripts/lib/bench-floor.mjs jobs.json
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveSharpEncoderOptions } from 'astro/assets/services/sharp';
import sharp from 'sharp';

/** @typedef {{ format: string, width: number, height: number, encoderOptions?: Record<string, unknown>, kernel?: string, fit?: string, position?: string, background?: string }} Transform */
/** @typedef {{ source: string, transforms: Transform[] }} Job */

const OUTPUT = /^([^.]+)\.(.{8})_([A-Za-z0-9_-]+)\.(avif|webp|png|jpe?g|svg)$/;

/**
 * The transforms a build performed, per source, from the files in `<dist>/_astro`.
 * @param {string} dist @param {(stem: string) => string | undefined} sourceOf the source file of an output's stem
 * @returns {Promise<{ jobs: Job[], svgCopies: number, outputs: { file: string, format: string, width: number, height: number, bytes: number }[] }>}
 */
export async function transformsFromDist(dist, sourceOf) {
  const folder = join(dist, '_astro');
  /** @type {Map<string, Transform[]>} */
  const bySource = new Map();
  let svgCopies = 0;
  const outputs = [];
  for (const file of (await readdir(folder)).sort()) {
    const m = OUTPUT.exec(file);
    if (!m) continue;
    const source = sourceOf(m[1] ?? '');
    if (!source) continue;
    const meta = await sharp(join(folder, file)).metadata();
    const format = meta.format === 'heif' ? 'avif' : (meta.format ?? '');
    const { size } = await stat(join(folder, file));
    outputs.push({ file, format, width: meta.width ?? 0, height: meta.height ?? 0, bytes: size });
    if (format === 'svg') {
      svgCopies++;
      continue;
    }
    const list = bySource.get(source) ?? [];
    list.push({ format, width: meta.width ?? 0, height: meta.height ?? 0 });
    bySource.set(source, list);
  }
  return { jobs: [...bySource].map(([source, transforms]) => ({ source, transforms })), svgCopies, outputs };
}

/** Astro's `fit` names → sharp's (services/sharp.js). */
const FIT = { fill: 'fill', contain: 'inside', cover: 'cover', none: 'outside', 'scale-down': 'inside', outside: 'outside', inside: 'inside' };

/**
 * The transforms a build recorded (bench-astro.mjs), as replay jobs with Astro's encoder options.
 * @param {{ serviceConfig: Record<string, any>, images: { source: string, sourceFormat?: string, transforms: { format: string, width?: number, height?: number, quality?: string | number, fit?: string, position?: string, background?: string }[] }[] }} probe
 * @returns {{ jobs: Job[], svgCopies: number }}
 */
export function transformsFromProbe(probe) {
  let svgCopies = 0;
  /** @type {Job[]} */
  const jobs = [];
  for (const image of probe.images) {
    /** @type {Transform[]} */
    const transforms = [];
    for (const t of image.transforms) {
      if (t.format === 'svg') {
        svgCopies++;
        continue;
      }
      const encoderOptions = /** @type {Record<string, unknown> | undefined} */ (
        resolveSharpEncoderOptions(/** @type {any} */ ({ format: t.format, quality: t.quality }), image.sourceFormat, probe.serviceConfig)
      );
      /** @type {Transform} */
      const transform = { format: t.format, width: t.width ?? 0, height: t.height ?? 0 };
      if (encoderOptions) transform.encoderOptions = encoderOptions;
      if (probe.serviceConfig['kernel']) transform.kernel = probe.serviceConfig['kernel'];
      if (t.fit) transform.fit = t.fit;
      if (t.position) transform.position = t.position;
      if (t.background) transform.background = t.background;
      transforms.push(transform);
    }
    if (transforms.length > 0) jobs.push({ source: image.source, transforms });
  }
  return { jobs, svgCopies };
}

/**
 * One transform as Astro's sharp service does it.
 * @param {Buffer} input @param {Transform} t
 */
export async function transform(input, t) {
  const image = sharp(input, { failOn: 'none', pages: -1 });
  image.rotate();
  /** @type {import('sharp').ResizeOptions} */
  const resize = { withoutEnlargement: true };
  if (t.width) resize.width = Math.round(t.width);
  if (t.height && t.width) resize.height = Math.round(t.height);
  if (t.kernel) resize.kernel = /** @type {any} */ (t.kernel);
  if (t.fit && t.width && t.height) resize.fit = /** @type {any} */ (FIT)[t.fit] ?? 'inside';
  if (t.position) resize.position = t.position;
  image.resize(resize);
  if (t.background) image.flatten({ background: t.background });
  const options = /** @type {any} */ (t.encoderOptions);
  if (t.format === 'avif') image.avif(options);
  else if (t.format === 'webp') image.webp(options);
  else if (t.format === 'png') image.png(options);
  else if (t.format === 'jpeg' || t.format === 'jpg') image.jpeg(options);
  else image.toFormat(/** @type {any} */ (t.format), options);
  return image.toBuffer();
}

/**
 * Replay jobs with Astro's concurrency; returns the wall time and the CPU time of this process.
 * @param {Job[]} jobs @param {{ concurrency?: number }} [options]
 */
export async function replay(jobs, { concurrency = Math.max(availableParallelism(), 1) } = {}) {
  sharp.cache(false);
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  let count = 0;
  let bytes = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = /** @type {Job} */ (jobs[next++]);
      const input = await readFile(job.source);
      for (const t of job.transforms) {
        const out = await transform(input, t);
        count++;
        bytes += out.length;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6, count, bytes, concurrency };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) throw new Error(`usage: node ${basename(process.argv[1])} jobs.json`);
  const { jobs } = JSON.parse(await readFile(file, 'utf8'));
  const result = await replay(jobs);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
