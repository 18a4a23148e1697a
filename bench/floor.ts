/**
 * The sharp floor: the image transforms a build performed (recorded by bench/astro.ts), done again in this process
 * by Astro's own sharp service (`astro/assets/services/sharp`: the same sharp calls and encoder options, sharp's
 * cache off) without the rest of Astro: each source read once and its transforms done one after the other,
 * `os.availableParallelism()` sources at a time, as Astro's build queue does (core/build/generate.js). Astro passes
 * SVG sources through, with no sharp work: they are counted, not timed. Prints the result as JSON:
 *
 *   node bench/floor.ts probe.json
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import sharpService from 'astro/assets/services/sharp';
import type { Probe } from './astro.ts';

export interface Floor {
  wall: number;
  cpu: number;
  /** transforms done by sharp; SVG sources passed through */
  count: number;
  svg: number;
}

const probe = JSON.parse(await readFile(process.argv[2] ?? '', 'utf8')) as Probe;
const config = probe.imageConfig as Parameters<typeof sharpService.transform>[2];
type Transform = Parameters<typeof sharpService.transform>[1];
const jobs = probe.sources
  .map(({ source, transforms }) => ({ source, transforms: transforms.filter((t) => t.format !== 'svg') }))
  .filter((job) => job.transforms.length > 0);
const all = probe.sources.reduce((sum, s) => sum + s.transforms.length, 0);
await import('sharp'); // loaded before the clock starts, as in a build

const cpuStart = process.cpuUsage();
const started = performance.now();
let count = 0;
const worker = async () => {
  for (let job = jobs.shift(); job; job = jobs.shift()) {
    const input = await readFile(job.source);
    for (const t of job.transforms) {
      await sharpService.transform(input, t as Transform, config, console);
      count++;
    }
  }
};
await Promise.all(Array.from({ length: availableParallelism() }, worker));
const cpu = process.cpuUsage(cpuStart);
const floor: Floor = { wall: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6, count, svg: all - count };
process.stdout.write(`${JSON.stringify(floor)}\n`);
