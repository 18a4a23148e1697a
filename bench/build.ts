/**
 * One timed `astro build` (through bench/astro.ts) in a temporary project, with its CPU time and peak
 * memory (the largest process's exact peak from /usr/bin/time, and the whole tree sampled every 2 s) and
 * the phases Astro logs.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { run } from '../tests/support/temp-project.ts';

const BUILD = fileURLToPath(new URL('astro.ts', import.meta.url));

/** Resident bytes of pid and all its descendants. */
async function treeRss(pid: number): Promise<number> {
  const children = new Map<number, number[]>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields after the last ')' are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const queue = [pid];
  for (let current = queue.pop(); current !== undefined; current = queue.pop()) {
    try {
      total += Number((await readFile(`/proc/${current}/statm`, 'utf8')).split(' ')[1]) * 4096;
    } catch {
      // ended
    }
    queue.push(...(children.get(current) ?? []));
  }
  return total;
}

/** Astro's own durations: "345ms", "10.49s", "2m 5s". */
function parseDuration(text: string): number {
  const m = /^(?:(\d+)m\s*(\d+)s|([\d.]+)ms|([\d.]+)s)$/.exec(text.trim());
  if (!m) return Number.NaN;
  if (m[1] !== undefined) return Number(m[1]) * 60 + Number(m[2]);
  if (m[3] !== undefined) return Number(m[3]) / 1000;
  return Number(m[4]);
}

export type Phase = 'sync' | 'vite' | 'pages' | 'images';

/**
 * The phases of a build from its log (seconds): content sync and types, Vite's bundling, page rendering,
 * image generation; and how many images were encoded or taken from the cache.
 */
function parseBuildLog(log: string): { phases: Record<Phase, number>; encoded: number; reused: number } {
  const lines = log.split('\n');
  const completedAfter = (marker: RegExp) => {
    const start = lines.findIndex((line) => marker.test(line));
    if (start === -1) return Number.NaN;
    for (const line of lines.slice(start + 1)) {
      const m = /✓ Completed in (.+?)\.?\s*$/.exec(line);
      if (m?.[1]) return parseDuration(m[1]);
    }
    return Number.NaN;
  };
  const imageLines = lines.filter((line) => /▶ \/.*\.(avif|webp|png|jpe?g|svg) \(/.test(line));
  return {
    phases: {
      sync: parseDuration(/\[types\] Generated (\S+)/.exec(log)?.[1] ?? ''),
      vite: [...log.matchAll(/\[vite\] ✓ built in (\S+)/g)].reduce((sum, m) => sum + parseDuration(m[1] ?? ''), 0),
      pages: completedAfter(/generating static routes/),
      images: completedAfter(/generating optimized images/),
    },
    encoded: imageLines.filter((line) => line.includes('(before:')).length,
    reused: imageLines.filter((line) => line.includes('(reused cache entry)')).length,
  };
}

export type BuildResult = Awaited<ReturnType<typeof runBuild>>;

/**
 * Builds the project in `dir` with this Node, sampling the RSS of the process tree.
 *
 * Sampling is not free: one scan of /proc costs ~17 ms of CPU (200 scans timed on this machine). Every
 * 100 ms, that took ~17 % of a core from the build it measured, while the floor ran unsampled
 * (BENCHMARKS.md). The build is one process, whose exact peak /usr/bin/time gives for free; the scan
 * only adds the memory of the rest of the tree (/usr/bin/time itself, ≤ ~19 MB), so every 2 s is
 * enough. Without /usr/bin/time, CPU times are NaN and the peak comes from the 2 s samples alone.
 */
export async function runBuild(dir: string, env: Record<string, string>) {
  const useTime = existsSync('/usr/bin/time');
  const [command, args] = useTime ? ['/usr/bin/time', ['-f', '__TIME__ %M %U %S', process.execPath, BUILD]] : [process.execPath, [BUILD]];
  let peakRss = 0;
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  const { code, output } = await run(command, args, dir, env, ({ pid }) => {
    let sampling = false;
    timer = setInterval(async () => {
      if (sampling || pid === undefined) return;
      sampling = true;
      peakRss = Math.max(peakRss, await treeRss(pid));
      sampling = false;
    }, 2000);
  });
  const wall = (performance.now() - started) / 1000;
  clearInterval(timer);
  if (code !== 0) throw new Error(`the build failed (exit ${code}) in ${dir}:\n${output.split('\n').slice(-40).join('\n')}`);
  const time = /__TIME__ (\d+) ([\d.]+) ([\d.]+)/.exec(output);
  return {
    wall,
    /** user + system CPU seconds of the whole tree (from /usr/bin/time), NaN without it */
    cpu: time ? Number(time[2]) + Number(time[3]) : Number.NaN,
    /** the largest of: the sampled tree, the largest single process's exact peak (/usr/bin/time); bytes */
    peakRss: Math.max(peakRss, time ? Number(time[1]) * 1024 : 0),
    ...parseBuildLog(output),
  };
}
