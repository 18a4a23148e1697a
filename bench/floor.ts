/**
 * The sharp floor: the time sharp alone takes for exactly the image transforms a build performed.
 *
 * The transforms come from the build itself (bench/astro.ts records Astro's own list and the resolved
 * `image.service.config`). They are replayed as Astro's sharp service does them
 * (node_modules/astro/dist/assets/services/sharp.js): `sharp(buffer, { failOn: 'none', pages: -1 }).rotate()
 * .resize({ width, height, kernel, fit, position, withoutEnlargement: true })`, then `.avif()` / `.webp()` / …
 * with the options Astro's own `resolveSharpEncoderOptions` gives (service config per format, and `quality`
 * when the component sets it; with neither, sharp's defaults: AVIF quality 50 effort 4, WebP quality 80
 * effort 4); `sharp.cache(false)`; each source read once and its transforms done one after the other,
 * `os.availableParallelism()` sources at a time (Astro's PQueue in core/build/generate.js). SVG sources are
 * passed through by Astro (no sharp work): they are counted, not timed.
 *
 * Run as a script, it replays a jobs file in its own process and prints the result as JSON:
 *   node bench/floor.ts jobs.json
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { resolveSharpEncoderOptions } from 'astro/assets/services/sharp';
import sharp, { type FitEnum, type FormatEnum, type KernelEnum, type ResizeOptions } from 'sharp';

/** One transform as bench/astro.ts records it. */
export interface ProbeTransform {
  finalPath: string;
  format: string;
  width?: number | undefined;
  height?: number | undefined;
  quality?: string | null | undefined;
  fit?: string | undefined;
  position?: string | undefined;
  background?: string | undefined;
}

/** What bench/astro.ts writes: the image service's config, the image phase's times, every transform. */
export interface Probe {
  serviceConfig: Record<string, unknown>;
  imagePhase: { wall: number; cpu: number } | undefined;
  images: { source: string; sourceFormat: string | undefined; transforms: ProbeTransform[] }[];
}

interface Transform {
  format: string;
  width: number;
  height: number;
  encoderOptions?: object;
  kernel?: keyof KernelEnum;
  fit?: string;
  position?: string;
  background?: string;
}
interface Job {
  source: string;
  transforms: Transform[];
}
export interface FloorResult {
  wall: number;
  cpu: number;
  count: number;
}

const OUTPUT = /^([^.]+)\.(.{8})_([A-Za-z0-9_-]+)\.(avif|webp|png|jpe?g|svg)$/;

/** The images a build wrote in `<dist>/_astro` from the sources `isSource` recognises (by file stem). */
export async function writtenImages(dist: string, isSource: (stem: string) => boolean): Promise<{ format: string; bytes: number }[]> {
  const folder = join(dist, '_astro');
  const outputs = [];
  for (const file of await readdir(folder)) {
    const m = OUTPUT.exec(file);
    if (!m || !isSource(m[1] ?? '')) continue;
    outputs.push({ format: m[4] === 'jpg' ? 'jpeg' : (m[4] ?? ''), bytes: (await stat(join(folder, file))).size });
  }
  return outputs;
}

/** The transforms a build recorded, as replay jobs with Astro's encoder options. */
export function transformsFromProbe(probe: Probe): { jobs: Job[]; svgCopies: number } {
  let svgCopies = 0;
  const jobs: Job[] = [];
  const kernel = probe.serviceConfig['kernel'] as keyof KernelEnum | undefined;
  for (const image of probe.images) {
    const transforms: Transform[] = [];
    for (const t of image.transforms) {
      if (t.format === 'svg') {
        svgCopies++;
        continue;
      }
      const encoderOptions = resolveSharpEncoderOptions(
        { format: t.format, ...(t.quality !== undefined && { quality: t.quality }) },
        image.sourceFormat,
        probe.serviceConfig,
      );
      const transform: Transform = { format: t.format, width: t.width ?? 0, height: t.height ?? 0 };
      if (encoderOptions) transform.encoderOptions = encoderOptions;
      if (kernel) transform.kernel = kernel;
      if (t.fit) transform.fit = t.fit;
      if (t.position) transform.position = t.position;
      if (t.background) transform.background = t.background;
      transforms.push(transform);
    }
    if (transforms.length > 0) jobs.push({ source: image.source, transforms });
  }
  return { jobs, svgCopies };
}

/** Astro's `fit` names → sharp's (services/sharp.js). */
const FIT: Record<string, keyof FitEnum> = {
  fill: 'fill',
  contain: 'inside',
  cover: 'cover',
  none: 'outside',
  'scale-down': 'inside',
  outside: 'outside',
  inside: 'inside',
};

/** One transform as Astro's sharp service does it. */
function transform(input: Buffer, t: Transform): Promise<Buffer> {
  const image = sharp(input, { failOn: 'none', pages: -1 });
  image.rotate();
  const resize: ResizeOptions = { withoutEnlargement: true };
  if (t.width) resize.width = Math.round(t.width);
  if (t.height && t.width) resize.height = Math.round(t.height);
  if (t.kernel) resize.kernel = t.kernel;
  if (t.fit && t.width && t.height) resize.fit = FIT[t.fit] ?? 'inside';
  if (t.position) resize.position = t.position;
  image.resize(resize);
  if (t.background) image.flatten({ background: t.background });
  // The same call as Astro's `.avif(options)`, `.webp(options)`…: sharp's toFormat forwards to them.
  image.toFormat(t.format as keyof FormatEnum, t.encoderOptions);
  return image.toBuffer();
}

/** Replay jobs with Astro's concurrency; returns the wall time and the CPU time of this process. */
async function replay(jobs: Job[]): Promise<FloorResult> {
  sharp.cache(false);
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  let count = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++] as Job;
      const input = await readFile(job.source);
      for (const t of job.transforms) {
        await transform(input, t);
        count++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(availableParallelism(), 1) }, worker));
  const cpu = process.cpuUsage(cpuStart);
  return { wall: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6, count };
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node bench/floor.ts jobs.json');
  const { jobs } = JSON.parse(await readFile(file, 'utf8')) as { jobs: Job[] };
  process.stdout.write(`${JSON.stringify(await replay(jobs))}\n`);
}
