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
      await writeFile(probeFile, JSON.stringify({ serviceEntrypoint, serviceConfig, images }));
    },
  },
};

await build({ root: process.cwd(), integrations: [probe] });
