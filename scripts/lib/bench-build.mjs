// @ts-check
/**
 * bench-build — a throw-away copy of the project, and `astro build` runs in it, timed, with its peak
 * memory (the largest process's exact peak from /usr/bin/time, and the whole tree sampled every 2 s)
 * and the phases Astro logs.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const COPIED = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public'];
/** Caches that other runs write inside node_modules: never shared with the copy. */
const NOT_LINKED = new Set(['.vite', '.astro', '.cache', '.vite-temp']);

/**
 * Copy the project's sources into a new temporary folder. node_modules is a folder of symlinks to
 * each of the project's packages rather than one symlink to the whole folder: Vite keeps its
 * dependency-optimizer cache in `<root>/node_modules/.vite`, and through a single symlink every
 * benchmark copy (and every engineer's build) would share, invalidate and rewrite the same cache.
 * @param {string} projectRoot @param {string} [parent]
 */
export async function createProjectCopy(projectRoot, parent = tmpdir()) {
  const dir = await mkdtemp(join(parent, 'je-soutiens-bench-'));
  for (const entry of COPIED) await cp(join(projectRoot, entry), join(dir, entry), { recursive: true });
  const modules = join(projectRoot, 'node_modules');
  await mkdir(join(dir, 'node_modules'));
  for (const name of await readdir(modules)) {
    if (!NOT_LINKED.has(name)) await symlink(join(modules, name), join(dir, 'node_modules', name));
  }
  return dir;
}

/** Remove everything a build leaves: the cold state. @param {string} dir */
export async function cleanBuildState(dir) {
  for (const path of ['dist', '.cache', '.astro', 'node_modules/.vite', 'node_modules/.astro']) {
    await rm(join(dir, path), { recursive: true, force: true });
  }
}

/** @param {number} pid @returns {Promise<number>} resident bytes of pid and all its descendants */
async function treeRss(pid) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields after the last ')' are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const current = /** @type {number} */ (queue.pop());
    try {
      const statm = await readFile(`/proc/${current}/statm`, 'utf8');
      total += Number(statm.split(' ')[1]) * 4096;
    } catch {
      // ended
    }
    queue.push(...(children.get(current) ?? []));
  }
  return total;
}

/** Astro's own durations: "345ms", "10.49s", "2m 5s". @param {string} text */
export function parseDuration(text) {
  const m = /^(?:(\d+)m\s*(\d+)s|([\d.]+)ms|([\d.]+)s)$/.exec(text.trim());
  if (!m) return Number.NaN;
  if (m[1] !== undefined) return Number(m[1]) * 60 + Number(m[2]);
  if (m[3] !== undefined) return Number(m[3]) / 1000;
  return Number(m[4]);
}

/**
 * The phases of a build from its log (seconds): content sync and types, Vite's bundling,
 * page rendering, image generation; and how many images were encoded or taken from the cache.
 * @param {string} log
 */
export function parseBuildLog(log) {
  const lines = log.split('\n');
  /** @type {Record<string, number>} */
  const phases = {};
  const completedAfter = (/** @type {RegExp} */ marker) => {
    const start = lines.findIndex((line) => marker.test(line));
    if (start === -1) return Number.NaN;
    for (const line of lines.slice(start + 1)) {
      const m = /✓ Completed in (.+?)\.?\s*$/.exec(line);
      if (m?.[1]) return parseDuration(m[1]);
    }
    return Number.NaN;
  };
  phases['sync'] = parseDuration(/\[types\] Generated (\S+)/.exec(log)?.[1] ?? '');
  phases['vite'] = [...log.matchAll(/\[vite\] ✓ built in (\S+)/g)].reduce((sum, m) => sum + parseDuration(m[1] ?? ''), 0);
  phases['pages'] = completedAfter(/generating static routes/);
  phases['images'] = completedAfter(/generating optimized images/);
  phases['astroTotal'] = parseDuration(/page\(s\) built in (\S+)/.exec(log)?.[1] ?? '');
  const imageLines = lines.filter((line) => /▶ \/.*\.(avif|webp|png|jpe?g|svg) \(/.test(line));
  const encoded = imageLines.filter((line) => line.includes('(before:')).length;
  const reused = imageLines.filter((line) => line.includes('(reused cache entry)')).length;
  const depsOptimized = /optimizer\] bundling dependencies/.test(log) || /Re-optimizing dependencies/.test(log);
  return { phases, encoded, reused, depsOptimized };
}

/**
 * Run a build in `dir` with the project's Node (`script`: scripts/lib/bench-astro.mjs, or Astro's CLI
 * with args ['build']), sampling the RSS of the process tree.
 *
 * Sampling is not free: one scan of /proc costs ~17 ms of CPU (200 scans timed on this machine). Every
 * 100 ms, that took ~17 % of a core from the build it measured, while the floor ran unsampled
 * (BENCHMARKS.md). The build is one process, whose exact peak /usr/bin/time gives for free; the scan
 * only adds the memory of the rest of the tree (/usr/bin/time itself, ≤ ~19 MB), so every 2 s is
 * enough. Without /usr/bin/time, CPU times are NaN and the peak comes from the 2 s samples alone.
 * @param {string} dir
 * @param {{ node: string, script: string, args?: string[], env?: Record<string, string>, sampleMs?: number }} options
 */
export async function runBuild(dir, { node, script, args = [], env = {}, sampleMs = 2000 }) {
  const useTime = existsSync('/usr/bin/time');
  const command = useTime ? '/usr/bin/time' : node;
  const timeArgs = useTime ? ['-f', '__TIME__ %M %U %S %e', node] : [];
  const started = performance.now();
  const child = spawn(command, [...timeArgs, script, ...args], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let peakRss = 0;
  let sampling = false;
  const timer = setInterval(async () => {
    if (sampling || child.pid === undefined) return;
    sampling = true;
    try {
      peakRss = Math.max(peakRss, await treeRss(child.pid));
    } finally {
      sampling = false;
    }
  }, sampleMs);
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wall = (performance.now() - started) / 1000;
  clearInterval(timer);
  // eslint-disable-next-line no-control-regex
  output = output.replace(/\u001b\[[0-9;]*m/g, '');
  const time = /__TIME__ (\d+) ([\d.]+) ([\d.]+) ([\d.]+)/.exec(output);
  /** the largest single process's peak RSS (from /usr/bin/time), bytes; NaN without it */
  const maxProcessRss = time ? Number(time[1]) * 1024 : Number.NaN;
  if (code !== 0) {
    throw new Error(`the build failed (exit ${code}) in ${dir}:\n${output.split('\n').slice(-40).join('\n')}`);
  }
  return {
    wall,
    /** user + system CPU seconds of the whole tree (from /usr/bin/time), NaN without it */
    cpu: time ? Number(time[2]) + Number(time[3]) : Number.NaN,
    /** the largest of: the sampled tree, the largest single process's exact peak; bytes */
    peakRss: Math.max(peakRss, maxProcessRss || 0),
    maxProcessRss,
    log: output,
    ...parseBuildLog(output),
  };
}
