/**
 * npm run bench — how the build and the page scale with the number of organisations.
 *
 *   npm run bench                                  # N = 10, 100, 1000
 *   npm run bench -- --sizes 10,100 --repeat 3     # --no-page: without Chromium; --no-write: BENCHMARKS.md untouched
 *
 * For each N, in a temporary copy of the project (tests/support/temp-project.ts) whose organisations are
 * N generated entries with distinct logos (bench/logos.ts, never timed):
 *   cold build    no dist, no .cache/astro, no Vite cache;
 *   sharp floor   the image transforms that build performed (recorded by bench/astro.ts, through which
 *                 every build runs), replayed right after by Astro's sharp service alone in one process,
 *                 with Astro's concurrency and encoder options (bench/floor.ts);
 *   warm rebuild  nothing changed;
 *   logo changed  one logo file replaced by a different image;
 *   peak RSS      of the build's process tree: the build process's exact peak (/usr/bin/time), and the
 *                 whole tree sampled from /proc every 2 s (bench/build.ts);
 *   page bytes    the last build's page in Chromium at 390 px and 1440 px (bench/page.ts), once.
 * Each build step is repeated `--repeat` times (default: 3 up to N = 100, 1 above): medians are reported,
 * ratios are taken within one repetition (cold and floor back to back) before the median. Wall and CPU
 * time (user + system of the whole process tree) are both reported: on a shared machine CPU time is the
 * steadier of the two. The table goes to stdout and into BENCHMARKS.md, between the `bench:begin` and
 * `bench:end` markers (the rest of the file is kept).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import astro from 'astro/package.json' with { type: 'json' };
import sharp from 'sharp';
import { createTempProject, PROJECT_ROOT, run } from '../tests/support/temp-project.ts';
import type { Probe } from './astro.ts';
import { PHASES, runBuild } from './build.ts';
import type { Floor } from './floor.ts';
import { changeLogo, writeOrganisations } from './logos.ts';
import { measurePage } from './page.ts';

const REPORT = join(PROJECT_ROOT, 'BENCHMARKS.md');
const BEGIN = '<!-- bench:begin (written by `npm run bench`: edit bench/bench.ts, not this section) -->';
const END = '<!-- bench:end -->';
const FLOOR = fileURLToPath(new URL('floor.ts', import.meta.url));

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,1000' },
    repeat: { type: 'string' },
    page: { type: 'boolean', default: true },
    write: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const sizes = values.sizes.split(',').map(Number);
if (!sizes.every((n) => Number.isInteger(n) && n > 0)) throw new Error('--sizes: a comma-separated list of positive integers, e.g. 10,100');
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const started = performance.now();
const load = Array.from(loadavg(), (x) => x.toFixed(1)).join(' ');
const versions = `Node ${process.version}, Astro ${astro.version}, sharp ${sharp.versions.sharp}`;
log(`sizes ${sizes.join(', ')}; ${availableParallelism()} cores, load ${load}; ${versions}`);

async function benchSize(n: number) {
  const repeat = values.repeat ? Number(values.repeat) : n <= 100 ? 3 : 1;
  const project = await createTempProject();
  const probeFile = join(project.dir, 'bench-probe.json');
  const build = () => runBuild(project.dir, probeFile);
  /** One repetition: cold build, floor, warm rebuild, one logo changed. */
  const repetition = async (r: number) => {
    const step = (text: string) => log(`N=${n} #${r} ${text}`);
    await project.cleanBuildState();
    const cold = await build();
    step(`cold build ${cold.wall.toFixed(1)} s (images ${sec(cold.phases.images)} s, ${cold.encoded} encoded), ${mib(cold.peakRss)} MiB`);
    const { imagePhase, written } = JSON.parse(await readFile(probeFile, 'utf8')) as Probe;
    const replay = await run(process.execPath, [FLOOR, probeFile], project.dir);
    if (replay.code !== 0) throw new Error(`floor replay failed (${replay.code}):\n${replay.output}`);
    const floor = JSON.parse(replay.output.trim().split('\n').at(-1) ?? '') as Floor;
    step(`sharp floor ${floor.wall.toFixed(1)} s for ${floor.count} transforms (+${floor.svg} SVG passed through)`);
    const warm = await build();
    step(`warm rebuild ${warm.wall.toFixed(1)} s (${warm.reused} images from the cache, ${warm.encoded} encoded)`);
    await changeLogo(project.organisations, r);
    const changed = await build();
    step(`one logo changed ${changed.wall.toFixed(1)} s (${changed.encoded} encoded)`);
    return { cold, warm, changed, imagePhase, written, floor };
  };
  try {
    await writeOrganisations(project.organisations, n);
    log(`N=${n}: ${project.dir} (${repeat} repetition${repeat > 1 ? 's' : ''})`);
    const runs: Awaited<ReturnType<typeof repetition>>[] = [];
    for (let r = 1; r <= repeat; r++) runs.push(await repetition(r));
    const page = values.page ? await measurePage(join(project.dir, 'dist')) : undefined;
    if (page)
      log(`N=${n} first view 390 px ${kb(page.views[390]?.firstView.total)} KB, 1440 px ${kb(page.views[1440]?.firstView.total)} KB`);
    return { n, repeat, runs, page };
  } finally {
    await project.remove();
  }
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const kb = (bytes = Number.NaN) => (Number.isFinite(bytes) ? (bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0) : '–');
const sec = (seconds: number) => (Number.isFinite(seconds) ? seconds.toFixed(seconds < 10 ? 2 : 1) : '–');
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : '–');
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
/** The median of the finite values; NaN when there is none. */
function median(list: number[]): number {
  const sorted = list.filter(Number.isFinite).sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length === 0 ? Number.NaN : ((sorted[Math.ceil(mid) - 1] ?? 0) + (sorted[Math.floor(mid)] ?? 0)) / 2;
}

type Result = Awaited<ReturnType<typeof benchSize>>;

/** The section of BENCHMARKS.md. */
function markdown(results: Result[], seconds: number): string {
  const rows = results.map((result) => ({ ...result, m: (f: (run: Result['runs'][number]) => number) => median(result.runs.map(f)) }));
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (${sizes.join(', ')} organisations, ${seconds < 120 ? `${seconds.toFixed(0)} s` : `${(seconds / 60).toFixed(0)} min`} in all) on ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), load average at start ${load}; ${versions}. Times are medians of the repetitions shown; ratios are taken within one repetition, then the median. Wall times depend on what else runs on the machine at that moment (see the load average above); CPU times (user + system, of the whole build process tree, and of the floor's process) do much less, and are given under each wall time.`,
    '',
    '### Build',
    '',
    '| N | reps | cold build | sharp floor | cold / floor | warm rebuild | warm / cold | 1 logo changed | peak RSS (tree) | transforms | files written: AVIF / WebP / SVG |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { n, repeat, runs, m } of rows) {
    const both = (wall: string, cpu: string) => `${wall}<br>CPU ${cpu}`;
    const peak = Math.max(...runs.flatMap((r) => [r.cold.peakRss, r.warm.peakRss, r.changed.peakRss]));
    const written = ['avif', 'webp', 'svg'].map((ext) => kb(runs[0]?.written[ext] ?? 0)).join(' / ');
    lines.push(
      `| ${n} | ${repeat} | ${both(`${sec(m((r) => r.cold.wall))} s`, `${sec(m((r) => r.cold.cpu))} s`)} | ${both(`${sec(m((r) => r.floor.wall))} s`, `${sec(m((r) => r.floor.cpu))} s`)} | ${both(times(m((r) => r.cold.wall / r.floor.wall)), times(m((r) => r.cold.cpu / r.floor.cpu)))} | ${both(`${sec(m((r) => r.warm.wall))} s`, `${sec(m((r) => r.warm.cpu))} s`)} | ${both(pct(m((r) => r.warm.wall / r.cold.wall)), pct(m((r) => r.warm.cpu / r.cold.cpu)))} | ${sec(m((r) => r.changed.wall))} s | ${mib(peak)} MiB | ${runs[0]?.floor.count ?? 0} + ${runs[0]?.floor.svg ?? 0} SVG | ${written} KB |`,
    );
  }
  lines.push(
    '',
    'Where the time goes (Astro\'s own phase timings, medians, seconds): sync = content sync and types, vite = bundling, pages = rendering the routes, images = generating the optimized images. "images / floor" compares Astro\'s image phase alone (wall, and CPU of the build process over that phase) with the same transforms done by sharp alone.',
    '',
    '| N | cold: sync / vite / pages / images | images / floor (wall, CPU) | warm: sync / vite / pages / images | logo changed: images (encoded) |',
    '| ---: | --- | ---: | --- | --- |',
  );
  for (const { n, m } of rows) {
    const phases = (step: 'cold' | 'warm') => PHASES.map((p) => sec(m((r) => r[step].phases[p]))).join(' / ');
    const imagesOverFloor = `${times(m((r) => (r.imagePhase?.wall ?? r.cold.phases.images) / r.floor.wall))}, ${times(m((r) => (r.imagePhase?.cpu ?? Number.NaN) / r.floor.cpu))}`;
    lines.push(
      `| ${n} | ${phases('cold')} | ${imagesOverFloor} | ${phases('warm')} | ${sec(m((r) => r.changed.phases.images))} s (${m((r) => r.changed.encoded)}) |`,
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
    for (const { n, page } of rows) {
      if (!page) continue;
      const { files, views } = page;
      const fv = (v = views[390]?.firstView) => (v ? `${kb(v.html)} + ${kb(v.images)} (${v.imageRequests}) = **${kb(v.total)}**` : '–');
      const sc = (v = views[390]?.scrolled) => (v ? `${kb(v.total)} (${v.imageRequests} img)` : '–');
      const loaded = [390, 1440].map((name) => `${views[name]?.loadedImages ?? '–'}/${views[name]?.images ?? '–'}`).join(', ');
      lines.push(
        `| ${n} | ${kb(files.html)} / ${kb(files.htmlGzip)} | ${kb(files.inlineCss)} / ${kb(files.jsonLd)} | ${fv()} | ${fv(views[1440]?.firstView)} | ${sc()} | ${sc(views[1440]?.scrolled)} | ${loaded} |`,
      );
    }
  }
  const big = rows.find((r) => r.n === 1000) ?? rows.at(-1);
  if (big) {
    const { m, page } = big;
    const firstView = Math.max(page?.views[390]?.firstView.total ?? Number.NaN, page?.views[1440]?.firstView.total ?? Number.NaN);
    const target = (x: number, limit: number, show: (x: number) => string) => `${show(x)}, ${x <= limit ? 'met' : '**missed**'}`;
    const [cold, coldCpu] = [m((r) => r.cold.wall / r.floor.wall), m((r) => r.cold.cpu / r.floor.cpu)];
    const [warm, warmCpu] = [m((r) => r.warm.wall / r.cold.wall), m((r) => r.warm.cpu / r.cold.cpu)];
    lines.push(
      '',
      `Targets at N = ${big.n}: cold build ≤ 1.3× the sharp floor: wall ${target(cold, 1.3, times)}; CPU ${target(coldCpu, 1.3, times)}; warm rebuild ≤ 10 % of the cold build: wall ${target(warm, 0.1, pct)}; CPU ${target(warmCpu, 0.1, pct)}; first view ≤ 300 KB: ${Number.isFinite(firstView) ? target(firstView, 300_000, (x) => `${kb(x)} KB`) : 'not measured'}.`,
    );
  }
  return lines.join('\n');
}

const results: Result[] = [];
for (const n of sizes) results.push(await benchSize(n));
const seconds = (performance.now() - started) / 1000;
const section = markdown(results, seconds);
process.stdout.write(`\n${section}\n`);
if (values.write) {
  // Only the section between the markers is replaced; the rest of BENCHMARKS.md is written by hand.
  const text = await readFile(REPORT, 'utf8');
  const [start, end] = [text.indexOf('<!-- bench:begin'), text.indexOf(END)];
  if (start === -1 || end < start) throw new Error(`${REPORT}: the ${BEGIN} … ${END} markers are missing`);
  await writeFile(REPORT, `${text.slice(0, start)}${BEGIN}\n${section}\n${END}${text.slice(end + END.length)}`);
  log('BENCHMARKS.md updated');
}
log(`done in ${(seconds / 60).toFixed(1)} min`);
