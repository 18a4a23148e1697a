import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkLinks, type LinkResult } from '../../scripts/lib/links.ts';

/**
 * `npm run check:links` and its `checkLinks`, against a local server only (the tests never reach the internet).
 * The pure parts of `scripts/lib/links.ts` (parsing, report, exit code) are unit-tested in tests/unit/links.test.ts.
 */

const CLI = fileURLToPath(new URL('../../scripts/check-links.ts', import.meta.url));
/** Short enough to keep the suite fast, long enough for a loopback answer. */
const FAST = { timeoutMs: 300, retryDelayMs: 50 };

let server: Server;
let base = '';
/** A port nobody listens on: connections are refused. */
let closedPort = 0;
let inFlight = 0;
let maxInFlight = 0;
const hits = new Map<string, number>();
const userAgents = new Set<string>();

function hitCount(method: string, path: string) {
  return hits.get(`${method} ${path}`) ?? 0;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const key = `${req.method} ${url.pathname}`;
    hits.set(key, (hits.get(key) ?? 0) + 1);
    userAgents.add(req.headers['user-agent'] ?? '');
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const send = (status: number, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain', ...headers });
      res.end(req.method === 'HEAD' ? undefined : `${status}\n`);
    };
    switch (url.pathname) {
      case '/ok':
        return send(200);
      case '/moved':
        return send(301, { location: '/ok' });
      case '/chain':
        return send(302, { location: `${base}/moved` });
      case '/loop':
        return send(302, { location: '/loop' });
      case '/gone':
        return send(404);
      case '/error':
        return send(500);
      case '/flaky': {
        // 503 the first time, 200 afterwards: only a retry sees it OK.
        const total = hitCount('HEAD', '/flaky') + hitCount('GET', '/flaky');
        return send(total === 1 ? 503 : 200);
      }
      case '/no-head':
        return send(req.method === 'HEAD' ? 405 : 200);
      case '/slow':
        setTimeout(() => send(200), 100);
        return;
      case '/hang':
        return; // never answers
      default:
        return send(404);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const closed = createServer();
  await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((done) => closed.close(() => done()));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

beforeEach(() => {
  hits.clear();
  maxInFlight = 0;
});

function byUrl(results: LinkResult[]) {
  return new Map(results.map((result) => [result.url.replace(base, ''), result]));
}

describe('checkLinks', () => {
  it('classifies every kind of answer, quickly', async () => {
    const paths = ['/ok', '/moved', '/chain', '/gone', '/error', '/flaky', '/hang', '/no-head', '/loop'];
    const unreachable = `http://127.0.0.1:${closedPort}/`;
    const started = performance.now();
    const results = await checkLinks([...paths.map((path) => base + path), unreachable], { ...FAST, concurrency: 10 });
    const elapsed = performance.now() - started;
    const result = byUrl(results);

    expect(results.map((r) => r.url)).toEqual([...paths.map((path) => base + path), unreachable]);

    expect(result.get('/ok')).toMatchObject({ status: 'OK', codes: [200], finalUrl: `${base}/ok`, requests: 1 });
    expect(hitCount('HEAD', '/ok')).toBeGreaterThanOrEqual(1);

    expect(result.get('/moved')).toMatchObject({ status: 'REDIRECTED', codes: [301, 200], finalUrl: `${base}/ok` });
    expect(result.get('/moved')?.detail).toBe(`→ ${base}/ok (301 → 200)`);
    expect(result.get('/chain')).toMatchObject({ status: 'REDIRECTED', codes: [302, 301, 200], finalUrl: `${base}/ok` });

    expect(result.get('/gone')).toMatchObject({ status: 'BROKEN', codes: [404], requests: 1 });
    expect(result.get('/gone')?.detail).toBe('404 Not Found');

    // 500 is retried once (as a GET), then reported.
    expect(result.get('/error')).toMatchObject({ status: 'BROKEN', codes: [500], requests: 2 });
    expect(result.get('/error')?.detail).toBe('500 Internal Server Error — 2 essais');
    expect(hitCount('HEAD', '/error') + hitCount('GET', '/error')).toBe(2);

    // 503 once, then 200: the retry makes it OK.
    expect(result.get('/flaky')).toMatchObject({ status: 'OK', codes: [200], requests: 2 });

    // HEAD refused with 405: the GET answers.
    expect(result.get('/no-head')).toMatchObject({ status: 'OK', codes: [200], requests: 2 });
    expect(hitCount('HEAD', '/no-head')).toBe(1);
    expect(hitCount('GET', '/no-head')).toBe(1);

    // Never answers: HEAD times out, the retry (a GET) too.
    expect(result.get('/hang')).toMatchObject({ status: 'UNREACHABLE', codes: [], requests: 2 });
    expect(result.get('/hang')?.detail).toBe('pas de réponse en 300 ms (délai dépassé) — 2 essais');
    expect(result.get('/hang')?.ms).toBeGreaterThanOrEqual(2 * 300 - 20);

    expect(result.get('/loop')).toMatchObject({ status: 'BROKEN', codes: [302] });
    expect(result.get('/loop')?.detail).toContain('boucle de redirections');

    expect(result.get(unreachable)).toMatchObject({ status: 'UNREACHABLE', codes: [], requests: 2 });
    expect(result.get(unreachable)?.detail).toContain('connexion refusée (ECONNREFUSED)');

    expect([...userAgents]).toEqual([expect.stringMatching(/^je-soutiens-link-checker\//)]);
    // Everything in parallel: about the time of the hanging link, not the sum.
    expect(elapsed).toBeLessThan(3000);
  });

  it('never has more links in flight than the bound', async () => {
    const urls = Array.from({ length: 12 }, (_, i) => `${base}/slow?n=${i}`);
    const started = performance.now();
    const results = await checkLinks(urls, { ...FAST, concurrency: 3 });
    const elapsed = performance.now() - started;

    expect(results.every((r) => r.status === 'OK')).toBe(true);
    expect(hitCount('HEAD', '/slow')).toBe(12);
    expect(maxInFlight).toBe(3);
    // 12 links of 100 ms, 3 at a time: 4 rounds.
    expect(elapsed).toBeGreaterThanOrEqual(4 * 100 - 20);
    expect(elapsed).toBeLessThan(3000);
  });

  it('checks a URL given twice only once, and keeps the input order', async () => {
    const results = await checkLinks([`${base}/gone`, `${base}/ok`, `${base}/gone`], FAST);
    expect(results.map((r) => [r.url, r.status])).toEqual([
      [`${base}/gone`, 'BROKEN'],
      [`${base}/ok`, 'OK'],
    ]);
    expect(hitCount('HEAD', '/gone')).toBe(1);
  });

});

describe('npm run check:links', () => {
  let folder = '';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'check-links-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** Runs the command without blocking the event loop (the test server lives in this process). */
  function run(args: string[]) {
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, SITE_URL: '' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
  }

  it('asks for a build when there is none', async () => {
    const { code, stderr } = await run([join(folder, 'nothing-here')]);
    expect(code).toBe(2);
    expect(stderr).toContain('index.html n’existe pas. Lancez d’abord « npm run build ».');
  });

  it('prints the table, problems first, and fails on a broken link', async () => {
    await writeFile(
      join(folder, 'index.html'),
      `<main><a href="#cartes">Cartes</a><a href="/about/">À propos</a>
        <h3><a href="${base}/ok">Carte OK</a></h3>
        <p><a href="${base}/moved">déménagé</a> et <a href="${base}/gone?a=1&amp;b=2">disparu</a></p>
        <h3><a href="http://127.0.0.1:${closedPort}/">Carte fermée</a></h3>
        <p class="cta"><a href="${base}/ok">Faire un don</a></p></main>`,
    );
    const started = performance.now();
    const { code, stdout } = await run([folder, '--timeout', '300', '--concurrency', '2']);
    const elapsed = performance.now() - started;

    expect(code).toBe(1);
    const rows = stdout.split('\n').filter((line) => /^(OK|REDIRECTED|BROKEN|UNREACHABLE) /.test(line));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(new RegExp(`^BROKEN +${base}/gone\\?a=1&b=2 +404 Not Found +Carte OK › disparu$`));
    expect(rows[1]).toMatch(/^UNREACHABLE +http:\/\/127\.0\.0\.1:\d+\/ +connexion refusée \(ECONNREFUSED\) — 2 essais +Carte fermée$/);
    expect(rows[2]).toMatch(new RegExp(`^REDIRECTED +${base}/moved +→ ${base}/ok \\(301 → 200\\) +Carte OK › déménagé$`));
    expect(rows[3]).toMatch(new RegExp(`^OK +${base}/ok +200 OK +Carte OK ; Carte fermée › Faire un don$`));
    expect(stdout).toMatch(/4 liens sortants vérifiés en [\d,]+ m?s : 1 OK, 1 REDIRECTED, 1 BROKEN, 1 UNREACHABLE\./);
    // The refused connection waits for the 1 s retry delay, nothing else is slow.
    expect(elapsed).toBeLessThan(5000);
  });

  it('exits 0 when every link answers, even redirected', async () => {
    const ok = join(folder, 'ok');
    await mkdir(ok, { recursive: true });
    await writeFile(join(ok, 'index.html'), `<a href="${base}/chain">chaîne</a> <a href="${base}/no-head">sans HEAD</a>`);
    const { code, stdout } = await run([ok]);
    expect(code).toBe(0);
    expect(stdout).toContain('2 liens sortants vérifiés');
    expect(stdout).toContain(': 1 OK, 1 REDIRECTED, 0 BROKEN, 0 UNREACHABLE.');
  });
});
