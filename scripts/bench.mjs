// @ts-check
/**
 * npm run bench — how the build and the page scale with the number of organisations.
 *
 *   npm run bench                                  # N = 10, 100, 1000
 *   npm run bench -- --sizes 10,100 --repeat 3
 *
 * For each N, in a temporary copy of the project (astro.config.mjs, package.json, tsconfig.json, src,
 * public; node_modules linked) whose organisations are N generated entries with distinct logos
 * (scripts/lib/bench-logos.mjs, drawn once and cached, never timed):
 *   cold build    no dist, no .cache/astro, no Vite cache;
 *   sharp floor   the image transforms that build performed (recorded by scripts/lib/bench-astro.mjs, through
 *                 which every build runs), replayed right after with sharp alone in one process, with Astro's
 *                 concurrency and encoder options (scripts/lib/bench-floor.mjs);
 *   warm rebuild  nothing changed;
 *   logo changed  one logo file replaced by a different image;
 *   peak RSS      of the build's process tree: the largest process's exact peak (/usr/bin/time), and the
 *                 whole tree sampled from /proc every 2 s (a scan costs ~17 ms of CPU, taken from the build);
 *   page bytes    the last build's page in Chromium at 390 px and 1440 px (scripts/lib/bench-page.mjs), once.
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
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cleanBuildState, createProjectCopy, runBuild } from './lib/bench-build.mjs';
import { transformsFromDist, transformsFromProbe } from './lib/bench-floor.mjs';
import { changeLogo, ensureLogos, writeOrganisations } from './lib/bench-logos.mjs';
import { measurePage, pageFileSizes, serveStatic } from './lib/bench-page.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BEGIN = '<!-- bench:begin (written by `npm run bench`: edit scripts/bench.mjs, not this section) -->';
const END = '<!-- bench:end -->';

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
const sizes = values.sizes.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
if (sizes.length === 0) throw new Error('--sizes: a comma-separated list of positive integers, e.g. 10,100,1000');
const measurePages = values.page;
const writeReport = values.write;

/** The project's own Node (Astro 7 needs ≥ 22.12): node_modules/.bin/node, else this one. */
const NODE = existsSync(join(ROOT, 'node_modules/.bin/node')) ? join(ROOT, 'node_modules/.bin/node') : process.execPath;
const BUILD = join(ROOT, 'scripts/lib/bench-astro.mjs');
const FLOOR = join(ROOT, 'scripts/lib/bench-floor.mjs');

const log = (/** @type {string} */ message) => process.stderr.write(`[bench] ${message}\n`);
/** @param {number[]} list */
const median = (list) => {
  const sorted = list.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? /** @type {number} */ (sorted[mid]) : (/** @type {number} */ (sorted[mid - 1]) + /** @type {number} */ (sorted[mid])) / 2;
};

/** Replay the floor in its own process. @param {string} jobsFile */
function runFloor(jobsFile) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(NODE, [FLOOR, String(jobsFile)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise(JSON.parse(out)) : reject(new Error(`floor replay failed (${code})`))));
  });
}

function machine() {
  const version = (/** @type {string} */ pkg) => JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  let nodeVersion = '';
  try {
    nodeVersion = execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    nodeVersion = process.version;
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    node: nodeVersion,
    astro: version('astro'),
    sharp: version('sharp'),
    loadAtStart: loadavg().map((x) => x.toFixed(1)).join(' '),
    date: new Date().toISOString().slice(0, 10),
  };
}

/** @param {number} n */
async function benchSize(n) {
  const repeat = values.repeat ? Number(values.repeat) : n <= 100 ? 3 : 1;
  const logos = await ensureLogos(n, values['cache-dir'], log);
  const dir = await createProjectCopy(ROOT);
  const organisationsDir = join(dir, 'src/content/organisations');
  const organisations = await writeOrganisations(organisationsDir, n, logos);
  const sources = new Map(organisations.map((o) => [o.slug, join(organisationsDir, `${o.slug}.${o.ext}`)]));
  log(`N=${n}: ${dir} (${repeat} repetition${repeat > 1 ? 's' : ''})`);
  const runs = [];
  try {
    for (let r = 0; r < repeat; r++) {
      await cleanBuildState(dir);
      const probeFile = join(dir, 'bench-probe.json');
      const build = () => runBuild(dir, { node: NODE, script: BUILD, env: { BENCH_PROBE: probeFile } });
      const cold = await build();
      log(`N=${n} #${r + 1} cold build ${cold.wall.toFixed(1)} s (images ${cold.phases['images']?.toFixed(1)} s, ${cold.encoded} encoded), peak RSS ${(cold.peakRss / 2 ** 20).toFixed(0)} MiB`);
      // The transforms as the build recorded them; the files in dist/_astro must be exactly these.
      const probe = JSON.parse(await readFile(probeFile, 'utf8'));
      const { jobs, svgCopies } = transformsFromProbe(probe);
      /** @type {{ wall: number, cpu: number } | undefined} */
      const imagePhase = probe.imagePhase;
      const { outputs } = await transformsFromDist(join(dir, 'dist'), (stem) => sources.get(stem));
      const recorded = jobs.reduce((sum, job) => sum + job.transforms.length, 0) + svgCopies;
      if (recorded !== outputs.length) log(`warning: the build recorded ${recorded} transforms but wrote ${outputs.length} files in dist/_astro`);
      const jobsFile = join(dir, 'bench-jobs.json');
      await writeFile(jobsFile, JSON.stringify({ jobs }));
      const floor = /** @type {{ wall: number, cpu: number, count: number, bytes: number, concurrency: number }} */ (await runFloor(jobsFile));
      log(`N=${n} #${r + 1} sharp floor ${floor.wall.toFixed(1)} s for ${floor.count} transforms (+${svgCopies} SVG passed through): cold/floor ${(cold.wall / floor.wall).toFixed(2)}`);
      const warm = await build();
      log(`N=${n} #${r + 1} warm rebuild ${warm.wall.toFixed(1)} s (${warm.reused} images from the cache, ${warm.encoded} encoded)`);
      const first = organisations.find((o) => o.ext !== 'svg') ?? organisations[0];
      if (first) await changeLogo(organisationsDir, first, r + 1);
      const changed = await build();
      log(`N=${n} #${r + 1} one logo changed ${changed.wall.toFixed(1)} s (${changed.encoded} encoded)`);
      const strip = (/** @type {Awaited<ReturnType<typeof runBuild>>} */ { log: _log, ...rest }) => rest;
      /** @type {Record<string, number>} */
      const bytesByFormat = {};
      for (const o of outputs) bytesByFormat[o.format] = (bytesByFormat[o.format] ?? 0) + o.bytes;
      runs.push({ cold: strip(cold), imagePhase, warm: strip(warm), changed: strip(changed), floor, svgCopies, outputs: outputs.length, bytesByFormat });
    }
    let page;
    if (measurePages) {
      const dist = join(dir, 'dist');
      const server = await serveStatic(dist);
      try {
        page = { files: await pageFileSizes(dist), views: await measurePage(server.url) };
      } finally {
        await server.close();
      }
      const v = page.views;
      log(`N=${n} first view 390 px ${kb(v['390']?.firstView.total)} KB, 1440 px ${kb(v['1440']?.firstView.total)} KB; scrolled ${kb(v['390']?.scrolled.total)} / ${kb(v['1440']?.scrolled.total)} KB`);
    }
    return { n, repeat, dir, runs, page };
  } finally {
    if (!values.keep) await rm(dir, { recursive: true, force: true });
  }
}

/** @param {number | undefined} bytes */
const kb = (bytes) => (bytes === undefined || !Number.isFinite(bytes) ? '–' : (bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0));
/** @param {number} seconds */
const sec = (seconds) => (Number.isFinite(seconds) ? (seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1)) : '–');
/** @param {number} x */
const pct = (x) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : '–');
/** @param {number} x */
const times = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');

/** @param {Awaited<ReturnType<typeof benchSize>>} result */
function summarise(result) {
  const { runs } = result;
  const m = (/** @type {(run: any) => number} */ f) => median(runs.map(f));
  return {
    n: result.n,
    repeat: result.repeat,
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
    changedOverCold: m((r) => r.changed.wall / r.cold.wall),
    phases: Object.fromEntries(
      ['cold', 'warm', 'changed'].map((step) => [step, Object.fromEntries(['sync', 'vite', 'pages', 'images'].map((p) => [p, m((r) => r[step].phases[p])]))]),
    ),
    changedEncoded: m((r) => r.changed.encoded),
    page: result.page,
  };
}

/** @param {ReturnType<typeof summarise>[]} rows @param {ReturnType<typeof machine>} info @param {number} totalSeconds */
function markdown(rows, info, totalSeconds) {
  const lines = [];
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
  const ph = (/** @type {Record<string, number>} */ p) => ['sync', 'vite', 'pages', 'images'].map((k) => sec(p[k] ?? Number.NaN)).join(' / ');
  for (const r of rows) {
    lines.push(`| ${r.n} | ${ph(r.phases['cold'] ?? {})} | ${times(r.imagesOverFloor)}, ${times(r.imagesOverFloorCpu)} | ${ph(r.phases['warm'] ?? {})} | ${sec(r.phases['changed']?.['images'] ?? Number.NaN)} s (${r.changedEncoded}) |`);
  }
  if (rows.some((r) => r.page)) {
    lines.push(
      '',
      '### Page weight',
      '',
      'Transfer sizes in KB (1 KB = 1000 bytes) as Chromium counts them (headers + body, HTML gzip-compressed as static hosts serve it), 390 px phone at 3× and 1440 px laptop at 2× (both take the 2× logo candidates). First view: after load, once the network is quiet, lazy images inside Chromium\'s lazy-load margin included. Scrolled: the whole page after scrolling to its end. The CSS is inlined in the HTML.',
      '',
      '| N | HTML raw / gzip | of which inline CSS / JSON-LD (raw) | first view 390: HTML + images = total | first view 1440: HTML + images = total | scrolled 390 | scrolled 1440 | images loaded |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of rows) {
      if (!r.page) continue;
      const { files, views } = r.page;
      const fv = (/** @type {string} */ name) => {
        const v = views[name]?.firstView;
        return v ? `${kb(v.html)} + ${kb(v.images)} (${v.imageRequests}) = **${kb(v.total)}**` : '–';
      };
      const sc = (/** @type {string} */ name) => {
        const v = views[name]?.scrolled;
        return v ? `${kb(v.total)} (${v.imageRequests} img)` : '–';
      };
      const loaded = ['390', '1440'].map((name) => `${views[name]?.loadedImages ?? '–'}/${views[name]?.images ?? '–'}`).join(', ');
      lines.push(`| ${r.n} | ${kb(files.html)} / ${kb(files.htmlGzip)} | ${kb(files.inlineCss)} / ${kb(files.jsonLd)} | ${fv('390')} | ${fv('1440')} | ${sc('390')} | ${sc('1440')} | ${loaded} |`);
    }
  }
  const big = rows.find((r) => r.n === 1000) ?? rows.at(-1);
  if (big) {
    const firstView = Math.max(big.page?.views['390']?.firstView.total ?? Number.NaN, big.page?.views['1440']?.firstView.total ?? Number.NaN);
    const check = (/** @type {boolean} */ ok) => (ok ? 'met' : '**missed**');
    lines.push(
      '',
      `Targets at N = ${big.n}: cold build ≤ 1.3× the sharp floor: wall ${times(big.coldOverFloor)}, ${check(big.coldOverFloor <= 1.3)}; CPU ${times(big.coldOverFloorCpu)}, ${check(big.coldOverFloorCpu <= 1.3)}; warm rebuild ≤ 10 % of the cold build: wall ${pct(big.warmOverCold)}, ${check(big.warmOverCold <= 0.1)}; CPU ${pct(big.warmOverColdCpu)}, ${check(big.warmOverColdCpu <= 0.1)}; first view ≤ 300 KB: ${Number.isFinite(firstView) ? `${kb(firstView)} KB, ${check(firstView <= 300_000)}` : 'not measured'}.`,
    );
  }
  return lines.join('\n');
}

/** Replace the benchmark section of BENCHMARKS.md, keeping the rest. @param {string} section */
async function writeBenchmarks(section) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const block = `${BEGIN}\n${section}\n${END}`;
  let text = existsSync(file) ? await readFile(file, 'utf8') : '# Benchmarks\n\n## Build and page weight (`npm run bench`)\n\n';
  const start = text.indexOf('<!-- bench:begin');
  const end = text.indexOf(END);
  if (start !== -1 && end > start) text = `${text.slice(0, start)}${block}${text.slice(end + END.length)}`;
  else text = `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(file, text);
}

const started = performance.now();
/** @type {ReturnType<typeof machine>} */
let info;
/** @type {Awaited<ReturnType<typeof benchSize>>[]} */
let results = [];
let total;
if (values['from-json']) {
  // Render the report of an earlier run again (--json FILE), without measuring.
  const previous = JSON.parse(await readFile(resolve(values['from-json']), 'utf8'));
  ({ info, results } = previous);
  total = previous.totalSeconds ?? Number.NaN;
} else {
  info = machine();
  log(`sizes ${sizes.join(', ')}; ${info.cores} cores, load ${info.loadAtStart}; Node ${info.node}, Astro ${info.astro}, sharp ${info.sharp}`);
  await mkdir(values['cache-dir'], { recursive: true });
  for (const n of sizes) results.push(await benchSize(n));
  total = (performance.now() - started) / 1000;
}
const rows = results.map(summarise);
const section = markdown(rows, info, total);
process.stdout.write(`\n${section}\n`);
if (values.json) await writeFile(resolve(values.json), JSON.stringify({ info, totalSeconds: total, results, rows }, null, 1));
if (writeReport) {
  await writeBenchmarks(section);
  log('BENCHMARKS.md updated');
}
log(`done in ${(total / 60).toFixed(1)} min`);
