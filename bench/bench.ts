/**
 * npm run bench — how the build and the page scale with the number of organisations.
 *
 *   npm run bench                                  # N = 10, 100, 1000
 *   npm run bench -- --sizes 10,100 --repeat 3
 *
 * For each N, in a temporary copy of the project (tests/support/temp-project.ts) whose organisations are
 * N generated entries with distinct logos (bench/logos.ts, drawn once and cached, never timed):
 *   cold build    no dist, no .cache/astro, no Vite cache;
 *   sharp floor   the image transforms that build performed (recorded by bench/astro.ts, through which
 *                 every build runs), replayed right after with sharp alone in one process, with Astro's
 *                 concurrency and encoder options (bench/floor.ts);
 *   warm rebuild  nothing changed;
 *   logo changed  one logo file replaced by a different image;
 *   peak RSS      of the build's process tree: the largest process's exact peak (/usr/bin/time), and the
 *                 whole tree sampled from /proc every 2 s (a scan costs ~17 ms of CPU, taken from the build);
 *   page bytes    the last build's page in Chromium at 390 px and 1440 px (bench/page.ts), once.
 * Each build step is repeated `--repeat` times (default: 3 up to N = 100, 1 above): medians are reported,
 * ratios are taken within one repetition (cold and floor back to back) before the median. Wall and CPU
 * time (user + system of the whole process tree) are both reported: on a shared machine CPU time is the
 * steadier of the two.
 *
 * The table goes to stdout and into BENCHMARKS.md, between the `bench:begin` and `bench:end` markers
 * (the rest of the file is kept). Options: --sizes, --repeat, --no-page, --no-write, --keep (keep
 * the temporary copies), --json FILE (every measurement), --from-json FILE (render an earlier --json
 * again, e.g. after merging repetitions), --cache-dir DIR (the drawn logos; default $TMPDIR/je-soutiens-bench).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTempProject, PROJECT_ROOT, run } from '../tests/support/temp-project.ts';
import { runBuild, type BuildResult, type Phase } from './build.ts';
import type { Probe } from './astro.ts';
import type { Floor } from './floor.ts';
import { changeLogo, ensureLogos, writeOrganisations } from './logos.ts';
import { measurePage } from './page.ts';

const REPORT = join(PROJECT_ROOT, 'BENCHMARKS.md');
const BEGIN = '<!-- bench:begin (written by `npm run bench`: edit bench/bench.ts, not this section) -->';
const END = '<!-- bench:end -->';
const FLOOR = fileURLToPath(new URL('floor.ts', import.meta.url));
const PHASES: readonly Phase[] = ['sync', 'vite', 'pages', 'images'];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,1000' },
    repeat: { type: 'string' },
    page: { type: 'boolean', default: true },
    write: { type: 'boolean', default: true },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
    'cache-dir': { type: 'string', default: join(tmpdir(), 'je-soutiens-bench') },
    'from-json': { type: 'string' },
  },
  allowNegative: true,
});
const sizes = values.sizes
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
if (sizes.length === 0) throw new Error('--sizes: a comma-separated list of positive integers, e.g. 10,100,1000');

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** The median of the finite values; NaN when there is none. */
function median(list: number[]): number {
  const sorted = list.filter(Number.isFinite).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}

type Machine = Awaited<ReturnType<typeof machine>>;
async function machine() {
  const version = async (pkg: string) =>
    (JSON.parse(await readFile(join(PROJECT_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    node: process.version,
    astro: await version('astro'),
    sharp: await version('sharp'),
    loadAtStart: loadavg()
      .map((x) => x.toFixed(1))
      .join(' '),
    date: new Date().toISOString().slice(0, 10),
  };
}

/** One repetition at one N. */
interface Run {
  cold: BuildResult;
  warm: BuildResult;
  changed: BuildResult;
  imagePhase: Probe['imagePhase'];
  floor: Floor;
  svgCopies: number;
  bytesByFormat: Record<string, number>;
}
interface SizeResult {
  n: number;
  repeat: number;
  runs: Run[];
  page: Awaited<ReturnType<typeof measurePage>> | undefined;
}

async function benchSize(n: number): Promise<SizeResult> {
  const repeat = values.repeat ? Number(values.repeat) : n <= 100 ? 3 : 1;
  const logos = await ensureLogos(n, values['cache-dir'], log);
  const project = await createTempProject();
  const organisations = await writeOrganisations(project.organisations, n, logos);
  log(`N=${n}: ${project.dir} (${repeat} repetition${repeat > 1 ? 's' : ''})`);
  const runs: Run[] = [];
  try {
    for (let r = 0; r < repeat; r++) {
      await project.cleanBuildState();
      const probeFile = join(project.dir, 'bench-probe.json');
      const build = () => runBuild(project.dir, { BENCH_PROBE: probeFile });
      const cold = await build();
      log(
        `N=${n} #${r + 1} cold build ${cold.wall.toFixed(1)} s (images ${cold.phases.images.toFixed(1)} s, ${cold.encoded} encoded), peak RSS ${(cold.peakRss / 2 ** 20).toFixed(0)} MiB`,
      );
      // The transforms as the build recorded them, and the bytes they wrote.
      const probe = JSON.parse(await readFile(probeFile, 'utf8')) as Probe;
      const replay = await run(process.execPath, [FLOOR, probeFile], project.dir);
      if (replay.code !== 0) throw new Error(`floor replay failed (${replay.code}):\n${replay.output}`);
      const floor = JSON.parse(replay.output.trim().split('\n').at(-1) ?? '') as Floor;
      const svgCopies = floor.svg;
      log(
        `N=${n} #${r + 1} sharp floor ${floor.wall.toFixed(1)} s for ${floor.count} transforms (+${svgCopies} SVG passed through): cold/floor ${(cold.wall / floor.wall).toFixed(2)}`,
      );
      const warm = await build();
      log(`N=${n} #${r + 1} warm rebuild ${warm.wall.toFixed(1)} s (${warm.reused} images from the cache, ${warm.encoded} encoded)`);
      const first = organisations.find((o) => o.ext !== 'svg') ?? organisations[0];
      if (first) await changeLogo(project.organisations, first, r + 1);
      const changed = await build();
      log(`N=${n} #${r + 1} one logo changed ${changed.wall.toFixed(1)} s (${changed.encoded} encoded)`);
      runs.push({ cold, warm, changed, imagePhase: probe.imagePhase, floor, svgCopies, bytesByFormat: probe.written });
    }
    let page: SizeResult['page'];
    if (values.page) {
      page = await measurePage(join(project.dir, 'dist'));
      const v = page.views;
      log(
        `N=${n} first view 390 px ${kb(v['390']?.firstView.total)} KB, 1440 px ${kb(v['1440']?.firstView.total)} KB; scrolled ${kb(v['390']?.scrolled.total)} / ${kb(v['1440']?.scrolled.total)} KB`,
      );
    }
    return { n, repeat, runs, page };
  } finally {
    if (!values.keep) await project.remove();
  }
}

const kb = (bytes: number | undefined) =>
  bytes === undefined || !Number.isFinite(bytes) ? '–' : (bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0);
const sec = (seconds: number) => (Number.isFinite(seconds) ? (seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1)) : '–');
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : '–');
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');

type Row = ReturnType<typeof summarise>;
function summarise({ n, repeat, runs, page }: SizeResult) {
  const m = (f: (run: Run) => number) => median(runs.map(f));
  const phases = (step: 'cold' | 'warm' | 'changed') =>
    Object.fromEntries(PHASES.map((p) => [p, m((r) => r[step].phases[p])])) as Record<Phase, number>;
  return {
    n,
    repeat,
    cold: m((r) => r.cold.wall),
    coldCpu: m((r) => r.cold.cpu),
    warm: m((r) => r.warm.wall),
    changed: m((r) => r.changed.wall),
    peakRss: Math.max(...runs.map((r) => Math.max(r.cold.peakRss, r.warm.peakRss, r.changed.peakRss))),
    floor: m((r) => r.floor.wall),
    floorCpu: m((r) => r.floor.cpu),
    transforms: runs[0]?.floor.count ?? 0,
    svg: runs[0]?.svgCopies ?? 0,
    bytesByFormat: runs[0]?.bytesByFormat ?? {},
    coldOverFloor: m((r) => r.cold.wall / r.floor.wall),
    coldOverFloorCpu: m((r) => r.cold.cpu / r.floor.cpu),
    warmCpu: m((r) => r.warm.cpu),
    warmOverColdCpu: m((r) => r.warm.cpu / r.cold.cpu),
    imagesOverFloor: m((r) => (r.imagePhase?.wall ?? r.cold.phases.images) / r.floor.wall),
    imagesOverFloorCpu: m((r) => (r.imagePhase?.cpu ?? Number.NaN) / r.floor.cpu),
    warmOverCold: m((r) => r.warm.wall / r.cold.wall),
    phases: { cold: phases('cold'), warm: phases('warm'), changed: phases('changed') },
    changedEncoded: m((r) => r.changed.encoded),
    page,
  };
}

/** The section of BENCHMARKS.md. */
function markdown(rows: Row[], info: Machine, totalSeconds: number): string {
  const lines: string[] = [];
  lines.push(
    `Measured ${info.date ?? new Date().toISOString().slice(0, 10)} by \`npm run bench\` (${rows.map((r) => r.n).join(', ')} organisations, ${!Number.isFinite(totalSeconds) ? 'duration not recorded' : totalSeconds < 120 ? `${totalSeconds.toFixed(0)} s` : `${(totalSeconds / 60).toFixed(0)} min`} in all) on ${info.cores} cores (${info.cpu}), load average at start ${info.loadAtStart}; Node ${info.node}, Astro ${info.astro}, sharp ${info.sharp}. Times are medians of the repetitions shown; ratios are taken within one repetition, then the median. Wall times depend on what else runs on the machine at that moment (see the load average above); CPU times (user + system, of the whole build process tree, and of the floor's process) do much less, and are given under each wall time.`,
    '',
    '### Build',
    '',
    '| N | reps | cold build | sharp floor | cold / floor | warm rebuild | warm / cold | 1 logo changed | peak RSS (tree) | transforms | files written: AVIF / WebP / SVG |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of rows) {
    lines.push(
      `| ${r.n} | ${r.repeat} | ${sec(r.cold)} s<br>CPU ${sec(r.coldCpu)} s | ${sec(r.floor)} s<br>CPU ${sec(r.floorCpu)} s | ${times(r.coldOverFloor)}<br>CPU ${times(r.coldOverFloorCpu)} | ${sec(r.warm)} s<br>CPU ${sec(r.warmCpu)} s | ${pct(r.warmOverCold)}<br>CPU ${pct(r.warmOverColdCpu)} | ${sec(r.changed)} s | ${(r.peakRss / 2 ** 20).toFixed(0)} MiB | ${r.transforms} + ${r.svg} SVG | ${['avif', 'webp', 'svg'].map((f) => kb(r.bytesByFormat[f] ?? 0)).join(' / ')} KB |`,
    );
  }
  lines.push(
    '',
    'Where the time goes (Astro\'s own phase timings, medians, seconds): sync = content sync and types, vite = bundling, pages = rendering the routes, images = generating the optimized images. "images / floor" compares Astro\'s image phase alone (wall, and CPU of the build process over that phase) with the same transforms done by sharp alone.',
    '',
    '| N | cold: sync / vite / pages / images | images / floor (wall, CPU) | warm: sync / vite / pages / images | logo changed: images (encoded) |',
    '| ---: | --- | ---: | --- | --- |',
  );
  const ph = (p: Record<Phase, number>) => PHASES.map((k) => sec(p[k])).join(' / ');
  for (const r of rows) {
    lines.push(
      `| ${r.n} | ${ph(r.phases.cold)} | ${times(r.imagesOverFloor)}, ${times(r.imagesOverFloorCpu)} | ${ph(r.phases.warm)} | ${sec(r.phases.changed.images)} s (${r.changedEncoded}) |`,
    );
  }
  if (rows.some((r) => r.page)) {
    lines.push(
      '',
      '### Page weight',
      '',
      "Transfer sizes in KB (1 KB = 1000 bytes) as Chromium counts them (headers + body, HTML gzip-compressed as static hosts serve it), 390 px phone at 3× and 1440 px laptop at 2× (both take the 2× logo candidates). First view: after load, once the network is quiet, lazy images inside Chromium's lazy-load margin included. Scrolled: the whole page after scrolling to its end. The CSS is inlined in the HTML.",
      '',
      '| N | HTML raw / gzip | of which inline CSS / JSON-LD (raw) | first view 390: HTML + images = total | first view 1440: HTML + images = total | scrolled 390 | scrolled 1440 | images loaded |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of rows) {
      if (!r.page) continue;
      const { files, views } = r.page;
      const fv = (name: string) => {
        const v = views[name]?.firstView;
        return v ? `${kb(v.html)} + ${kb(v.images)} (${v.imageRequests}) = **${kb(v.total)}**` : '–';
      };
      const sc = (name: string) => {
        const v = views[name]?.scrolled;
        return v ? `${kb(v.total)} (${v.imageRequests} img)` : '–';
      };
      const loaded = ['390', '1440'].map((name) => `${views[name]?.loadedImages ?? '–'}/${views[name]?.images ?? '–'}`).join(', ');
      lines.push(
        `| ${r.n} | ${kb(files.html)} / ${kb(files.htmlGzip)} | ${kb(files.inlineCss)} / ${kb(files.jsonLd)} | ${fv('390')} | ${fv('1440')} | ${sc('390')} | ${sc('1440')} | ${loaded} |`,
      );
    }
  }
  const big = rows.find((r) => r.n === 1000) ?? rows.at(-1);
  if (big) {
    const firstView = Math.max(
      big.page?.views['390']?.firstView.total ?? Number.NaN,
      big.page?.views['1440']?.firstView.total ?? Number.NaN,
    );
    const check = (ok: boolean) => (ok ? 'met' : '**missed**');
    lines.push(
      '',
      `Targets at N = ${big.n}: cold build ≤ 1.3× the sharp floor: wall ${times(big.coldOverFloor)}, ${check(big.coldOverFloor <= 1.3)}; CPU ${times(big.coldOverFloorCpu)}, ${check(big.coldOverFloorCpu <= 1.3)}; warm rebuild ≤ 10 % of the cold build: wall ${pct(big.warmOverCold)}, ${check(big.warmOverCold <= 0.1)}; CPU ${pct(big.warmOverColdCpu)}, ${check(big.warmOverColdCpu <= 0.1)}; first view ≤ 300 KB: ${Number.isFinite(firstView) ? `${kb(firstView)} KB, ${check(firstView <= 300_000)}` : 'not measured'}.`,
    );
  }
  return lines.join('\n');
}

/** Replaces the section between the markers of BENCHMARKS.md, keeping the rest. */
async function writeReport(section: string): Promise<void> {
  const text = await readFile(REPORT, 'utf8');
  const start = text.indexOf('<!-- bench:begin');
  const end = text.indexOf(END);
  if (start === -1 || end < start) throw new Error(`${REPORT}: the ${BEGIN} … ${END} markers are missing`);
  await writeFile(REPORT, `${text.slice(0, start)}${BEGIN}\n${section}\n${END}${text.slice(end + END.length)}`);
}

const started = performance.now();
let info: Machine;
let results: SizeResult[] = [];
let total: number;
if (values['from-json']) {
  // Render the report of an earlier run again (--json FILE), without measuring.
  const previous = JSON.parse(await readFile(resolve(values['from-json']), 'utf8')) as {
    info: Machine;
    results: SizeResult[];
    totalSeconds?: number;
  };
  ({ info, results } = previous);
  total = previous.totalSeconds ?? Number.NaN;
} else {
  info = await machine();
  log(
    `sizes ${sizes.join(', ')}; ${info.cores} cores, load ${info.loadAtStart}; Node ${info.node}, Astro ${info.astro}, sharp ${info.sharp}`,
  );
  await mkdir(values['cache-dir'], { recursive: true });
  for (const n of sizes) results.push(await benchSize(n));
  total = (performance.now() - started) / 1000;
}
const rows = results.map(summarise);
const section = markdown(rows, info, total);
process.stdout.write(`\n${section}\n`);
if (values.json) await writeFile(resolve(values.json), JSON.stringify({ info, totalSeconds: total, results, rows }, null, 1));
if (values.write) {
  await writeReport(section);
  log('BENCHMARKS.md updated');
}
log(`done in ${(total / 60).toFixed(1)} min`);
