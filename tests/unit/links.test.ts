import { describe, expect, it } from 'vitest';
import { checkLinks, describeNetworkError, exitCodeFor, extractLinks, feedLinks, formatReport, type LinkResult } from '../../scripts/lib/links.ts';

/**
 * The pure parts of `npm run check:links` (scripts/lib/links.ts): no server, no network. `checkLinks` against
 * a real local server, and the command itself, are in tests/integration/check-links.test.ts.
 */

describe('checkLinks, with a failing fetch', () => {
  it('names TLS and DNS failures', async () => {
    const failing = (code: string): typeof fetch => async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
    };
    const [tls] = await checkLinks(['https://expired.example/'], { timeoutMs: 300, retryDelayMs: 50, fetchImpl: failing('CERT_HAS_EXPIRED') });
    expect(tls).toMatchObject({ status: 'UNREACHABLE', detail: 'erreur TLS (CERT_HAS_EXPIRED) — 2 essais' });
    expect(describeNetworkError(new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } }), 1000)).toBe(
      'nom de domaine introuvable (DNS ENOTFOUND)',
    );
  });
});

describe('formatReport and exitCodeFor', () => {
  const result = (url: string, status: LinkResult['status'], detail: string): LinkResult => ({
    url,
    status,
    detail,
    codes: [],
    finalUrl: url,
    requests: 1,
    ms: 1,
  });
  const results = [
    result('https://a.example/', 'OK', '200 OK'),
    result('https://b.example/', 'REDIRECTED', '→ https://b.example/new (301 → 200)'),
    result('https://c.example/', 'UNREACHABLE', 'connexion refusée (ECONNREFUSED)'),
    result('https://d.example/', 'BROKEN', '404 Not Found'),
  ];

  it('puts problems first and counts', () => {
    const report = formatReport(results, new Map([['https://d.example/', ['Carte D', 'Carte E › Don']]]), 1234);
    const lines = report.split('\n');
    expect(lines[0]).toMatch(/^ÉTAT\s+LIEN\s+RÉSULTAT\s+OÙ$/);
    expect(lines.slice(2, 6).map((line) => line.split(/\s+/)[0])).toEqual(['BROKEN', 'UNREACHABLE', 'REDIRECTED', 'OK']);
    expect(lines[2]).toMatch(/^BROKEN\s+https:\/\/d\.example\/\s+404 Not Found\s+Carte D ; Carte E › Don$/);
    expect(lines.at(-1)).toBe('4 liens sortants vérifiés en 1,2 s : 1 OK, 1 REDIRECTED, 1 BROKEN, 1 UNREACHABLE.');
  });

  it('fails only on broken or unreachable links', () => {
    expect(exitCodeFor(results)).toBe(1);
    expect(exitCodeFor(results.slice(0, 2))).toBe(0);
    expect(exitCodeFor([])).toBe(0);
  });
});

describe('extractLinks', () => {
  const html = `<!doctype html><html lang="fr"><head>
    <link rel="canonical" href="https://je-soutiens.example/">
    <link rel="icon" href="/favicon.svg">
    <script>const a = '<a href="https://in-a-script.example/">x</a>';</script>
    </head><body>
    <nav><a href="#medias">Médias</a> <a href='/a-propos/'>À propos</a> <a href="https://je-soutiens.example/#top">Haut</a></nav>
    <h2 id="medias">Médias indépendants</h2>
    <!-- <a href="https://commented-out.example/">old</a> -->
    <ul><li class="card">
      <div class="logo-tile"><img src="/_astro/logo.webp" alt=""></div>
      <h3 class="name"><a data-astro-cid-x href="https://fr.ulule.com/societer-usul/">SOCIETER</a></h3>
      <div class="description"><p>Elle prolonge <a title="a > b" href='https://www.youtube.com/playlist?list=PL1&amp;index=2'><em>Mes Chers
        Contemporains</em></a> et <a href=https://unquoted.example/path>ceci</a>.</p></div>
      <p class="cta"><a class="cta" HREF="https://fr.ulule.com/societer-usul/#rewards">Soutenir<span aria-hidden="true">&nbsp;→</span></a></p>
    </li><li class="card">
      <h3 class="name"><a href="https://www.laquadrature.net/">La Quadrature du Net</a></h3>
      <p><a href="mailto:contact@example.org">Écrire</a> <a href="javascript:void(0)">rien</a> <a name="x">ancre</a></p>
      <p class="cta"><a href="https://www.laquadrature.net/donner/"><img src="/heart.svg" alt="Faire un don"></a></p>
    </li></ul></body></html>`;

  it('keeps outbound links once each, with where they appear', () => {
    expect(extractLinks(html)).toEqual([
      { url: 'https://fr.ulule.com/societer-usul/', sources: ['SOCIETER', 'SOCIETER › Soutenir'] },
      {
        url: 'https://www.youtube.com/playlist?list=PL1&index=2',
        sources: ['SOCIETER › Mes Chers Contemporains'],
      },
      { url: 'https://unquoted.example/path', sources: ['SOCIETER › ceci'] },
      { url: 'https://www.laquadrature.net/', sources: ['La Quadrature du Net'] },
      { url: 'https://www.laquadrature.net/donner/', sources: ['La Quadrature du Net › Faire un don'] },
    ]);
  });

  it('leaves the site itself out when told its address', () => {
    const page = '<a href="https://mon-site.example/page">moi</a> <a href="https://ailleurs.example/">autre</a>';
    expect(extractLinks(page).map((l) => l.url)).toEqual(['https://mon-site.example/page', 'https://ailleurs.example/']);
    expect(extractLinks(page, 'https://mon-site.example/').map((l) => l.url)).toEqual(['https://ailleurs.example/']);
  });

  it('knows a site published under a sub-path (BASE_PATH)', () => {
    const page = `<head><link rel=canonical href="https://owner.github.io/je-soutiens/"></head>
      <a href="https://owner.github.io/je-soutiens">accueil</a> <a href="https://owner.github.io/je-soutiens/rss.xml">RSS</a>
      <a href="https://owner.github.io/">mon profil</a> <a href="https://owner.github.io/je-soutiens-bis/">autre projet</a>`;
    const expected = ['https://owner.github.io/', 'https://owner.github.io/je-soutiens-bis/'];
    expect(extractLinks(page).map((l) => l.url)).toEqual(expected);
    expect(extractLinks(page.replace(/<head>.*<\/head>/, ''), 'https://owner.github.io/je-soutiens').map((l) => l.url)).toEqual(expected);
  });
});

describe('feedLinks', () => {
  it('takes the organisations’ feeds from organisations.json, named after their organisation', () => {
    const json = JSON.stringify({ organisations: [{ name: 'A', feed: 'https://a.example/rss' }, { name: 'B', feed: null }] });
    expect(feedLinks(json)).toEqual([{ url: 'https://a.example/rss', sources: ['fil de A'] }]);
  });
});
