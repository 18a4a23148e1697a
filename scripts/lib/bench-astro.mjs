// @ts-check
/**
 * bench-astro — `astro build` for the benchmark, through Astro's programmatic API (the same `build()`
 * the CLI calls), with one inline integration that records what the build asked of the image service:
 * the resolved `image.service.config` and every transform (source file, output, format, width,
 * height, quality, fit, …) from Astro's own list (`globalThis.astroAsset.staticImages`). The sharp
 * floor replays exactly these. Run in the project folder to build:
 *
 *   BENCH_PROBE=/tmp/transforms.json node scripts/lib/bench-astro.mjs
 */
import { writeFile } from 'node:fs/promises';
import { build } from 'astro';

const probeFile = process.env['BENCH_PROBE'];

// The image phase's own wall and CPU time (all threads of this process, libvips' included): from
// Astro's « generating optimized images » line to the `astro:build:generated` hook, which runs
// right after the last image is written.
/** @type {{ wall: number, cpu: NodeJS.CpuUsage } | undefined} */
let imagesStart;
/** @type {{ wall: number, cpu: number } | undefined} */
let imagePhase;
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = /** @type {typeof stream.write} */ (
    (/** @type {any} */ chunk, /** @type {any[]} */ ...rest) => {
      if (!imagesStart && String(chunk).includes('generating optimized images')) imagesStart = { wall: performance.now(), cpu: process.cpuUsage() };
      return write(chunk, ...rest);
    }
  );
}
/** @type {Record<string, unknown>} */
let serviceConfig = {};
/** @type {string | undefined} */
let serviceEntrypoint;

/** @type {import('astro').AstroIntegration} */
const probe = {
  name: 'bench-probe',
  hooks: {
    'astro:config:done': ({ config }) => {
      serviceConfig = /** @type {Record<string, unknown>} */ (config.image.service.config ?? {});
      serviceEntrypoint = config.image.service.entrypoint;
    },
    'astro:build:generated': () => {
      if (!imagesStart) return;
      const cpu = process.cpuUsage(imagesStart.cpu);
      imagePhase = { wall: (performance.now() - imagesStart.wall) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
    },
    'astro:build:done': async () => {
      if (!probeFile) return;
      /** @type {Map<string, { originalSrcPath?: string, transforms: Map<string, { finalPath: string, transform: Record<string, any> }> }>} */
      const staticImages = /** @type {any} */ (globalThis).astroAsset?.staticImages ?? new Map();
      const images = [...staticImages].map(([originalPath, entry]) => ({
        originalPath,
        source: entry.originalSrcPath ?? entry.transforms.values().next().value?.transform['src']?.fsPath,
        sourceFormat: entry.transforms.values().next().value?.transform['src']?.format,
        transforms: [...entry.transforms.values()].map(({ finalPath, transform }) => ({
          finalPath,
          format: transform['format'],
          width: transform['width'],
          height: transform['height'],
          quality: transform['quality'],
          fit: transform['fit'],
          position: transform['position'],
          background: transform['background'],
        })),
      }));
      await writeFile(probeFile, JSON.stringify({ serviceEntrypoint, serviceConfig, imagePhase, images }));
    },
  },
};

await build({ root: process.cwd(), integrations: [probe] });
