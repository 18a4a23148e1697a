// @ts-check
/**
 * Image settings study for our logos: bytes, encode time and quality of each encoder setting, at the
 * widths the site serves.
 *
 *   node_modules/.bin/node scripts/image-study.mjs [--reps 3] [--no-layout] [--no-write] [--json FILE]
 *
 * - Logos: src/content/organisations/*.{png,jpg,jpeg,webp}; widths: the 1× and 2× widths of
 *   `logoDisplaySize` + `logoWidths` (src/lib/logo-size.ts), heights as <Picture> computes them.
 * - Each setting runs the pipeline Astro's sharp service runs (decode, rotate, lanczos3 resize to
 *   width×height, encode), timed `--reps` times one at a time (median wall time, and CPU time).
 * - Quality: the encoded image is decoded and compared with the reference (the same resize, not
 *   encoded: what a lossless PNG would hold), both flattened on the logo tile colour (#f3f1ec) as a
 *   visitor sees them. PSNR over the image, and the worst 8×8 block's PSNR (where text edges ring).
 * - `--layout`: builds a throw-away copy with a page rendering one logo through the current
 *   <Picture widths> and through Astro's `layout` option, and lists the markup and the files each makes.
 * - SVG pass-through: the SVG fixture's bytes against rasters of the same artwork.
 * Results go to stdout and into BENCHMARKS.md between the `image-study:begin` and `image-study:end` markers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { logoDisplaySize, logoWidths } from '../src/lib/logo-size.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOGOS_DIR = join(ROOT, 'src/content/organisations');
const SVG_FIXTURE = join(ROOT, 'tests/fixtures/organisations/logo-vectoriel.svg');
const TILE = { r: 0xf3, g: 0xf1, b: 0xec };
const BEGIN = '<!-- image-study:begin (written by `node scripts/image-study.mjs`: edit the script, not this section) -->';
const END = '<!-- image-study:end -->';

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    layout: { type: 'boolean', default: true },
    write: { type: 'boolean', default: true },
    json: { type: 'string' },
  },
  allowNegative: true,
});
const REPS = Math.max(1, Number(values.reps));

/** @typedef {{ id: string, format: 'avif' | 'webp' | 'png', options: Record<string, unknown>, astroDefault?: boolean }} Setting */
/** @type {Setting[]} */
const SETTINGS = [
  ...[40, 50, 60, 65].flatMap((quality) =>
    [2, 4, 6].map((effort) => ({ id: `avif q${quality} e${effort}`, format: /** @type {const} */ ('avif'), options: { quality, effort }, astroDefault: quality === 50 && effort === 4 })),
  ),
  ...[70, 80, 90].flatMap((quality) =>
    [4, 6].map((effort) => ({ id: `webp q${quality} e${effort}`, format: /** @type {const} */ ('webp'), options: { quality, effort }, astroDefault: quality === 80 && effort === 4 })),
  ),
  // Between the grid's points: effort 3, and quality 55 at effort 2.
  { id: 'avif q50 e3', format: 'avif', options: { quality: 50, effort: 3 } },
  { id: 'avif q55 e2', format: 'avif', options: { quality: 55, effort: 2 } },
  { id: 'avif q60 e3', format: 'avif', options: { quality: 60, effort: 3 } },
  { id: 'webp q80 e4 smartSubsample', format: 'webp', options: { quality: 80, effort: 4, smartSubsample: true } },
  { id: 'webp q80 e4 alphaQuality 80', format: 'webp', options: { quality: 80, effort: 4, alphaQuality: 80 } },
  { id: 'webp lossless e4', format: 'webp', options: { lossless: true, effort: 4 } },
  { id: 'webp near-lossless 60', format: 'webp', options: { nearLossless: true, quality: 60, effort: 4 } },
  { id: 'png palette', format: 'png', options: { palette: true } },
];

/** @param {number[]} list */
const median = (list) => {
  const s = [...list].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? /** @type {number} */ (s[m]) : (/** @type {number} */ (s[m - 1]) + /** @type {number} */ (s[m])) / 2;
};

/** Flatten RGBA raw pixels on the tile colour → RGB floats. @param {Buffer} rgba */
function onTile(rgba) {
  const out = new Float64Array((rgba.length / 4) * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    const a = /** @type {number} */ (rgba[i + 3]) / 255;
    out[j] = /** @type {number} */ (rgba[i]) * a + TILE.r * (1 - a);
    out[j + 1] = /** @type {number} */ (rgba[i + 1]) * a + TILE.g * (1 - a);
    out[j + 2] = /** @type {number} */ (rgba[i + 2]) * a + TILE.b * (1 - a);
  }
  return out;
}

/** PSNR of the whole image and of its worst 8×8 block (dB; 99 = identical). */
function compare(/** @type {Float64Array} */ ref, /** @type {Float64Array} */ test, /** @type {number} */ width, /** @type {number} */ height) {
  const psnr = (/** @type {number} */ mse) => (mse === 0 ? 99 : 10 * Math.log10((255 * 255) / mse));
  let sum = 0;
  let absSum = 0;
  for (let i = 0; i < ref.length; i++) {
    const d = /** @type {number} */ (ref[i]) - /** @type {number} */ (test[i]);
    sum += d * d;
    absSum += Math.abs(d);
  }
  let worst = 0;
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      let s = 0;
      let n = 0;
      for (let y = by; y < Math.min(by + 8, height); y++) {
        for (let x = bx; x < Math.min(bx + 8, width); x++) {
          for (let c = 0; c < 3; c++) {
            const k = (y * width + x) * 3 + c;
            const d = /** @type {number} */ (ref[k]) - /** @type {number} */ (test[k]);
            s += d * d;
            n++;
          }
        }
      }
      worst = Math.max(worst, s / n);
    }
  }
  return { psnr: psnr(sum / ref.length), worstBlock: psnr(worst), mae: absSum / ref.length };
}

/** The pipeline of Astro's sharp service. @param {Buffer} input @param {number} width @param {number} height */
const pipeline = (input, width, height) => sharp(input, { failOn: 'none', pages: -1 }).rotate().resize({ width, height, withoutEnlargement: true });

/** @param {Buffer} input @param {number} width @param {number} height @param {Setting} setting */
async function encode(input, width, height, setting) {
  const image = pipeline(input, width, height);
  if (setting.format === 'avif') image.avif(setting.options);
  else if (setting.format === 'webp') image.webp(setting.options);
  else image.png(setting.options);
  return image.toBuffer();
}

async function logoCases() {
  const cases = [];
  for (const file of (await readdir(LOGOS_DIR)).sort()) {
    if (!/\.(png|jpe?g|webp)$/i.test(file)) continue;
    const input = await readFile(join(LOGOS_DIR, file));
    const meta = await sharp(input).metadata();
    const display = logoDisplaySize({ width: meta.width ?? 0, height: meta.height ?? 0 });
    for (const width of logoWidths(display.width, meta.width ?? 0)) {
      // <Picture>'s srcset: height = round(width / (display.width / display.height)).
      const height = Math.round(width / (display.width / display.height));
      cases.push({ file, input, alpha: Boolean(meta.hasAlpha), density: width === display.width ? '1x' : '2x', width, height, source: `${meta.width}×${meta.height} ${meta.format}` });
    }
  }
  return cases;
}

async function studySettings() {
  sharp.cache(false);
  const cases = await logoCases();
  /** @type {Map<string, { bytes: number[], wall: number[], cpu: number[], psnr: number[], worstBlock: number[], case: typeof cases[number] }[]>} */
  const results = new Map(SETTINGS.map((s) => [s.id, []]));
  const resizeTimes = [];
  for (const c of cases) {
    const ref = await pipeline(c.input, c.width, c.height).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const refTile = onTile(ref.data);
    const t0 = performance.now();
    for (let r = 0; r < REPS; r++) await pipeline(c.input, c.width, c.height).raw().toBuffer();
    resizeTimes.push({ c, wall: (performance.now() - t0) / REPS / 1000 });
    for (const setting of SETTINGS) {
      const walls = [];
      const cpus = [];
      let out = Buffer.alloc(0);
      for (let r = 0; r < REPS; r++) {
        const cpu0 = process.cpuUsage();
        const w0 = performance.now();
        out = await encode(c.input, c.width, c.height, setting);
        walls.push((performance.now() - w0) / 1000);
        const cpu = process.cpuUsage(cpu0);
        cpus.push((cpu.user + cpu.system) / 1e6);
      }
      const decoded = await sharp(out).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      if (decoded.info.width !== c.width || decoded.info.height !== c.height) throw new Error(`${setting.id} ${c.file}: size changed`);
      const q = compare(refTile, onTile(decoded.data), c.width, c.height);
      results.get(setting.id)?.push({ bytes: [out.length], wall: [median(walls)], cpu: [median(cpus)], psnr: [q.psnr], worstBlock: [q.worstBlock], case: c });
    }
    process.stderr.write(`[image-study] ${c.file} ${c.width}×${c.height}\n`);
  }
  const summary = SETTINGS.map((setting) => {
    const rows = results.get(setting.id) ?? [];
    const part = (/** @type {string} */ density) => rows.filter((row) => row.case.density === density);
    const total = (/** @type {typeof rows} */ list, /** @type {'bytes' | 'wall' | 'cpu'} */ key) => list.reduce((s, row) => s + (row[key][0] ?? 0), 0);
    return {
      id: setting.id,
      format: setting.format,
      astroDefault: Boolean(setting.astroDefault),
      bytes1x: total(part('1x'), 'bytes'),
      bytes2x: total(part('2x'), 'bytes'),
      bytesAlpha2x: total(part('2x').filter((row) => row.case.alpha), 'bytes'),
      wall: total(rows, 'wall'),
      cpu: total(rows, 'cpu'),
      psnrMin: Math.min(...rows.map((row) => row.psnr[0] ?? 0)),
      psnrMedian: median(rows.map((row) => row.psnr[0] ?? 0)),
      worstBlockMin: Math.min(...rows.map((row) => row.worstBlock[0] ?? 0)),
      perLogo: rows.map((row) => ({ file: row.case.file, density: row.case.density, width: row.case.width, height: row.case.height, bytes: row.bytes[0], wall: row.wall[0], psnr: row.psnr[0], worstBlock: row.worstBlock[0] })),
    };
  });
  return { cases: cases.map(({ input, ...c }) => c), resize: resizeTimes.reduce((s, r) => s + r.wall, 0), summary };
}

/** The SVG fixture against rasters of it at the size the card shows it (2×). */
async function studySvg() {
  const svg = await readFile(SVG_FIXTURE);
  const meta = await sharp(svg).metadata();
  const display = logoDisplaySize({ width: meta.width ?? 0, height: meta.height ?? 0 });
  const width = display.width * 2;
  const height = display.height * 2;
  const raster = sharp(svg, { density: (72 * width) / (meta.width ?? width) }).resize(width, height);
  const rows = [
    { what: 'SVG as served (pass-through)', bytes: svg.length, gzip: gzipSync(svg).length },
    { what: `AVIF q50 e4, ${width}×${height} (2×)`, bytes: (await raster.clone().avif().toBuffer()).length },
    { what: `WebP q80 e4, ${width}×${height} (2×)`, bytes: (await raster.clone().webp().toBuffer()).length },
    { what: `PNG palette, ${width}×${height} (2×)`, bytes: (await raster.clone().png({ palette: true }).toBuffer()).length },
  ];
  return { file: 'tests/fixtures/organisations/logo-vectoriel.svg', size: `${meta.width}×${meta.height}`, display, rows };
}

/**
 * Build a throw-away copy with a page showing one logo through <Picture widths> (the site's way) and
 * through Astro's `layout` option, and read back the markup and the files.
 */
async function studyLayout() {
  const dir = await mkdtemp(join(tmpdir(), 'je-soutiens-layout-'));
  try {
    for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public']) await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
    await mkdir(join(dir, 'node_modules'));
    for (const name of await readdir(join(ROOT, 'node_modules'))) {
      if (!['.vite', '.astro', '.cache'].includes(name)) await symlink(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
    }
    const logo = 'src/content/organisations/le-media.png';
    const page = `---
import { Image, Picture } from 'astro:assets';
import logo from '../content/organisations/le-media.png';
import { logoDisplaySize, logoWidths } from '../lib/logo-size';
const d = logoDisplaySize(logo);
---
<html lang="fr"><head><title>layout study</title></head><body>
<div id="current"><Picture src={logo} alt="" formats={['avif', 'webp']} fallbackFormat="webp" width={d.width} height={d.height} widths={logoWidths(d.width, logo.width)} sizes={\`\${d.width}px\`} /></div>
<div id="picture-fixed"><Picture src={logo} alt="" formats={['avif', 'webp']} fallbackFormat="webp" width={d.width} height={d.height} layout="fixed" /></div>
<div id="picture-constrained"><Picture src={logo} alt="" formats={['avif', 'webp']} fallbackFormat="webp" width={d.width} height={d.height} layout="constrained" /></div>
<div id="image-fixed"><Image src={logo} alt="" width={d.width} height={d.height} layout="fixed" /></div>
</body></html>
`;
    await writeFile(join(dir, 'src/pages/layout-study.astro'), page);
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: dir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`layout study build failed:\n${build.stdout}\n${build.stderr}`);
    const html = await readFile(join(dir, 'dist/layout-study/index.html'), 'utf8');
    /** @type {Record<string, { markup: string, files: { file: string, bytes: number, width: number, format: string }[] }>} */
    const variants = {};
    for (const id of ['current', 'picture-fixed', 'picture-constrained', 'image-fixed']) {
      const markup = new RegExp(`<div id="${id}">([\\s\\S]*?)</div>`).exec(html)?.[1] ?? '';
      const urls = [...new Set([...markup.matchAll(/\/_astro\/[^\s"',]+/g)].map((m) => m[0]))];
      const files = [];
      for (const url of urls) {
        const path = join(dir, 'dist', url);
        const m = await sharp(path).metadata();
        files.push({ file: basename(url), bytes: (await stat(path)).size, width: m.width ?? 0, format: m.format === 'heif' ? 'avif' : (m.format ?? '') });
      }
      variants[id] = { markup: markup.replace(/ data-astro-cid-[a-z0-9]+(="[^"]*")?/g, ''), files };
    }
    // Which candidate Chromium picks for each, on a 1× and a 2× screen.
    const { serveStatic } = await import('./lib/bench-page.mjs');
    const { chromium } = await import('@playwright/test');
    const server = await serveStatic(join(dir, 'dist'));
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      for (const deviceScaleFactor of [1, 2]) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor });
        const page = await context.newPage();
        await page.goto(`${server.url}layout-study/`, { waitUntil: 'load' });
        for (const id of Object.keys(variants)) {
          const current = await page.evaluate((selector) => /** @type {HTMLImageElement | null} */ (document.querySelector(selector))?.currentSrc ?? '', `#${id} img`);
          const file = basename(new URL(current).pathname);
          const picked = variants[id]?.files.find((f) => f.file === file);
          /** @type {any} */ (variants[id])[`picked${deviceScaleFactor}x`] = picked ? `${picked.format} ${picked.width}w` : file;
        }
        await context.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
    return { logo, variants };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** @param {number} bytes */
const kb = (bytes) => (bytes / 1000).toFixed(1);

/** @param {Awaited<ReturnType<typeof studySettings>>} s @param {Awaited<ReturnType<typeof studySvg>>} svg @param {Awaited<ReturnType<typeof studyLayout>> | undefined} layout */
function markdown(s, svg, layout) {
  const lines = [];
  const logos = [...new Set(s.cases.map((c) => c.file))];
  lines.push(
    `Measured ${new Date().toISOString().slice(0, 10)} by \`node scripts/image-study.mjs\` (sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}): the ${logos.length} raster logos of src/content/organisations (${logos.join(', ')}) at the 1× and 2× widths the cards serve (${s.cases.length} images). Bytes are summed over the logos; time is the sum over all ${s.cases.length} images of the median of ${REPS} runs of Astro's pipeline (decode, lanczos3 resize, encode), one at a time on this 2-core machine (resize alone: ${s.resize.toFixed(2)} s of it). Quality: PSNR against the unencoded resize, both on the tile colour; « worst block » is the worst 8×8 block's PSNR (ringing around letters). Higher is better. Visual check (crops zoomed 3×, nearest neighbour): no setting in this table shows artifacts at 1:1; at 3× AVIF q40 starts to soften letter edges, WebP shows faint chroma fringes on coloured letters.`,
    '',
    '| setting | 1× bytes | 2× bytes | of which alpha logos (2×) | encode time | CPU time | PSNR min / median | worst block min |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of s.summary) {
    lines.push(
      `| ${r.astroDefault ? `**${r.id}** (Astro default)` : r.id} | ${kb(r.bytes1x)} KB | ${kb(r.bytes2x)} KB | ${kb(r.bytesAlpha2x)} KB | ${r.wall.toFixed(2)} s | ${r.cpu.toFixed(2)} s | ${r.psnrMin.toFixed(1)} / ${r.psnrMedian.toFixed(1)} dB | ${r.worstBlockMin.toFixed(1)} dB |`,
    );
  }
  lines.push('', `SVG pass-through, ${svg.file} (${svg.size}, shown at ${svg.display.width}×${svg.display.height}):`, '', '| what | bytes | gzip |', '| --- | ---: | ---: |');
  for (const r of svg.rows) lines.push(`| ${r.what} | ${r.bytes} | ${r.gzip ?? '–'} |`);
  if (layout) {
    lines.push('', `\`<Picture widths>\` against Astro's \`layout\` option, for ${layout.logo} (markup as built, files it references):`, '');
    for (const [id, v] of Object.entries(layout.variants)) {
      const picked = /** @type {any} */ (v);
      lines.push(
        `- **${id}**: ${v.files.length} files (${v.files.map((f) => `${f.format} ${f.width}w ${kb(f.bytes)} KB`).join(', ')}); Chromium at 1440 px picks ${picked.picked1x} on a 1× screen, ${picked.picked2x} on a 2× screen`,
        '', '  ```html', `  ${v.markup.trim()}`, '  ```', '',
      );
    }
  }
  return lines.join('\n');
}

async function writeBenchmarks(/** @type {string} */ section) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const block = `${BEGIN}\n${section}\n${END}`;
  let text = existsSync(file) ? await readFile(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf('<!-- image-study:begin');
  const end = text.indexOf(END);
  if (start !== -1 && end > start) text = `${text.slice(0, start)}${block}${text.slice(end + END.length)}`;
  else text = `${text.trimEnd()}\n\n## Image settings study (\`node scripts/image-study.mjs\`)\n\n${block}\n`;
  await writeFile(file, text);
}

const settings = await studySettings();
const svg = await studySvg();
const layout = values.layout ? await studyLayout() : undefined;
const section = markdown(settings, svg, layout);
process.stdout.write(`${section}\n`);
if (values.json) await writeFile(values.json, JSON.stringify({ settings, svg, layout }, null, 1));
if (values.write) await writeBenchmarks(section);
