import { describe, expect, it } from 'vitest';
import { cleanTitle, manifestCandidates, readOrganisationPage } from '../../scripts/lib/organisation-page';

const PAGE = 'https://www.exemple-asso.test/accueil/';

describe('readOrganisationPage: what a home page declares', () => {
  it('takes the name from og:site_name, then application-name, then a cleaned <title>', () => {
    const nameOf = (html: string) => readOrganisationPage(html, PAGE).name;
    const all =
      '<meta property="og:site_name" content="Enercoop"><meta name="application-name" content="App"><title>Accueil | Enercoop</title>';
    expect(nameOf(all)).toEqual({ value: 'Enercoop', source: 'og:site_name' });
    expect(nameOf('<meta name="application-name" content="App"><title>X</title>')).toEqual({ value: 'App', source: 'application-name' });
    expect(nameOf('<title>Enercoop – Fournisseur d’électricité verte</title>')).toEqual({ value: 'Enercoop', source: '<title>' });
    expect(nameOf('<p>rien</p>')).toBeUndefined();
  });

  it('takes the description from og:description, else <meta name="description">, entities decoded', () => {
    const meta = '<meta name="description" content="Une &amp; deux">';
    expect(readOrganisationPage(`${meta}<meta property="og:description" content="Réseau">`, PAGE).description).toEqual({
      value: 'Réseau',
      source: 'og:description',
    });
    expect(readOrganisationPage(meta, PAGE).description?.value).toBe('Une & deux');
  });

  it('lists logo candidates best first: SVG, larger rasters, JSON-LD logo, social image; addresses resolved', () => {
    const page = readOrganisationPage(
      `<base href="/site/">
       <link rel="icon" href="favicon-32.png" sizes="32x32">
       <link rel="apple-touch-icon" href="/apple.png">
       <link rel="icon" type="image/svg+xml" href="logo.svg">
       <link rel="manifest" href="/manifest.json">
       <meta property="og:image" content="https://cdn.exemple.test/og.jpg">
       <script type="application/ld+json">{"@context":"https://schema.org","@type":"NGO","logo":{"@type":"ImageObject","url":"/logo-jsonld.png"}}</script>
       <link rel="icon" href="javascript:alert(1)">`,
      PAGE,
    );
    expect(page.manifest).toBe('https://www.exemple-asso.test/manifest.json');
    expect(page.candidates.map((candidate) => [candidate.url, candidate.source])).toEqual([
      ['https://www.exemple-asso.test/site/logo.svg', 'icône SVG'],
      ['https://www.exemple-asso.test/apple.png', 'apple-touch-icon (180 px)'],
      ['https://www.exemple-asso.test/site/favicon-32.png', 'icône (32 px)'],
      ['https://www.exemple-asso.test/logo-jsonld.png', 'logo des données structurées (JSON-LD)'],
      ['https://cdn.exemple.test/og.jpg', 'image de partage (og:image)'],
    ]);
  });

  it('reads a manifest’s icons, leaving out maskable-only ones and broken JSON', () => {
    const icons = manifestCandidates(
      JSON.stringify({
        icons: [
          { src: 'i-192.png', sizes: '192x192' },
          { src: 'i-512.png', sizes: '512x512', purpose: 'maskable' },
          { src: 'i.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      }),
      'https://www.exemple-asso.test/m/manifest.json',
    );
    expect(icons.map((icon) => icon.url)).toEqual(['https://www.exemple-asso.test/m/i-192.png', 'https://www.exemple-asso.test/m/i.svg']);
    expect(manifestCandidates('{ pas du json', PAGE)).toEqual([]);
  });

  it('keeps a title whole when its first part is too short to be a name', () => {
    expect(cleanTitle('  X - Le site  ')).toBe('X - Le site');
  });
});
