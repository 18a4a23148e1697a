/**
 * What a visitor downloads: the built page served on 127.0.0.1 (text gzipped, as static hosts serve it), loaded in
 * Chromium at a phone and a laptop viewport. Sizes are Chromium's transfer sizes (headers + body as sent, which
 * Playwright's `request.sizes()` splits), summed by resource type:
 * - first view: everything fetched after load, once the network is quiet (lazy images inside Chromium's lazy-load
 *   margin around the viewport included);
 * - scrolled: the total after scrolling to the end of the page, a viewport and the margin at a time.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContextOptions, type Request } from '@playwright/test';
import { lookup } from 'mrmime';

const VIEWPORTS: Record<string, BrowserContextOptions> = {
  // A 390 px phone (3× screen) and a 1440 px laptop (2× screen): both pick the 2× logo candidates.
  390: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  1440: { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 },
};

async function view(browser: Browser, url: string, options: BrowserContextOptions) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const finished: Promise<{ type: string; bytes: number }>[] = [];
  let pending = 0;
  let last = performance.now();
  const done = (request: Request, failed: boolean) => {
    const bytes = failed ? Promise.resolve(0) : request.sizes().then((s) => s.responseHeadersSize + s.responseBodySize);
    finished.push(bytes.then((b) => ({ type: request.resourceType(), bytes: b })));
    pending--;
    last = performance.now();
  };
  page.on('request', () => pending++);
  page.on('requestfinished', (request) => done(request, false));
  page.on('requestfailed', (request) => done(request, true));
  const quiet = async (ms: number) => {
    const deadline = performance.now() + 60_000;
    while ((pending > 0 || performance.now() - last < ms) && performance.now() < deadline) await page.waitForTimeout(50);
  };
  const sum = async () => {
    const all = await Promise.all(finished);
    const [html, images] = ['document', 'image'].map((type) => all.filter((r) => r.type === type));
    const bytes = (list = all) => list.reduce((sum, r) => sum + r.bytes, 0);
    return { html: bytes(html), images: bytes(images), total: bytes(), imageRequests: images?.length ?? 0 };
  };
  await page.goto(url, { waitUntil: 'load' });
  await quiet(500);
  const firstView = await sum();
  // Scroll to the end, a viewport plus Chromium's lazy-load margin (≥ 1250 px) at a time, less a bit.
  for (let atEnd = false; !atEnd; await quiet(150)) {
    atEnd = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight + 1000);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    });
  }
  await quiet(500);
  const scrolled = await sum();
  const [images = 0, loadedImages = 0] = await page.evaluate(() => {
    const all = [...document.images];
    return [all.length, all.filter((image) => image.complete && image.naturalWidth > 0).length];
  });
  await context.close();
  return { firstView, scrolled, images, loadedImages };
}

/** The built page in `dist`: its HTML (raw, gzip, the CSS and JSON-LD inlined in it) and what each viewport downloads. */
export async function measurePage(dist: string) {
  const html = await readFile(join(dist, 'index.html'));
  const inner = (re: RegExp) => [...html.toString().matchAll(re)].reduce((n, m) => n + Buffer.byteLength(m[1] ?? ''), 0);
  const files = {
    html: html.length,
    htmlGzip: gzipSync(html).length,
    inlineCss: inner(/<style[^>]*>([\s\S]*?)<\/style>/g),
    jsonLd: inner(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g),
  };
  const server = createServer(async (request, response) => {
    const path = normalize(join(dist, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    const body = file.startsWith(dist) ? await readFile(file).catch(() => undefined) : undefined;
    if (!body) return void response.writeHead(404).end();
    const type = lookup(file)?.replace(/^text\/.*/, '$&; charset=utf-8') ?? 'application/octet-stream';
    const gzip = /^text\/|json$|xml$/.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const data = gzip ? gzipSync(body) : body;
    const headers = { 'content-type': type, 'cache-control': 'no-store', 'content-length': data.length };
    response.writeHead(200, gzip ? { ...headers, 'content-encoding': 'gzip' } : headers).end(data);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const views: Record<string, Awaited<ReturnType<typeof view>>> = {};
    for (const [name, options] of Object.entries(VIEWPORTS)) views[name] = await view(browser, url, options);
    return { files, views };
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
}
