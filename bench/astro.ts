// `astro build` through Astro's API, with a probe that writes to $BENCH_PROBE the image config, the transforms as Astro
// hands them to the image service, the bytes written by format, and the image phase's wall and CPU time (this process,
// libvips' threads included, from Astro's « generating optimized images » line to `astro:build:generated`).
import { stat, writeFile } from 'node:fs/promises';
import { build } from 'astro';

export type Time = [wall: number, cpu: number];
type Transform = { format?: string } & Record<string, unknown>;
type Images = Map<string, { originalSrcPath?: string; transforms: Map<string, { finalPath: string; transform: Transform }> }>;
export type Probe = typeof probe;

const seconds = ({ user, system }: NodeJS.CpuUsage) => (user + system) / 1e6;
const sources: { source: string; transforms: Transform[] }[] = [];
const probe = { imageConfig: {}, imagePhase: null as Time | null, written: {} as Record<string, number>, sources };
let start: [number, NodeJS.CpuUsage] | undefined;
const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
process.stdout.write = ((...args: unknown[]) => {
  if (!start && String(args[0]).includes('generating optimized images')) start = [performance.now(), process.cpuUsage()];
  return write(...args);
}) as typeof process.stdout.write;

const hooks = {
  'astro:config:done': ({ config }: { config: { image: object } }) => void (probe.imageConfig = config.image),
  'astro:build:generated': () => {
    if (start) probe.imagePhase = [(performance.now() - start[0]) / 1000, seconds(process.cpuUsage(start[1]))];
  },
  'astro:build:done': async ({ dir }: { dir: URL }) => {
    const images = (globalThis as { astroAsset?: { staticImages?: Images } }).astroAsset?.staticImages?.values() ?? [];
    for (const { originalSrcPath: source = '', transforms } of images) {
      const list = [...transforms.values()];
      for (const { finalPath, transform: t } of list) {
        probe.written[t.format ?? ''] = (probe.written[t.format ?? ''] ?? 0) + (await stat(new URL(`.${finalPath}`, dir))).size;
      }
      // Astro passes the source's address as `src` (core: assets/build/generate.js).
      sources.push({ source, transforms: list.map(({ transform }) => ({ ...transform, src: source })) });
    }
    if (process.env['BENCH_PROBE']) await writeFile(process.env['BENCH_PROBE'], JSON.stringify(probe));
  },
};
await build({ root: process.cwd(), integrations: [{ name: 'bench-probe', hooks }] });
