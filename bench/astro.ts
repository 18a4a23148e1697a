/**
 * `astro build` for the benchmark, run in the project folder through Astro's programmatic API (the `build()` the
 * CLI calls), with a probe that writes to $BENCH_PROBE what the image phase did: its wall and CPU time (this
 * process, libvips' threads included, from Astro's « generating optimized images » line to the
 * `astro:build:generated` hook, which runs right after the last image is written), the image config, and every
 * transform of Astro's own list (`globalThis.astroAsset.staticImages`) as Astro hands it to the image service.
 * bench/floor.ts replays exactly these.
 */
import { stat, writeFile } from 'node:fs/promises';
import { build } from 'astro';

type Transform = { format?: string; src?: { fsPath?: string } | string } & Record<string, unknown>;
export interface Probe {
  imageConfig: unknown;
  imagePhase: { wall: number; cpu: number } | undefined;
  /** bytes of the files the transforms wrote, by format */
  written: Record<string, number>;
  sources: { source: string; transforms: Transform[] }[];
}

let start: { wall: number; cpu: NodeJS.CpuUsage } | undefined;
const probe: Probe = { imageConfig: undefined, imagePhase: undefined, written: {}, sources: [] };
// Astro's node logger writes info lines to stdout.
const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
process.stdout.write = ((...args: unknown[]) => {
  if (!start && String(args[0]).includes('generating optimized images')) start = { wall: performance.now(), cpu: process.cpuUsage() };
  return write(...args);
}) as typeof process.stdout.write;

await build({
  root: process.cwd(),
  integrations: [
    {
      name: 'bench-probe',
      hooks: {
        'astro:config:done': ({ config }) => void (probe.imageConfig = config.image),
        'astro:build:generated': () => {
          const cpu = start && process.cpuUsage(start.cpu);
          if (start && cpu) probe.imagePhase = { wall: (performance.now() - start.wall) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
        },
        'astro:build:done': async ({ dir }) => {
          type Images = Map<string, { originalSrcPath?: string; transforms: Map<string, { finalPath: string; transform: Transform }> }>;
          const { astroAsset } = globalThis as { astroAsset?: { staticImages?: Images } };
          for (const { originalSrcPath, transforms } of astroAsset?.staticImages?.values() ?? []) {
            const list = [...transforms.values()].map(({ transform }) => transform);
            for (const { finalPath, transform } of transforms.values()) {
              const format = transform.format ?? '';
              probe.written[format] = (probe.written[format] ?? 0) + (await stat(new URL(`.${finalPath}`, dir))).size;
            }
            const first = list[0]?.src;
            const source = originalSrcPath ?? (typeof first === 'object' ? first.fsPath : undefined) ?? '';
            // Astro passes the source's address as `src` (core: assets/build/generate.js); only messages use it.
            probe.sources.push({ source, transforms: list.map((t) => ({ ...t, src: source })) });
          }
          if (process.env['BENCH_PROBE']) await writeFile(process.env['BENCH_PROBE'], JSON.stringify(probe));
        },
      },
    },
  ],
});
