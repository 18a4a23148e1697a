// npm run bench [-- --sizes 10,100 --repeat 3 --no-page --no-write]: how the build and the page scale with the number of
// organisations. BENCHMARKS.md says what each column measures; the tables go to stdout and between its bench markers.
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharpService from 'astro/assets/services/sharp';
import astro from 'astro/package.json' with { type: 'json' };
import sharp from 'sharp';
import { createTempProject, PROJECT_ROOT, run } from '../tests/support/temp-project.ts';
import type { Probe, Time } from './astro.ts';
import { changeLogo, writeOrganisations } from './logos.ts';
import { measurePage } from './page.ts';

const flag = { type: 'boolean', default: true } as const;
const options = { sizes: { type: 'string', default: '10,100,1000' }, repeat: { type: 'string' }, page: flag, write: flag } as const;
const { values } = parseArgs({ options, allowNegative: true });
const sizes = values.sizes.split(',').map(Number);
if (!sizes.every((n) => Number.isInteger(n) && n > 0)) throw new Error('--sizes: positive integers separated by commas, e.g. 10,100');
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const started = performance.now();
const load = Array.from(loadavg(), (x) => x.toFixed(1)).join(' ');
const cpuTime = ({ user, system }: NodeJS.CpuUsage) => (user + system) / 1e6;
const versions = `Node ${process.version}, Astro ${astro.version}, sharp ${sharp.versions.sharp}`;

/** Astro's and Vite's durations ("345ms", "10.49s", "2m 5s") in seconds; NaN when absent. */
function seconds(text = ''): number {
  const m = /^(?:(\d+)m\s*)?(?:([\d.]+)(ms|s))?$/.exec(text);
  return text && m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) / (m[3] === 'ms' ? 1000 : 1) : NaN;
}

/** Resident bytes of a process and its descendants. */
async function treeRss(pid: number): Promise<number> {
  const read = (file: string) => readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => '');
  const children = await Promise.all((await read(`task/${pid}/children`)).split(' ').filter(Boolean).map(Number).map(treeRss));
  return children.reduce((sum, size) => sum + size, Number((await read('statm')).split(' ')[1] ?? 0) * 4096);
}

/** bench/astro.ts under /usr/bin/time: CPU time of the whole tree, the build process's peak RSS, Astro's phase times. */
async function build(dir: string, probeFile: string) {
  const start = performance.now();
  let [sampled, timer] = [0, undefined as NodeJS.Timeout | undefined];
  const args = ['-f', '__TIME__ %M %U %S', process.execPath, join(import.meta.dirname, 'astro.ts')];
  // The whole tree's memory is sampled every 2 s only: each sample takes CPU from the build.
  const { code, output } = await run('/usr/bin/time', args, dir, { BENCH_PROBE: probeFile }, ({ pid = 0 }) => {
    timer = setInterval(async () => (sampled = Math.max(sampled, await treeRss(pid))), 2000);
  });
  const wall = (performance.now() - start) / 1000;
  clearInterval(timer);
  if (code !== 0) throw new Error(`the build failed (exit ${code}) in ${dir}:\n${output.split('\n').slice(-40).join('\n')}`);
  const [, peak = 0, user = NaN, system = NaN] = (/__TIME__ (\d+) ([\d.]+) ([\d.]+)/.exec(output) ?? []).map(Number);
  // A phase's time: the first « ✓ Completed in … » after the line that starts it.
  const completed = (phase: string) => seconds(new RegExp(`${phase}[\\s\\S]*?✓ Completed in (\\S+?)\\.?\\s*$`, 'm').exec(output)?.[1]);
  const vite = [...output.matchAll(/\[vite\] ✓ built in (\S+)/g)].reduce((sum, m) => sum + seconds(m[1]), 0);
  const phases = [seconds(/\[types\] Generated (\S+)/.exec(output)?.[1]), vite, completed('static routes'), completed('optimized images')];
  const images = output.split('\n').filter((line) => /▶ \/.*\.(avif|webp|png|jpe?g|svg) \(/.test(line));
  const count = (text: string) => images.filter((line) => line.includes(text)).length;
  const time: Time = [wall, user + system];
  return { time, peak: Math.max(sampled, peak * 1024), phases, encoded: count('(before:'), reused: count('(reused') };
}

// The sharp floor: the build's transforms again, in this process, by Astro's own sharp service alone: each source read once,
// as many sources at a time as cores, as Astro's build queue does (core/build/generate.js). SVG passes through, counted.
async function sharpFloor({ imageConfig, sources }: Probe) {
  const jobs = sources.map(({ source, transforms }) => ({ source, transforms: transforms.filter((t) => t.format !== 'svg') }));
  const [cpu, start, count] = [process.cpuUsage(), performance.now(), jobs.flatMap((job) => job.transforms).length];
  const worker = async () => {
    for (let job = jobs.shift(), input; job; job = jobs.shift(), input = undefined) {
      for (const t of job.transforms)
        await sharpService.transform((input ??= await readFile(job.source)), t as never, imageConfig as never, console);
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() }, worker));
  const svg = sources.flatMap((s) => s.transforms).length - count;
  return { time: [(performance.now() - start) / 1000, cpuTime(process.cpuUsage(cpu))] satisfies Time, count, svg };
}

async function benchSize(n: number) {
  const [repeat, project] = [Number(values.repeat ?? (n <= 100 ? 3 : 1)), await createTempProject()];
  const probeFile = join(project.dir, 'bench-probe.json');
  const ratio = (a: Time, b: Time) => a.map((x, i) => x / (b[i] ?? NaN)) as Time;
  try {
    await writeOrganisations(project.organisations, n);
    log(`N=${n}: ${project.dir} (${repeat} repetition${repeat > 1 ? 's' : ''})`);
    const runs = [];
    let peak = 0;
    for (let r = 1; r <= repeat; r++) {
      await project.cleanBuildState();
      const cold = await build(project.dir, probeFile);
      const probe = JSON.parse(await readFile(probeFile, 'utf8')) as Probe;
      const floor = await sharpFloor(probe);
      const warm = await build(project.dir, probeFile);
      await changeLogo(project.organisations, r);
      const changed = await build(project.dir, probeFile);
      const [c, f, w, l] = [cold, floor, warm, changed].map((s) => s.time[0].toFixed(1));
      log(`N=${n} #${r}: cold ${c} s, floor ${f} s (${floor.count} + ${floor.svg} SVG), warm ${w} s (${warm.reused} reused), logo ${l} s`);
      const [coldFloor, warmCold] = [ratio(cold.time, floor.time), ratio(warm.time, cold.time)];
      const imagesFloor = ratio(probe.imagePhase ?? [NaN, NaN], floor.time);
      runs.push({ cold, floor, warm, changed, written: probe.written, coldFloor, warmCold, imagesFloor });
      peak = Math.max(peak, cold.peak, warm.peak, changed.peak);
    }
    return { n, repeat, runs, peak, page: values.page ? await measurePage(join(project.dir, 'dist')) : undefined };
  } finally {
    await project.remove();
  }
}

/** The median of each number over the repetitions (of its finite values), in the same shape. */
function medians<T>(items: T[]): T {
  const [first] = items;
  if (typeof first !== 'object' || first === null) {
    const s = (items as number[]).filter(Number.isFinite).sort((a, b) => a - b);
    return (s.length ? ((s[Math.ceil(s.length / 2) - 1] ?? 0) + (s[Math.floor(s.length / 2)] ?? 0)) / 2 : NaN) as T;
  }
  const entries = Object.keys(first).map((key) => [key, medians(items.map((item) => (item as Record<string, unknown>)[key]))]);
  return (Array.isArray(first) ? entries.map(([, value]) => value) : Object.fromEntries(entries)) as T;
}

const finite = (show: (x: number) => string) => (x: number) => (Number.isFinite(x) ? show(x) : '–');
const [kb, num] = [finite((b) => (b / 1000).toFixed(b < 10_000 ? 1 : 0)), finite((s) => s.toFixed(s < 10 ? 2 : 1))];
const [sec, pct, times] = [finite((s) => `${num(s)} s`), finite((x) => `${(x * 100).toFixed(1)} %`), finite((x) => `${x.toFixed(2)}×`)];
const both = (show: (x: number) => string, [wall, cpu]: Time) => `${show(wall)}<br>CPU ${show(cpu)}`;
const target = (x: number, limit: number, show: (x: number) => string) => `${show(x)}, ${x <= limit ? 'met' : '**missed**'}`;

function markdown(results: Awaited<ReturnType<typeof benchSize>>[], duration: number): string {
  const rows = results.map((result) => ({ ...result, m: medians(result.runs), first: result.runs[0] }));
  const took = duration < 120 ? `${duration.toFixed(0)} s` : `${(duration / 60).toFixed(0)} min`;
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (${sizes.join(', ')} organisations, ${took} in all) on ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), load average at start ${load}; ${versions}. Times are medians of the repetitions shown; ratios are taken within one repetition, then the median. Wall times depend on what else runs on the machine at that moment (see the load average above); CPU times (user + system, of the whole build process tree, and of the floor's process) do much less, and are given under each wall time.`,
    '\n### Build\n',
    '| N | reps | cold build | sharp floor | cold / floor | warm rebuild | warm / cold | 1 logo changed | peak RSS (tree) | transforms | files written: AVIF / WebP / SVG |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(({ n, repeat, m, first, peak }) => {
      const written = ['avif', 'webp', 'svg'].map((format) => kb(first?.written[format] ?? 0)).join(' / ');
      return `| ${n} | ${repeat} | ${both(sec, m.cold.time)} | ${both(sec, m.floor.time)} | ${both(times, m.coldFloor)} | ${both(sec, m.warm.time)} | ${both(pct, m.warmCold)} | ${sec(m.changed.time[0])} | ${(peak / 2 ** 20).toFixed(0)} MiB | ${first?.floor.count} + ${first?.floor.svg} SVG | ${written} KB |`;
    }),
    '\nWhere the time goes (Astro\'s own phase timings, medians, seconds): sync = content sync and types, vite = bundling, pages = rendering the routes, images = generating the optimized images. "images / floor" compares Astro\'s image phase alone (wall, and CPU of the build process over that phase) with the same transforms done by sharp alone.\n',
    '| N | cold: sync / vite / pages / images | images / floor (wall, CPU) | warm: sync / vite / pages / images | logo changed: images (encoded) |',
    '| ---: | --- | ---: | --- | --- |',
    ...rows.map(
      ({ n, m }) =>
        `| ${n} | ${m.cold.phases.map(num).join(' / ')} | ${m.imagesFloor.map(times).join(', ')} | ${m.warm.phases.map(num).join(' / ')} | ${sec(m.changed.phases[3] ?? NaN)} (${m.changed.encoded}) |`,
    ),
  ];
  const pages = rows.flatMap(({ n, page }) => (page ? [{ n, ...page }] : []));
  if (pages.length > 0) {
    lines.push(
      '\n### Page weight\n',
      "Transfer sizes in KB (1 KB = 1000 bytes) as Chromium counts them (headers + body, HTML gzip-compressed as static hosts serve it), 390 px phone at 3× and 1440 px laptop at 2× (both take the 2× logo candidates). First view: after load, once the network is quiet, lazy images inside Chromium's lazy-load margin included. Scrolled: the whole page after scrolling to its end. The CSS is inlined in the HTML.\n",
      '| N | HTML raw / gzip | of which inline CSS / JSON-LD (raw) | first view 390: HTML + images = total | first view 1440: HTML + images = total | scrolled 390 | scrolled 1440 | images loaded |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
  }
  for (const { n, views, ...p } of pages) {
    const first = views.map(({ firstView: v }) => `${kb(v.html)} + ${kb(v.images)} (${v.imageRequests}) = **${kb(v.total)}**`);
    const scrolled = views.map(({ scrolled: v }) => `${kb(v.total)} (${v.imageRequests} img)`);
    lines.push(
      `| ${n} | ${kb(p.html)} / ${kb(p.htmlGzip)} | ${kb(p.inlineCss)} / ${kb(p.jsonLd)} | ${[...first, ...scrolled].join(' | ')} | ${views.map((v) => v.loaded).join(', ')} |`,
    );
  }
  const big = rows.find((r) => r.n === 1000) ?? rows.at(-1);
  if (big) {
    const [{ coldFloor, warmCold }, firstViews] = [big.m, big.page?.views.map((v) => v.firstView.total)];
    const view = firstViews ? target(Math.max(...firstViews), 300_000, (x) => `${kb(x)} KB`) : 'not measured';
    lines.push(
      `\nTargets at N = ${big.n}: cold build ≤ 1.3× the sharp floor: wall ${target(coldFloor[0], 1.3, times)}; CPU ${target(coldFloor[1], 1.3, times)}; warm rebuild ≤ 10 % of the cold build: wall ${target(warmCold[0], 0.1, pct)}; CPU ${target(warmCold[1], 0.1, pct)}; first view ≤ 300 KB: ${view}.`,
    );
  }
  return lines.join('\n');
}

log(`sizes ${sizes.join(', ')}; ${availableParallelism()} cores, load ${load}; ${versions}`);
const results = [];
for (const n of sizes) results.push(await benchSize(n));
const section = markdown(results, (performance.now() - started) / 1000);
process.stdout.write(`\n${section}\n`);
if (values.write) {
  const [file, markers] = [join(PROJECT_ROOT, 'BENCHMARKS.md'), /(<!-- bench:begin .*-->\n)[\s\S]*?(<!-- bench:end -->)/];
  const text = await readFile(file, 'utf8');
  if (!markers.test(text)) throw new Error(`${file}: the bench:begin … bench:end markers are missing`);
  const updated = text.replace(markers, (_, begin: string, end: string) => `${begin}${section}\n${end}`);
  await writeFile(file, updated);
}
log(`done in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
