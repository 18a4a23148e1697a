/**
 * What a visitor downloads: the built page served by a tiny static server on 127.0.0.1
 * (gzip for text, as static hosts do), loaded in Chromium at a phone and a desktop viewport. Transfer
 * sizes are Chromium's own (`encodedDataLength`: headers + body as sent), per resource type:
 * - first view: everything fetched after load, once the network is quiet (lazy images inside
 *   Chromium's lazy-load margin around the viewport included);
 * - scrolled: the total after scrolling to the end of the page, one viewport and the margin at a time.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.xml', '.txt', '.svg', '.webmanifest']);

/** Serve `root` on 127.0.0.1 at a free port. */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const gzipped = new Map<string, Buffer>();
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error('outside');
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const ext = extname(file);
      const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        let zipped = gzipped.get(file);
        if (!zipped) gzipped.set(file, (zipped = gzipSync(body)));
        response.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': zipped.length });
        response.end(zipped);
      } else {
        response.writeHead(200, { ...headers, 'content-length': body.length });
        response.end(body);
      }
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const VIEWPORTS = [
  // A 390 px phone (3× screen) and a 1440 px laptop (2× screen): both pick the 2× logo candidates.
  { name: '390', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  { name: '1440', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2, isMobile: false, hasTouch: false },
];

interface Bytes {
  html: number;
  images: number;
  total: number;
  imageRequests: number;
}
export interface PageView {
  firstView: Bytes;
  scrolled: Bytes;
  images: number;
  loadedImages: number;
}

/** Load the page at each viewport and sum what was transferred. */
export async function measurePage(url: string): Promise<Record<string, PageView>> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results: Record<string, PageView> = {};
  try {
    for (const { name, ...contextOptions } of VIEWPORTS) {
      const context = await browser.newContext(contextOptions);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const requests = new Map<string, { type: string; bytes: number; done: boolean }>();
      let lastActivity = performance.now();
      cdp.on('Network.requestWillBeSent', (e) => {
        if (!e.request.url.startsWith('data:')) requests.set(e.requestId, { type: e.type ?? 'Other', bytes: 0, done: false });
        lastActivity = performance.now();
      });
      cdp.on('Network.responseReceived', (e) => {
        const r = requests.get(e.requestId);
        if (r) r.type = e.type ?? r.type;
      });
      const finish = (id: string, bytes: number) => {
        const r = requests.get(id);
        if (r) Object.assign(r, { bytes, done: true });
        lastActivity = performance.now();
      };
      cdp.on('Network.loadingFinished', (e) => finish(e.requestId, e.encodedDataLength));
      cdp.on('Network.loadingFailed', (e) => finish(e.requestId, 0));
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const quiet = async (ms: number) => {
        const deadline = performance.now() + 60_000;
        while (performance.now() < deadline) {
          await page.waitForTimeout(50);
          const pending = [...requests.values()].some((r) => !r.done);
          if (!pending && performance.now() - lastActivity >= ms) return;
        }
      };
      const sum = () => {
        const bytes: Bytes = { html: 0, images: 0, total: 0, imageRequests: 0 };
        for (const r of requests.values()) {
          if (r.type === 'Document') bytes.html += r.bytes;
          if (r.type === 'Image') {
            bytes.images += r.bytes;
            bytes.imageRequests++;
          }
          bytes.total += r.bytes;
        }
        return bytes;
      };
      await page.goto(url, { waitUntil: 'load' });
      await quiet(500);
      const firstView = sum();
      // Scroll to the end, a viewport plus Chromium's lazy-load margin (≥ 1250 px) at a time, less a bit.
      for (let step = 0; step < 10_000; step++) {
        const atEnd = await page.evaluate(() => {
          window.scrollBy(0, window.innerHeight + 1000);
          return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
        });
        await quiet(150);
        if (atEnd) break;
      }
      await quiet(500);
      const scrolled = sum();
      const { images, loadedImages } = await page.evaluate(() => {
        const all = [...document.images];
        return { images: all.length, loadedImages: all.filter((image) => image.complete && image.naturalWidth > 0).length };
      });
      results[name] = { firstView, scrolled, images, loadedImages };
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** The built page itself: raw and gzip bytes of the HTML, and the CSS and JSON-LD inlined in it. */
export async function pageFileSizes(dist: string) {
  const html = await readFile(join(dist, 'index.html'));
  const text = html.toString('utf8');
  const inlineCss = [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].reduce((n, m) => n + Buffer.byteLength(m[1] ?? ''), 0);
  const jsonLd = [...text.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].reduce(
    (n, m) => n + Buffer.byteLength(m[1] ?? ''),
    0,
  );
  return { html: html.length, htmlGzip: gzipSync(html).length, inlineCss, jsonLd };
}
