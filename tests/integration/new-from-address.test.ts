import { readdir, readFile } from 'node:fs/promises';
import type { RequestListener } from 'node:http';
import { join } from 'node:path';
import { lookup } from 'mrmime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../support/servers';
import { createTempProject, PROJECT_ROOT, proxyEnv, run, type CommandResult, type TempProject } from '../support/temp-project';

/**
 * `npm run new -- https://…` against fixture sites, with no network: a loopback server plays the web, reached
 * through `HTTP_PROXY` exactly as a user behind a proxy would (the addresses are `http://www.<site>.test/`).
 * Every command runs in one copy of the site; one build at the end publishes every card it wrote.
 */

const SLOW = 180_000;
/** Short, so that the site that never answers costs little. */
const TIMEOUT_MS = 1500;

const SITES = join(PROJECT_ROOT, 'tests/fixtures/sites');

const send =
  (type: string, body: string | Buffer): RequestListener =>
  (_, response) => {
    response.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    response.end(body);
  };

const redirect =
  (location: string, status = 301): RequestListener =>
  (_, response) => {
    response.writeHead(status, { location }).end();
  };

/**
 * The answers that are not a file of tests/fixtures/sites/<host>/ (a folder's index.html, typed by its extension). Each
 * site's logo there has its own colours: a logo of the same bytes as another site's would be published once, under one name.
 */
const ROUTES: Record<string, RequestListener> = {
  'www.og-image.test/favicon.ico': send('image/x-icon', Buffer.from('pas une image')),
  'www.redirige.test/': redirect('/etape-1'),
  'www.redirige.test/etape-1': redirect('http://www.redirige.test/arrivee/', 302),
  'www.lent.test/': () => {},
  'www.pdf.test/': send('application/pdf', Buffer.from('%PDF-1.4 une plaquette')),
  // 20 MB announced and sent, far beyond the limit: the download stops early.
  'www.gros-logo.test/enorme.png': send('image/png', Buffer.alloc(20_000_000)),
  // Older French sites: ISO-8859-1 declared by the server, windows-1252 declared only in the page.
  'www.latin1.test/': send(
    'text/html; charset=ISO-8859-1',
    Buffer.from(
      '<html><head><meta property="og:site_name" content="Médecins du Monde"><meta name="description" content="Soigner les populations les plus vulnérables, ici et là-bas."></head></html>',
      'latin1',
    ),
  ),
  'www.cp1252.test/': send(
    'text/html',
    Buffer.from(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>L\x92\x8cuvre des Écoles</title></head></html>',
      'latin1',
    ),
  ),
};

/** The commands, by the name the tests give them: the owner's arguments to `npm run new --`. */
const COMMANDS = {
  svg: ['http://www.svg-asso.test/'],
  manifest: ['http://www.manifeste.test/', '--category', 'libertes-numeriques'],
  favicon: ['http://www.favicon.test/'],
  ogImage: ['http://www.og-image.test/'],
  redirect: ['http://www.redirige.test/'],
  notFound: ['http://www.introuvable.test/'],
  timeout: ['http://www.lent.test/'],
  notHtml: ['http://www.pdf.test/'],
  hugeLogo: ['http://www.gros-logo.test/'],
  trappedSvg: ['http://www.svg-piege.test/'],
  ownName: ['Mon Nom à Moi', 'http://www.manifeste.test/autre-page'],
  latin1: ['http://www.latin1.test/'],
  cp1252: ['http://www.cp1252.test/'],
  hostileDescription: ['http://www.diese.test/'],
  tildes: ['http://www.tildes.test/'],
  emoji: ['http://www.emoji.test/'],
  separators: ['http://www.separateurs.test/'],
};

let close = () => {};
let project: TempProject;
const results = new Map<string, CommandResult & { ms: number }>();

beforeAll(async () => {
  // As a proxy, the server receives absolute addresses (`GET http://www.svg-asso.test/ HTTP/1.1`).
  const server = await serve(async (request, response) => {
    const { host, pathname } = new URL(request.url ?? '/', `http://${request.headers.host}`);
    const file = join(SITES, host, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    const body = await readFile(file).catch(() => undefined);
    const handler = ROUTES[host + pathname] ?? (body && send(lookup(file) ?? 'application/octet-stream', body));
    if (handler) return handler(request, response);
    response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Introuvable</h1>');
  });
  close = server.close;

  project = await createTempProject({ also: ['scripts'] });
  for (const [key, args] of Object.entries(COMMANDS)) {
    const started = performance.now();
    const env = { ...proxyEnv(server.origin), ORGANISATIONS_DIR: '', NEW_FETCH_TIMEOUT_MS: String(TIMEOUT_MS) };
    const result = await run('npm', ['run', '--silent', 'new', '--', ...args], project.dir, env);
    results.set(key, { ...result, ms: performance.now() - started });
  }
}, SLOW);

afterAll(async () => {
  close();
  await project?.remove();
});

/** What a command printed, once it is known to have succeeded. */
function succeeded(key: keyof typeof COMMANDS): string {
  const { code, output } = results.get(key) ?? { code: null, output: 'not run' };
  expect(code, output).toBe(0);
  return output;
}

const entryOf = (slug: string) => readFile(join(project.organisations, `${slug}.md`), 'utf8');
const filesOf = async (slug: string) => (await readdir(project.organisations)).filter((name) => name.startsWith(`${slug}.`)).sort();

describe('npm run new -- <address>: what it takes from the page', () => {
  it('a site with an SVG logo: its name, a description to rewrite, the SVG itself, in under 10 s', async () => {
    const output = succeeded('svg');
    expect(results.get('svg')?.ms).toBeLessThan(10_000);
    expect(output).toContain('Nom : Association SVG (og:site_name)');
    expect(output).toContain('Logo choisi : http://www.svg-asso.test/logo.svg (icône SVG)');
    expect(await filesOf('association-svg')).toEqual(['association-svg.md', 'association-svg.svg']);
    expect(await readFile(join(project.organisations, 'association-svg.svg'))).toEqual(
      await readFile(join(SITES, 'www.svg-asso.test/logo.svg')),
    );
    const entry = await entryOf('association-svg');
    expect(entry).toContain('name: Association SVG');
    expect(entry).toContain('# La description sous l’en-tête vient du site de l’organisation (og:description) :');
    // The page's text is Markdown-safe: no emphasis, no tag.
    expect(entry).toContain('Une association qui dessine en vecteurs : \\*net\\* à toutes les tailles, ‹vraiment›.');
  });

  it('a site with only a manifest: its 512 px icon', async () => {
    const output = succeeded('manifest');
    expect(output).toContain('Nom : Le Manifeste (<title>)');
    expect(output).toMatch(/Logo choisi : http:\/\/www\.manifeste\.test\/icone-512\.png \(icône du manifeste \(512 px\)\) : 512×512 px/);
    expect(await filesOf('le-manifeste')).toEqual(['le-manifeste.md', 'le-manifeste.png']);
  });

  it('a site with only a 32 px favicon: the placeholder is kept, and the reason printed', async () => {
    const output = succeeded('favicon');
    expect(output).toMatch(/écarté : http:\/\/www\.favicon\.test\/favicon-32\.png \(icône \(32 px\)\) : .*fait 32×32 px : trop petit/);
    expect(output).toContain('À faire à la main : aucun logo du site ne convient');
    expect(output).toContain('Logo provisoire : ');
    expect(await entryOf('petite-icone')).toContain('Un logo provisoire (les initiales) a été dessiné');
  });

  it('a site whose social image is the only large image: that image, as a last resort', async () => {
    const output = succeeded('ogImage');
    expect(output).toMatch(/écarté : http:\/\/www\.og-image\.test\/favicon\.ico \(icône\) : ce n’est pas une image lisible/);
    expect(output).toContain('Logo choisi : http://www.og-image.test/partage.jpg (image de partage (og:image)) : 1200×630 px');
    expect(await filesOf('image-de-partage')).toEqual(['image-de-partage.jpg', 'image-de-partage.md']);
  });

  it('a chain of redirects is followed, and addresses read from where it ends', async () => {
    expect(succeeded('redirect')).toContain('Logo choisi : http://www.redirige.test/arrivee/logo.svg');
    expect(await entryOf('au-bout-des-redirections')).toContain('url: http://www.redirige.test/');
  });

  it.each([
    ['notFound', 'Introuvable', 'http://www.introuvable.test/ répond 404 (page introuvable)'],
    ['timeout', 'Lent', `http://www.lent.test/ n’a pas répondu en ${TIMEOUT_MS / 1000} s`],
    ['notHtml', 'Pdf', 'http://www.pdf.test/ n’est pas une page web (application/pdf)'],
  ] as const)('%s: a working entry with the placeholder logo, and one sentence saying what to do', async (key, name, why) => {
    const output = succeeded(key);
    expect(output).toContain(`À faire à la main : la page n’a pas pu être lue (${why}) : la fiche est créée avec un logo provisoire.`);
    expect(output).toContain(`Nom : ${name} (tiré de l’adresse`);
    const slug = name.toLowerCase();
    expect(await filesOf(slug)).toEqual([`${slug}.md`, `${slug}.svg`]);
  });

  it('a 20 MB « logo » is refused by the size limit, not downloaded whole', async () => {
    expect(succeeded('hugeLogo')).toMatch(/écarté : http:\/\/www\.gros-logo\.test\/enorme\.png .* dépasse 5 Mo/);
    expect(await filesOf('gros-logo')).toEqual(['gros-logo.md', 'gros-logo.svg']);
  });

  it('an SVG with a script is refused by the project’s SVG rules; the next candidate is taken', async () => {
    const output = succeeded('trappedSvg');
    expect(output).toMatch(/écarté : http:\/\/www\.svg-piege\.test\/logo\.svg \(icône SVG\) : .*il contient un script/);
    expect(output).toContain('Logo choisi : http://www.svg-piege.test/apple-512.png');
    expect(await filesOf('svg-piege')).toEqual(['svg-piege.md', 'svg-piege.png']);
  });

  it('the owner’s name wins over the page’s', async () => {
    succeeded('ownName');
    expect(await entryOf('mon-nom-a-moi')).toContain('name: Mon Nom à Moi');
  });
});

describe('npm run new -- <address>: odd pages give entries the build accepts', () => {
  it.each([
    ['latin1', 'medecins-du-monde', ['name: Médecins du Monde', 'Soigner les populations les plus vulnérables, ici et là-bas.']],
    ['cp1252', 'l-oeuvre-des-ecoles', ['name: L’Œuvre des Écoles']],
  ] as const)('%s: the page is read in the encoding it declares', async (key, slug, words) => {
    succeeded(key);
    const entry = await entryOf(slug);
    for (const text of words) expect(entry).toContain(text);
    expect(entry).not.toContain('\ufffd');
  });

  it('a description that starts with # or holds addresses the build refuses: escaped, those addresses left out, and said', async () => {
    const output = succeeded('hostileDescription');
    expect(output).toContain('retiré de la description : « https://www.diese.test@evil.example/ »');
    expect(output).toContain('retiré de la description : « www.lеmediatv.fr »');
    expect(await entryOf('diese')).toContain('\\# Rejoignez-nous ! Écrivez à … ou lisez …, et https://www.diese.test/agir.');
  });

  it('a description that would open a code fence, or write a character reference: escaped, shown as text', async () => {
    succeeded('tildes');
    expect(await entryOf('les-tildes')).toContain('\\~~~ Éducation populaire \\&copy; pour toutes et tous');
  });

  it.each([
    ['emoji', '🌍🌱', 'Emoji'],
    ['separators', '— | —', 'Separateurs'],
  ] as const)('%s: a page name with no letter gives way to the host’s, and says so', async (key, pageName, name) => {
    expect(succeeded(key)).toContain(`Nom : ${name} (tiré de l’adresse : celui de la page, « ${pageName} »`);
    expect(await entryOf(name.toLowerCase())).toContain(`name: ${name}`);
  });
});

describe('what was written, built', () => {
  let html = '';

  beforeAll(async () => {
    const build = await project.astro(['build']);
    expect(build.code, build.output).toBe(0);
    html = await readFile(join(project.dir, 'dist/index.html'), 'utf8');
  }, SLOW);

  it.each([
    ['association-svg', 'Association SVG', /<img src="\/_astro\/association-svg\.[^"]+\.svg"/],
    ['le-manifeste', 'Le Manifeste', /<source srcset="\/_astro\/le-manifeste\.[^"]+\.avif/],
    ['image-de-partage', 'Image de Partage', /<source srcset="\/_astro\/image-de-partage\.[^"]+\.avif/],
    ['svg-piege', 'SVG Piégé', /<source srcset="\/_astro\/svg-piege\.[^"]+\.avif/],
    ['petite-icone', 'Petite Icône', /<img src="\/_astro\/petite-icone\.[^"]+\.svg"/],
    ['introuvable', 'Introuvable', /<img src="\/_astro\/introuvable\.[^"]+\.svg"/],
    ['medecins-du-monde', 'Médecins du Monde', /<img src="\/_astro\/medecins-du-monde\.[^"]+\.svg"/],
    ['diese', 'Dièse', /<img src="\/_astro\/diese\.[^"]+\.svg"/],
    ['emoji', 'Emoji', /<img src="\/_astro\/emoji\.[^"]+\.svg"/],
    ['les-tildes', 'Les Tildes', /<img src="\/_astro\/les-tildes\.[^"]+\.svg"/],
  ])('%s: the card is on the page, with its logo optimized like the others', (id, name, logo) => {
    const card = html.slice(html.indexOf(`id="${id}"`), html.indexOf('</li>', html.indexOf(`id="${id}"`)));
    expect(card, `no card ${id}`).toContain(`>${name}</a>`);
    expect(card).toMatch(logo);
    // Without a description on its page, the entry's sentence to replace, as written.
    if (id === 'introuvable') expect(card).toContain('Décrivez ici en deux ou trois phrases ce que fait Introuvable');
    // As text: no code block, no « © » the page did not write.
    if (id === 'les-tildes') expect(card).toMatch(/<p>~~~ Éducation populaire &amp;copy/);
  });
});
