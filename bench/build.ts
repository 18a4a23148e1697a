/**
 * One timed build: bench/astro.ts in its own process under /usr/bin/time (Debian's `time` package), with its wall
 * time, CPU time (user + system of the whole tree), peak memory, Astro's phase timings from its log, and how many
 * images it encoded or took from its cache.
 *
 * Peak memory: the build is one process, whose exact peak /usr/bin/time gives for free; the rest of the tree
 * (/usr/bin/time itself, ≤ ~19 MB) is sampled from /proc every 2 s only, as each sample takes CPU from the build
 * it measures (BENCHMARKS.md).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { run } from '../tests/support/temp-project.ts';

const ASTRO = fileURLToPath(new URL('astro.ts', import.meta.url));
export const PHASES = ['sync', 'vite', 'pages', 'images'] as const;

/** Resident bytes of a process and its descendants. */
async function treeRss(pid: number): Promise<number> {
  const read = (file: string) => readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => '');
  const children = (await read(`task/${pid}/children`)).split(' ').filter(Boolean).map(Number);
  const sizes = await Promise.all(children.map(treeRss));
  return sizes.reduce((sum, size) => sum + size, Number((await read('statm')).split(' ')[1] ?? 0) * 4096);
}

/** Astro's and Vite's durations ("345ms", "10.49s", "2m 5s") in seconds; NaN when absent. */
function seconds(text = ''): number {
  const m = /^(?:(\d+)m\s*)?(?:([\d.]+)(ms|s))?$/.exec(text);
  return text && m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) / (m[3] === 'ms' ? 1000 : 1) : Number.NaN;
}

/** Builds the project in `dir`, the probe written to `probeFile`. */
export async function runBuild(dir: string, probeFile: string) {
  let sampled = 0;
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  const time = ['-f', '__TIME__ %M %U %S', process.execPath, ASTRO];
  const { code, output } = await run('/usr/bin/time', time, dir, { BENCH_PROBE: probeFile }, ({ pid = 0 }) => {
    timer = setInterval(async () => (sampled = Math.max(sampled, await treeRss(pid))), 2000);
  });
  const wall = (performance.now() - started) / 1000;
  clearInterval(timer);
  if (code !== 0) throw new Error(`the build failed (exit ${code}) in ${dir}:\n${output.split('\n').slice(-40).join('\n')}`);
  const [, peak = 0, user = NaN, system = NaN] = (/__TIME__ (\d+) ([\d.]+) ([\d.]+)/.exec(output) ?? []).map(Number);
  // The first « ✓ Completed in … » after the line that starts a phase.
  const completed = (start: string) => seconds(new RegExp(`${start}[\\s\\S]*?✓ Completed in (\\S+?)\\.?\\s*$`, 'm').exec(output)?.[1]);
  const images = output.split('\n').filter((line) => /▶ \/.*\.(avif|webp|png|jpe?g|svg) \(/.test(line));
  const phases: Record<(typeof PHASES)[number], number> = {
    sync: seconds(/\[types\] Generated (\S+)/.exec(output)?.[1]),
    vite: [...output.matchAll(/\[vite\] ✓ built in (\S+)/g)].reduce((sum, m) => sum + seconds(m[1]), 0),
    pages: completed('generating static routes'),
    images: completed('generating optimized images'),
  };
  return {
    wall,
    cpu: user + system,
    /** bytes: the largest of the sampled tree and the build process's exact peak */
    peakRss: Math.max(sampled, peak * 1024),
    phases,
    encoded: images.filter((line) => line.includes('(before:')).length,
    reused: images.filter((line) => line.includes('(reused cache entry)')).length,
  };
}
