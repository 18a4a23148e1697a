/**
 * What a visitor downloads: the built page served on 127.0.0.1 (text gzipped, as static hosts serve it) in Chromium,
 * as transfer sizes (headers + body as sent, from Playwright's `request.sizes()`) by resource type. First view: after
 * load, once the network is quiet; scrolled: after scrolling to the end, a viewport and the lazy-load margin at a time.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContextOptions, type Request } from '@playwright/test';
import { lookup } from 'mrmime';
import { launchOptions } from '../playwright.config.ts';
import { serve } from '../tests/support/servers.ts';

async function view(browser: Browser, url: string, options: BrowserContextOptions) {
  const page = await (await browser.newContext(options)).newPage();
  const finished: Promise<{ type: string; bytes: number }>[] = [];
  let [pending, last] = [0, performance.now()];
  const settle = (request: Request, failed = false) => {
    const bytes = failed ? Promise.resolve(0) : request.sizes().then((s) => s.responseHeadersSize + s.responseBodySize);
    finished.push(bytes.then((b) => ({ type: request.resourceType(), bytes: b })));
    [pending, last] = [pending - 1, performance.now()];
  };
  page.on('request', () => pending++);
  page.on('requestfinished', (r) => settle(r));
  page.on('requestfailed', (r) => settle(r, true));
  const quiet = async (ms: number, deadline = performance.now() + 60_000) => {
    while ((pending > 0 || performance.now() - last < ms) && performance.now() < deadline) await page.waitForTimeout(50);
  };
  const sum = async () => {
    const all = await Promise.all(finished);
    const of = (type?: string) => all.filter((r) => !type || r.type === type);
    const bytes = (type?: string) => of(type).reduce((sum, r) => sum + r.bytes, 0);
    return { html: bytes('document'), images: bytes('image'), total: bytes(), imageRequests: of('image').length };
  };
  await page.goto(url, { waitUntil: 'load' });
  await quiet(500);
  const firstView = await sum();
  // A viewport plus Chromium's lazy-load margin (≥ 1250 px) at a time, less a bit.
  const scroll = () =>
    page.evaluate(() => (scrollBy(0, innerHeight + 1000), scrollY + innerHeight >= document.documentElement.scrollHeight - 1));
  while (!(await scroll())) await quiet(150);
  await quiet(500);
  const scrolled = await sum();
  const complete = await page.evaluate(() => [...document.images].map((i) => i.complete && i.naturalWidth > 0));
  const loaded = `${complete.filter(Boolean).length}/${complete.length}`;
  await page.context().close();
  return { firstView, scrolled, loaded };
}

/** The built page in `dist`: its HTML (raw, gzip, the CSS and JSON-LD inlined in it) and what each viewport downloads. */
export async function measurePage(dist: string) {
  const html = await readFile(join(dist, 'index.html'));
  const inner = (re: RegExp) => [...html.toString().matchAll(re)].reduce((n, m) => n + Buffer.byteLength(m[1] ?? ''), 0);
  const server = await serve(async (request, response) => {
    const file = join(dist, new URL(request.url ?? '/', 'http://x').pathname.replace(/\/$/, '/index.html'));
    const body = await readFile(file).catch(() => undefined);
    if (!body) return void response.writeHead(404).end();
    const type = lookup(file)?.replace(/^text\/.*/, '$&; charset=utf-8') ?? 'application/octet-stream';
    const gzip = /^text\/|json$|xml$/.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const data = gzip ? gzipSync(body) : body;
    const headers = { 'content-type': type, 'cache-control': 'no-store', 'content-length': data.length };
    response.writeHead(200, gzip ? { ...headers, 'content-encoding': 'gzip' } : headers).end(data);
  });
  // The tests' browser: Debian's chromium or Playwright's own, with the same flags (playwright.config.ts).
  const browser = await chromium.launch(launchOptions);
  try {
    const url = `${server.origin}/`;
    // A 390 px phone (3× screen) and a 1440 px laptop (2× screen): both take the 2× logo candidates.
    const phone = await view(browser, url, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const laptop = await view(browser, url, { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
    const inlineCss = inner(/<style[^>]*>([\s\S]*?)<\/style>/g);
    const jsonLd = inner(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g);
    return { html: html.length, htmlGzip: gzipSync(html).length, inlineCss, jsonLd, views: [phone, laptop] };
  } finally {
    await browser.close();
    await server.close();
  }
}
