import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort, serve } from '../support/servers';
import { PROJECT_ROOT, proxyEnv, run as runCommand } from '../support/temp-project';

/**
 * `npm run check:links` (linkinator, and what scripts/check-links.ts adds to it) against a local server only:
 * the tests never reach the internet. The pure parts of scripts/lib/links.ts are unit-tested in tests/unit/links.test.ts.
 */

let close = () => {};
let base = '';
let folder = '';
/** A port nobody listens on: connections are refused. */
let closedPort = 0;
const hits = new Map<string, number>();
const userAgents = new Set<string>();
const hitCount = (method: string, path: string) => hits.get(`${method} ${path}`) ?? 0;

beforeAll(async () => {
  const server = await serve((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    hits.set(`${req.method} ${pathname}`, hitCount(req.method ?? '', pathname) + 1);
    userAgents.add(req.headers['user-agent'] ?? '');
    const send = (status: number, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain', ...headers });
      res.end(req.method === 'HEAD' ? undefined : `${status}\n`);
    };
    const routes: Record<string, () => void> = {
      '/ok': () => send(200),
      '/moved': () => send(301, { location: '/ok' }),
      '/chain': () => send(302, { location: `${base}/moved` }),
      '/loop': () => send(302, { location: '/loop' }),
      '/error': () => send(500),
      // 503 to the HEAD and to its GET, then 200: only a retry sees it OK.
      '/flaky': () => send(hitCount('HEAD', '/flaky') + hitCount('GET', '/flaky') <= 2 ? 503 : 200),
      '/no-head': () => send(req.method === 'HEAD' ? 405 : 200),
      '/hang': () => {}, // never answers
    };
    (routes[pathname] ?? (() => send(404)))();
  });
  close = server.close;
  base = server.origin;
  closedPort = await freePort();
  folder = await mkdtemp(join(tmpdir(), 'check-links-test-'));
});

afterAll(async () => {
  close();
  await rm(folder, { recursive: true, force: true });
});

beforeEach(() => hits.clear());

// No proxy: linkinator would send even its loopback requests through one.
const run = (args: string[]) =>
  runCommand(process.execPath, ['scripts/check-links.ts', ...args], PROJECT_ROOT, { ...proxyEnv(''), SITE_URL: '' });

describe('npm run check:links', () => {
  it('asks for a build when there is none, refuses a wrong option, explains itself', async () => {
    const none = await run([join(folder, 'nothing-here')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('index.html n’existe pas. Lancez d’abord « npm run build ».');
    const wrong = await run([folder, '--timeout', 'vite']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--timeout attend un nombre entier ≥ 1, pas « vite ».');
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Code de sortie : 0 si tous les liens répondent');
  });

  it('lists the problems first, names the card of each link, and fails on a broken one', async () => {
    // A site published under /site/ (its canonical URL says so): its own links are /site/…, held at /… in the folder.
    await writeFile(
      join(folder, 'index.html'),
      `<head><link rel="canonical" href="https://je-soutiens.invalid/site/"></head><main>
        <a href="#cartes">Cartes</a> <a href="/site/about/">À propos</a> <img src="/site/logo.svg" alt="">
        <a href="${base}/own/page">moi</a> <a href="mailto:moi@example.org">écrire</a>
        <ul><li class="card"><h3 class="name"><a href="${base}/ok">Carte OK</a></h3>
          <div class="description"><p><a href="${base}/moved">déménagé</a>, <a href="${base}/gone?a=1&amp;b=2">disparu</a>,
            <a href="${base}/flaky#haut">instable</a></p></div>
        </li><li class="card"><h3 class="name"><a href="http://127.0.0.1:${closedPort}/">Carte fermée</a></h3>
          <div class="description"><p><a href="${base}/hang">muet</a>, <a href="${base}/error">en panne</a>, <a href="${base}/loop">en boucle</a></p></div>
          <p class="cta"><a href="${base}/ok">Faire un don <span aria-hidden="true">→</span></a></p>
        </li></ul></main>`,
    );
    await writeFile(join(folder, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const organisations = [
      { name: 'Carte OK', feed: `${base}/feed` },
      { name: 'Carte fermée', feed: null },
    ];
    await writeFile(join(folder, 'organisations.json'), JSON.stringify({ organisations }));
    const started = performance.now();
    const { code, stdout } = await run([folder, '--timeout', '300', '--site', `${base}/own/`]);
    const elapsed = performance.now() - started;

    expect(code).toBe(1);
    const lines = stdout.split('\n').filter((line) => /^(REDIRECTED|BROKEN|UNREACHABLE) /.test(line));
    const line = (verdict: string, url: string, detail: string, where: string) => `${verdict.padEnd(11)}  ${url} : ${detail} — ${where}`;
    // Problems first, in the order they were found within each verdict.
    const [card, description, tried] = ['Carte fermée (lien de la carte)', 'Carte fermée (lien de la description)', '(2 essais)'];
    expect(lines.slice(0, 4).toSorted()).toEqual(
      [
        line('BROKEN', '/about/', '404 Not Found', '« À propos » (index.html)'),
        line('BROKEN', `${base}/error`, `500 Internal Server Error ${tried}`, description),
        line('BROKEN', `${base}/feed`, '404 Not Found', 'Carte OK (fil)'),
        line('BROKEN', `${base}/gone?a=1&b=2`, '404 Not Found', 'Carte OK (lien de la description)'),
      ].toSorted(),
    );
    expect(lines.slice(4, 7).toSorted()).toEqual(
      [
        line('UNREACHABLE', `${base}/hang`, `pas de réponse dans le délai (délai dépassé) ${tried}`, description),
        line('UNREACHABLE', `${base}/loop`, `trop de redirections (une boucle ?) ${tried}`, description),
        line('UNREACHABLE', `http://127.0.0.1:${closedPort}/`, `connexion refusée (ECONNREFUSED) ${tried}`, card),
      ].toSorted(),
    );
    expect(lines.slice(7)).toEqual([line('REDIRECTED', `${base}/moved`, `→ ${base}/ok`, 'Carte OK (lien de la description)')]);
    // /ok (card link and call to action), /flaky (503 to the HEAD and its GET, 200 to the retry), index.html, logo.svg.
    expect(stdout).toMatch(/\n\n12 liens vérifiés en [\d,]+\ss : 4 OK, 1 REDIRECTED, 4 BROKEN, 3 UNREACHABLE\.\n/);
    expect(hitCount('HEAD', '/flaky') + hitCount('GET', '/flaky')).toBe(3);
    // The site's own addresses are never visited; every request says who is asking.
    expect(hitCount('GET', '/own/page') + hitCount('HEAD', '/own/page')).toBe(0);
    expect([...userAgents]).toEqual([expect.stringMatching(/^je-soutiens-link-checker\//)]);
    // The retries wait 2 to 3 s, in parallel; nothing else is slow.
    expect(elapsed).toBeLessThan(10_000);
  });

  it('exits 0 when every link answers, even redirected, and asks with GET when HEAD is refused', async () => {
    const ok = join(folder, 'ok');
    await mkdir(ok, { recursive: true });
    await writeFile(join(ok, 'index.html'), `<a href="${base}/chain">chaîne</a> <a href="${base}/no-head">sans HEAD</a>`);
    const { code, stdout } = await run([ok]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/3 liens vérifiés en [\d,]+\ss : 2 OK, 1 REDIRECTED, 0 BROKEN, 0 UNREACHABLE\./);
    expect(stdout).toContain(`REDIRECTED   ${base}/chain : → ${base}/ok — « chaîne » (index.html)`);
    // 405 to the HEAD, then one GET, which answers.
    expect([hitCount('HEAD', '/no-head'), hitCount('GET', '/no-head')]).toEqual([1, 1]);
  });
});
