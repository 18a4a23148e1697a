import { describe, expect, it } from 'vitest';
import { describeFailure, isOwnAddress, readPage, type Sources } from '../../scripts/lib/links.ts';

/**
 * What `npm run check:links` adds to linkinator (scripts/lib/links.ts): no server, no network. The command against a local server, with
 * its report and exit codes (the feeds of organisations.json, timeouts, refused connections), is in tests/integration/check-links.test.ts.
 */

describe('readPage', () => {
  const html = `<!doctype html><html lang="fr"><head>
    <link rel="canonical" href="https://je-soutiens.example/">
    <script>const a = '<li class="card"><a href="https://in-a-script.example/">x</a>';</script>
    </head><body>
    <nav><a href="#medias">Médias</a> <a href="https://ailleurs.example/">hors carte</a></nav>
    <ul class="cards"><li class="card h-card" id="societer">
      <div class="logo-tile"><img src="/_astro/logo.webp" alt=""></div>
      <h3 class="name"><a class="p-name u-url" href="https://fr.ulule.com/societer-usul/">SOCIETER</a></h3>
      <!-- <a href="https://commented-out.example/">old</a> -->
      <div class="description p-note"><p>Elle prolonge <a href='https://www.youtube.com/playlist?list=PL1&amp;index=2#t'><em>Mes Chers
        Contemporains</em></a>.</p><ul><li><a href=https://unquoted.example/path>ceci</a></li></ul></div>
      <p class="cta"><a HREF="https://fr.ulule.com/societer-usul/#rewards">Soutenir<span aria-hidden="true">&nbsp;→</span></a></p>
    </li><li class="card">
      <h3 class="name"><a href="https://www.laquadrature.net/">La&nbsp;Quadrature
        du Net</a></h3>
      <p><a href="mailto:contact@example.org">Écrire</a> <a href="/a-propos/">À propos</a></p>
    </li></ul></body></html>`;

  it('names the card and the part of the card that holds each link, and reads the canonical address', () => {
    const sources: Sources = new Map();
    expect(readPage(html, sources)).toBe('https://je-soutiens.example/');
    expect(readPage('<p>rien</p>', new Map())).toBeUndefined();
    expect(sources).toEqual(
      new Map([
        ['https://fr.ulule.com/societer-usul/', ['SOCIETER (lien de la carte)', 'SOCIETER (appel à l’action)']],
        ['https://www.youtube.com/playlist?list=PL1&index=2', ['SOCIETER (lien de la description)']],
        ['https://unquoted.example/path', ['SOCIETER (lien de la description)']],
        ['https://www.laquadrature.net/', ['La Quadrature du Net (lien de la carte)']],
      ]),
    );
  });
});

describe('isOwnAddress', () => {
  it('knows the site and everything under it, at its root or under a sub-path (BASE_PATH)', () => {
    expect(isOwnAddress('https://mon-site.example/page', ['https://mon-site.example/'])).toBe(true);
    expect(isOwnAddress('https://ailleurs.example/', ['https://mon-site.example/'])).toBe(false);
    const own = (url: string) => isOwnAddress(url, ['https://owner.github.io/je-soutiens']);
    expect([own('https://owner.github.io/je-soutiens'), own('https://owner.github.io/je-soutiens/rss.xml?x=1')]).toEqual([true, true]);
    expect([own('https://owner.github.io/'), own('https://owner.github.io/je-soutiens-bis/')]).toEqual([false, false]);
  });
});

describe('describeFailure', () => {
  it('names TLS and DNS failures in French', () => {
    const failed = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
    expect(describeFailure(failed('CERT_HAS_EXPIRED'))).toBe('erreur TLS (CERT_HAS_EXPIRED)');
    expect(describeFailure(failed('ENOTFOUND'))).toBe('nom de domaine introuvable (ENOTFOUND)');
  });
});
