/**
 * `astro build` for the benchmark, through Astro's programmatic API (the same `build()` the CLI calls),
 * with one inline integration that records what the build asked of the image service: the resolved
 * `image.service.config` and every transform (source file, output, format, width, height, quality, fit, …)
 * from Astro's own list (`globalThis.astroAsset.staticImages`). The sharp floor replays exactly these.
 * Run in the project folder to build:
 *
 *   BENCH_PROBE=/tmp/transforms.json node bench/astro.ts
 */
import { writeFile } from 'node:fs/promises';
import { build, type AstroIntegration } from 'astro';
import type { Probe, ProbeTransform } from './floor.ts';

const probeFile = process.env['BENCH_PROBE'];

// The image phase's own wall and CPU time (all threads of this process, libvips' included): from
// Astro's « generating optimized images » line to the `astro:build:generated` hook, which runs
// right after the last image is written.
let imagesStart: { wall: number; cpu: NodeJS.CpuUsage } | undefined;
let imagePhase: Probe['imagePhase'];
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((...args: unknown[]) => {
    if (!imagesStart && String(args[0]).includes('generating optimized images'))
      imagesStart = { wall: performance.now(), cpu: process.cpuUsage() };
    return write(...args);
  }) as typeof stream.write;
}
let serviceConfig: Record<string, unknown> = {};

/** What this probe reads of Astro's internal list of the images a build generates. */
interface StaticImage {
  originalSrcPath?: string;
  transforms: Map<
    string,
    { finalPath: string; transform: Omit<ProbeTransform, 'finalPath'> & { src?: { fsPath?: string; format?: string } } }
  >;
}

const probe: AstroIntegration = {
  name: 'bench-probe',
  hooks: {
    'astro:config:done': ({ config }) => {
      serviceConfig = config.image.service.config;
    },
    'astro:build:generated': () => {
      if (!imagesStart) return;
      const cpu = process.cpuUsage(imagesStart.cpu);
      imagePhase = { wall: (performance.now() - imagesStart.wall) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
    },
    'astro:build:done': async () => {
      if (!probeFile) return;
      const { astroAsset } = globalThis as { astroAsset?: { staticImages?: Map<string, StaticImage> } };
      const images = [...(astroAsset?.staticImages ?? new Map<string, StaticImage>()).values()].map((entry) => {
        const first = entry.transforms.values().next().value?.transform;
        return {
          source: entry.originalSrcPath ?? first?.src?.fsPath ?? '',
          sourceFormat: first?.src?.format,
          transforms: [...entry.transforms.values()].map(({ finalPath, transform: t }) => ({
            finalPath,
            format: t.format,
            width: t.width,
            height: t.height,
            quality: t.quality,
            fit: t.fit,
            position: t.position,
            background: t.background,
          })),
        };
      });
      const result: Probe = { serviceConfig, imagePhase, images };
      await writeFile(probeFile, JSON.stringify(result));
    },
  },
};

await build({ root: process.cwd(), integrations: [probe] });
