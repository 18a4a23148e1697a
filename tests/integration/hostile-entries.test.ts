import { cp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectReportLine } from '../support/report';
import { buildInProcess, createTempProject, PROJECT_ROOT, type CommandResult, type TempProject } from '../support/temp-project';

/**
 * Entries written as an attacker would, or as an unlucky owner does: tests/fixtures/hostile/cas-<n>.md and their logos,
 * and a few files made here that a repository cannot hold. All of them sit in one copy of the site and are reported by
 * one `astro sync` (every problem at once, as the owner sees them); then the entries of tests/fixtures/hostile-but-safe,
 * which only look hostile, are built and the page checked. The schema's own messages are unit-tested (tests/unit/schema.test.ts).
 */

const SLOW = 180_000;
const HOSTILE = join(PROJECT_ROOT, 'tests/fixtures/hostile');
const ACCEPTED = join(PROJECT_ROOT, 'tests/fixtures/hostile-but-safe');

// The file the report names (in the organisations folder), what is tried, the field, and the words of the report.
// prettier-ignore
const REFUSED: [file: string, attack: string, field: string, says: string | RegExp][] = [
  // 0. The owner's everyday mistakes that only the pipeline sees (duplicates and empty descriptions: tests/unit/entry-checks.test.ts).
  ['cas-60.md', 'a header that is not valid YAML', 'en-tête', /l’en-tête est mal écrit \(vers la ligne \d+\).*guillemets/],
  ['cas-61.md', 'a logo path that points to no file', 'logo', /le fichier « \.\/introuvable\.png » est introuvable.*logo-valide\.png/],
  ['cas-62.md', 'a logo that is not an image', 'logo', 'n’est pas une image lisible'],
  ['cas-63.md', 'a logo too small to look sharp', 'logo', /fait 200×50 px : trop petit.*au moins 448×112 px/],
  ['cas-64.md', 'a logo given as a web address', 'logo', 'est une adresse web : téléchargez le logo'],
  ['cas-65.md', 'no logo field at all', 'logo', 'le champ manque : ajoutez « logo: ./nom-du-fichier.png »'],
  ['cas-66.md', 'two files for one id (Cas-66.md beside cas-66.md)', 'nom du fichier',
    'ce fichier et src/content/organisations/Cas-66.md donnent la même fiche « cas-66 »'],
  ['notes.MD', 'an entry Astro would skip because of its extension', 'nom du fichier', 'Renommez-le en notes.md'],

  // 1. SVG logos: anything beyond a static drawing.
  ['cas-01.md', 'an SVG logo with a script', 'logo', 'un script (<script>)'],
  ['cas-02.md', 'an SVG logo with an event handler', 'logo', 'un attribut d’événement « onload »'],
  ['cas-03.md', 'an SVG logo with HTML inside (foreignObject)', 'logo', 'du HTML (<foreignObject>)'],
  ['cas-04.md', 'an SVG logo with a javascript: link', 'logo', 'un lien javascript:'],
  ['cas-05.md', 'an SVG logo that loads a remote image (a tracker)', 'logo', 'une référence externe « https://tracker.example/p.gif »'],
  ['cas-06.md', 'an SVG logo that imports a remote stylesheet', 'logo', 'une feuille de style qui en importe une autre (@import)'],
  ['cas-07.md', 'an SVG logo with a remote font', 'logo', 'une référence externe « url(https://fonts.example/f.woff2) »'],
  ['cas-08.md', 'an SVG logo using a remote sprite', 'logo', 'une référence externe « https://cdn.example/sprite.svg#logo »'],
  ['cas-09.md', 'an SVG logo with XInclude (reads a file beside it)', 'logo', 'une inclusion XInclude'],
  ['cas-10.md', 'an SVG logo with XML entities', 'logo', 'une déclaration <!DOCTYPE> ou <!ENTITY>'],
  ['cas-11.md', 'an SVG logo whose animation turns a link into javascript:', 'logo', 'une animation qui change « href »'],
  ['cas-12.md', 'an SVG logo with an external XML stylesheet', 'logo', 'une feuille de style externe (<?xml-stylesheet?>)'],
  ['cas-13.md', 'an SVG logo painting with a remote resource', 'logo', 'une référence externe « url(https://evil.example/p.svg#g) »'],
  ['cas-14.md', 'a PNG named .svg', 'logo', 'est en réalité une image PNG, pas ce qu’annonce son extension : renommez-le « cas-14.png »'],
  ['cas-15.md', 'an SVG named .png', 'logo', 'est en réalité une image SVG, pas ce qu’annonce son extension : renommez-le « cas-15.svg »'],
  ['cas-16.md', 'a valid SVG with a namespace prefix', 'logo', 'un élément racine « svg:svg » au lieu de « svg »'],
  ['cas-17.md', 'an SVG logo with a javascript: xlink', 'logo', 'un lien javascript:'],

  // 2. Descriptions: checked as rendered, whatever spans lines.
  ['cas-18.md', 'a meta refresh split over two lines', 'description',
    'du HTML (« <meta… ») est écrit dans la description, ligne 3 du texte'],
  ['cas-19.md', 'an iframe', 'description', 'du HTML (« <iframe… »)'],
  ['cas-20.md', 'a form', 'description', 'du HTML (« <form… »)'],
  ['cas-21.md', 'a Markdown image from a tracker', 'description', 'une image est insérée dans la description, ligne 1 du texte'],
  ['cas-22.md', 'an img tag with an event handler', 'description', 'du HTML (« <img… »)'],
  ['cas-23.md', 'a script', 'description', 'du HTML (« <script… »)'],
  ['cas-24.md', 'an HTML comment', 'description', 'du HTML (« <!--… »)'],
  ['cas-25.md', 'inline styles in raw HTML', 'description', 'du HTML (« <span… »)'],
  ['cas-26.md', 'a javascript: link', 'description', 'le lien « javascript:alert(1) » n’est pas une adresse web'],
  ['cas-27.md', 'a data: link', 'description', /le lien « data:text\/html[^»]* » n’est pas une adresse web/],
  ['cas-28.md', 'a heading that breaks the page outline', 'description', 'la description contient un titre'],
  ['cas-29.md', 'a description link with user info', 'description', 'contient « …@ » avant son site'],

  // 3. Links that lie.
  ['cas-30.md', 'an address with user info', 'url', '« https://www.lemediatv.fr@evil.example/ » contient « …@ » avant le nom du site'],
  ['cas-31.md', 'a call to action with user info', 'cta.url', 'contient « …@ » avant le nom du site (« cta.url »)'],
  ['cas-32.md', 'a host with one Cyrillic letter (homograph of Le Média)', 'url',
    'le nom de site « lеmediatv » (« url ») mélange des alphabets'],
  ['cas-33-b.md', 'a host written entirely in lookalike letters of an existing entry’s host', 'url',
    '« https://www.рор.example/ » est déjà utilisé par src/content/organisations/cas-33-a.md'],
  ['cas-34.md', 'a name reversed by a bidi control', 'name',
    '« name » contient un caractère invisible qui inverse le sens du texte (U+202E)'],
  ['cas-35.md', 'a call-to-action label with a bidi isolate', 'cta.label', '(U+2067)'],

  // 4. Images that are not what they seem.
  ['cas-36.md', 'an animated GIF (its frames would be stacked into one tall image)', 'logo',
    'est animé (3 images) : un logo de carte est une image fixe'],
  ['cas-37.md', 'a PNG that claims 30000×30000 pixels (a decompression bomb)', 'logo',
    'fait 30000×30000 px : trop grand (plus de 268 millions de pixels)'],
  ['cas-38.md', 'a logo path leaving the folder', 'logo', '« ../../../package.json » n’est pas dans le dossier de la fiche'],
  ['cas-39.md', 'an absolute logo path', 'logo', '« /etc/hostname » n’est pas dans le dossier de la fiche'],
  ['cas-40.md', 'a logo that is a symbolic link out of the folder', 'logo', '« ./cas-40.png » n’est pas dans le dossier de la fiche'],

  // 5. Cheap denial of service.
  ['cas-41.md', 'a YAML alias bomb (« billion laughs »)', 'en-tête', 'l’en-tête répète trop de valeurs par des alias YAML'],

  // 6. Dates and files that used to pass silently.
  ['cas-42.md', 'a date that does not exist', 'since', '« 2024-02-30 » n’est pas une date qui existe (« since »)'],
  ['cas-43.md', 'a support starting in the future', 'since', '« 2099-01 » est dans le futur (« since »)'],
  ['cas-44.md', 'a support starting before the organisation could exist', 'since', '« 1789-07 » est avant 1900 (« since »)'],
  ['archives/', 'an entry hidden in a sub-folder', 'dossier', 'ce dossier contient des fiches qui ne sont pas lues'],
  ['.cas-46.md', 'a hidden entry file', 'nom du fichier',
    'ce fichier est ignoré parce que son nom commence par un point (fichier caché) : renommez-le cas-46.md'],

  // 7. The last holes: what still reached the page, the exports or a stack trace.
  ['cas-48.md', 'an SVG logo of 3 MB of paths (published as is, above the 100 kB budget)', 'logo',
    /pèse 3(,\d)? Mo : un SVG est publié tel quel, et un logo doit peser 100 Ko au plus/],
  ['cas-49.md', 'an address with a space (encoded by the URL parser, invalid in the JSON-LD)', 'url',
    '« https://exemple.org/ with space » contient une espace (« url »)'],
  ['cas-50.md', 'a call to action with a space in its address', 'cta.url', 'contient une espace (« cta.url »)'],
  ['cas-51.md', 'a YAML tag that Astro’s YAML reader stops on with a stack trace', 'name', 'étiquette YAML « !!js/function »'],
  ['cas-52.md', 'a custom YAML tag in a nested field', 'cta.label', 'étiquette YAML « !don »'],

  // 8. A bad value of the support's story reaches the owner with its file (each value's message: tests/unit/schema.test.ts).
  ['cas-55.md', 'a support that ends in the future', 'until', '« 2099-12 » est dans le futur (« until »)'],
];

let project: TempProject;
let sync: CommandResult;

beforeAll(async () => {
  project = await createTempProject();
  const folder = project.organisations;
  await cp(HOSTILE, folder, { recursive: true });
  // The files a repository cannot hold, or should not: a 3 MB drawing, a PNG that lies about its size, a link, a clash of case.
  const paths = '<path d="M0 0l7 3-4 6z" fill="#3366aa"/>'.repeat(75_000); // 3 MB of small triangles, as an unoptimised export holds
  await writeFile(
    join(folder, 'cas-48.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200" viewBox="0 0 600 200">${paths}</svg>`,
  );
  // A 1×1 PNG whose header says 30000×30000 (IHDR from byte 8: length, type, width, height, …, then its CRC).
  const bomb = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer();
  bomb.writeUInt32BE(30_000, 16);
  bomb.writeUInt32BE(30_000, 20);
  bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
  await writeFile(join(folder, 'cas-37.png'), bomb);
  await cp(join(HOSTILE, 'logo-valide.png'), join(project.dir, 'ailleurs.png'));
  await symlink(join(project.dir, 'ailleurs.png'), join(folder, 'cas-40.png'));
  await writeFile(join(folder, 'Cas-66.md'), (await readFile(join(HOSTILE, 'cas-66.md'), 'utf8')).replaceAll('66b', '66'));
  const started = Date.now();
  sync = await project.astro(['sync']);
  // Every case at once, the alias bomb and the 30000×30000 PNG included.
  expect(Date.now() - started, 'the hostile entries took too long to refuse').toBeLessThan(30_000);
}, SLOW);
afterAll(() => project.remove());

describe('hostile entries are refused with the file, the field and the fix', () => {
  it('the catalogue holds at least 40 attacks; the sync fails, publishes nothing, and blames no real entry for a homograph', async () => {
    expect(REFUSED.length + (await readdir(ACCEPTED)).filter((name) => name.endsWith('.md')).length).toBeGreaterThanOrEqual(40);
    expect(sync.code, sync.output).not.toBe(0);
    await expect(readdir(join(project.dir, 'dist'))).rejects.toThrow();
    // The homographs of Le Média (cases 30 and 32) do not get the real entry blamed as their duplicate.
    expect(sync.output).not.toContain('src/content/organisations/le-media.md');
  });

  it.each(REFUSED.map(([file, attack, field, says]) => [attack, file, field, says] as const))('%s', (_, file, field, says) => {
    expectReportLine(sync.output, `src/content/organisations/${file}`, field, says);
  });
});

describe('entries that only look hostile build into a safe page', () => {
  let html = '';
  let rss = '';

  beforeAll(async () => {
    for (const name of await readdir(project.organisations)) {
      if (/^\.?cas-/i.test(name) || name === 'archives' || name === 'notes.MD')
        await rm(join(project.organisations, name), { recursive: true });
    }
    await cp(ACCEPTED, project.organisations, { recursive: true });
    const build = await buildInProcess(project.dir);
    expect(build.code, build.output).toBe(0);
    html = await readFile(join(project.dir, 'dist/index.html'), 'utf8');
    rss = await readFile(join(project.dir, 'dist/rss.xml'), 'utf8');
  }, SLOW);

  it('an AVIF logo is accepted and served optimized (it was refused as unreadable)', () => {
    expect(html).toMatch(/<source[^>]+srcset="[^"]*sure-01[^"]*\.avif/);
  });

  it('HTML shown as code stays text, on the page and in the feed', () => {
    expect(html).toContain('<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>');
    expect([...html.matchAll(/<script\b/g)]).toHaveLength(1); // the JSON-LD block only
    expect(rss).not.toMatch(/<script/i);
  });

  it('a safe SVG is published byte for byte, once', async () => {
    const published = html.match(/src="([^"]*sure-03[^"]*\.svg)"/)?.[1] ?? '';
    expect(published).not.toBe('');
    const svgs = (await readdir(join(project.dir, 'dist/_astro'))).filter((name) => name.endsWith('.svg'));
    const file = svgs.find((name) => published.endsWith(name)) ?? '';
    expect(await readFile(join(project.dir, 'dist/_astro', file))).toEqual(await readFile(join(ACCEPTED, 'sure-03.svg')));
    // Not a second copy of the same bytes under another name (the original beside <Image>'s pass-through).
    expect(svgs.filter((name) => name.startsWith('sure-03'))).toEqual([file]);
  });

  it('an SVG declared 5000×5000 is drawn on the social image', async () => {
    const { width, height } = await sharp(join(project.dir, 'dist/og-image.png')).metadata();
    expect({ width, height }).toEqual({ width: 1200, height: 630 });
    expect(html).toMatch(/src="[^"]*sure-05[^"]*\.svg"/);
  });

  it('a name with tags is shown as text, and mailto and in-page links are kept', () => {
    expect(html).toContain('Nom &lt;b&gt;pas du HTML&lt;/b&gt;');
    expect(html).toContain('href="mailto:contact@sure-04.example"');
    expect(html).toMatch(/<time datetime="2021-03"[^>]*>mars 2021<\/time>/);
  });
});
