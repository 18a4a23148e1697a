import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/lib/categories';
import { PROJECT_ROOT, proxyEnv, run } from '../support/temp-project';

/**
 * `npm run new` (scripts/new-organisation.ts), run for real with the project's Node against a throw-away folder
 * of entries (`ORGANISATIONS_DIR`) that holds BLAST (name = file name) and La Croix-Rouge (it is not). No network:
 * the organisation's page is read through a proxy nobody listens on (port 9, « discard »), an unreachable site at
 * once. tests/integration/new-from-address.test.ts reads real pages, and builds what the command writes.
 */

let dir = '';

const runNew = (args: string[]) =>
  run(process.execPath, ['scripts/new-organisation.ts', ...args], PROJECT_ROOT, {
    ORGANISATIONS_DIR: dir,
    ...proxyEnv('http://127.0.0.1:9'),
  });
const readEntry = (name: string) => readFile(join(dir, name), 'utf8');

/** Every file of the folder with its contents, to prove a refusal wrote nothing. */
async function snapshot(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) files[name] = (await readFile(join(dir, name))).toString('base64');
  return files;
}

function frontmatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error(`no frontmatter in:\n${text}`);
  return parse(match[1] ?? '') as Record<string, unknown>;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'new-organisation-'));
  for (const file of ['blast.md', 'blast.jpg', 'croix-rouge.md', 'croix-rouge.jpg']) {
    await copyFile(join(PROJECT_ROOT, 'src/content/organisations', file), join(dir, file));
  }
});
afterEach(() => rm(dir, { recursive: true, force: true }));

// Each test starts Node once (~0.5 s, much more on a busy machine).
describe('npm run new', { timeout: 30_000 }, () => {
  it('creates the entry with every field, commented, and a description to replace', async () => {
    const result = await runNew(['Les Amis de la Terre', 'https://www.amisdelaterre.org/', '--category', 'solidarite']);
    expect(result.code, result.stderr).toBe(0);
    const text = await readEntry('les-amis-de-la-terre.md');
    expect(frontmatter(text)).toEqual({
      name: 'Les Amis de la Terre',
      url: 'https://www.amisdelaterre.org/',
      logo: './les-amis-de-la-terre.svg',
      category: 'solidarite',
    });
    // Each field comes after a French comment explaining it.
    for (const field of ['name', 'url', 'logo', 'category']) expect(text, field).toMatch(new RegExp(`^# .+\\n${field}: `, 'm'));
    // Every category is listed, with its label, next to `category`.
    for (const category of CATEGORIES) expect(text).toMatch(new RegExp(`^#\\s+${category.id}\\s+${category.label['fr'] ?? ''}$`, 'm'));
    // The optional fields, commented out, and valid once uncommented.
    const today = new Date();
    const iso = [today.getFullYear(), today.getMonth() + 1, today.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
    const optional = [
      '# cta:',
      '#   label: Faire un don',
      '#   url: https://www.amisdelaterre.org/',
      '# order: 1',
      `# since: ${iso}`,
      '# draft: true',
    ];
    for (const line of optional) expect(text.split('\n')).toContain(line);
    expect(parse(optional.map((line) => line.slice(2)).join('\n'))).toEqual({
      cta: { label: 'Faire un don', url: 'https://www.amisdelaterre.org/' },
      order: 1,
      since: iso,
      draft: true,
    });
    // A real sentence as description, so the build passes until the owner writes theirs.
    const body = text.split(/^---$/m)[2]?.trim();
    expect(body).toBe('Décrivez ici en deux ou trois phrases ce que fait Les Amis de la Terre et pourquoi vous la soutenez.');
    for (const words of ['les-amis-de-la-terre.md', 'npm run dev', 'npm run build']) expect(result.stdout).toContain(words);
  });

  // That the build accepts such a placeholder: the cards built in tests/integration/new-from-address.test.ts.
  it('without options: the first category, and a placeholder SVG of the initials', async () => {
    expect((await runNew(['Les Amis de la Terre', 'https://www.amisdelaterre.org/'])).code).toBe(0);
    expect(frontmatter(await readEntry('les-amis-de-la-terre.md'))['category']).toBe(CATEGORIES[0]?.id);
    expect(await readEntry('les-amis-de-la-terre.svg')).toContain('>AT</text>');
  });

  it.each([
    ['src/content/organisations/framasoft.jpg', 'jpg'],
    ['tests/fixtures/organisations/logo-vectoriel.svg', 'svg'],
  ])('with --logo %s, copies the image and keeps its extension', async (logo, extension) => {
    const result = await runNew(['Œuvre d’Orient', 'https://oeuvre-orient.example.org/', '--logo', logo]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(dir, `oeuvre-d-orient.${extension}`))).toEqual(await readFile(join(PROJECT_ROOT, logo)));
    expect(frontmatter(await readEntry('oeuvre-d-orient.md'))['logo']).toBe(`./oeuvre-d-orient.${extension}`);
    // Only the copy: no placeholder beside it.
    expect((await readdir(dir)).filter((name) => name.startsWith('oeuvre-d-orient.')).sort()).toEqual(
      [`oeuvre-d-orient.${extension}`, 'oeuvre-d-orient.md'].sort(),
    );
  });

  it('quotes a name YAML would misread, and keeps Markdown out of the description', async () => {
    const name = 'Agir : ici & <maintenant> # *tous*';
    expect((await runNew([name, 'https://agir.example.org/'])).code).toBe(0);
    const text = await readEntry('agir-ici-maintenant-tous.md');
    expect(frontmatter(text)['name']).toBe(name);
    const body = text.split(/^---$/m)[2] ?? '';
    expect(body).not.toContain('<maintenant>');
    expect(body).toContain('ici \\& ‹maintenant› # \\*tous\\*');
  });

  it('keeps the file name of a very long name to a safe length, cut at a word (it used to fail with ENAMETOOLONG)', async () => {
    const name = `Association ${'pour la défense des très longues dénominations '.repeat(8)}`.trim();
    const result = await runNew([name, 'https://longue.example.org/']);
    expect(result.code, result.stderr).toBe(0);
    const entry = (await readdir(dir)).find((file) => file.endsWith('.md') && file.startsWith('association-pour'));
    expect(entry).toBe('association-pour-la-defense-des-tres-longues-denominations-pour-la-defense-des.md');
    expect(frontmatter(await readEntry(entry ?? ''))['name']).toBe(name);
  });

  it('prints its usage with --help', async () => {
    const result = await runNew(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('npm run new -- "Nom de l’organisation" https://');
    for (const category of CATEGORIES) expect(result.stdout).toContain(category.id);
  });

  // prettier-ignore
  const refusals: [string, string[], RegExp][] = [
    ['an existing file', ['Blast', 'https://autre.example.org/'], /blast\.md existe déjà/],
    ['an existing file, in another case', ['blâst', 'https://autre.example.org/'], /blast\.md existe déjà/],
    ['the same name in another case, with accents and spaces', ['la  CROÎX-rouge', 'https://autre.example.org/'],
      /croix-rouge\.md décrit déjà cette organisation : son nom « La Croix-Rouge »/],
    ['the same URL without www. and trailing slash', ['Autre', 'https://blast-info.fr'],
      /blast\.md décrit déjà cette organisation : son adresse/],
    ['the same URL with another case and a fragment', ['Autre', 'http://WWW.Blast-Info.fr/#soutenir'],
      /blast\.md décrit déjà cette organisation : son adresse/],
    ['a javascript: URL', ['Autre', 'javascript:alert(1)'], /« javascript:alert\(1\) » n’est pas une adresse web/],
    ['an ftp: URL', ['Autre', 'ftp://x.org'], /« ftp:\/\/x\.org » n’est pas une adresse web/],
    ['a bare domain', ['Autre', 'exemple.org'], /écrivez « https:\/\/exemple\.org »/],
    ['a host without a dot', ['Autre', 'http://localhost/'], /n’est pas une adresse web/],
    ['an unknown category', ['Autre', 'https://autre.example.org/', '--category', 'Solidarité'],
      /la catégorie « Solidarité » n’existe pas\. Vouliez-vous écrire « solidarite » \? Valeurs possibles : medias-independants, solidarite/],
    ['a missing name and URL', [], /il manque le nom/],
    ['a missing URL', ['Autre'], /il manque l’adresse/],
    ['a name in several arguments', ['Les', 'Amis', 'https://autre.example.org/'], /mettez le nom entre guillemets/],
    ['an unknown option', ['Autre', 'https://autre.example.org/', '--categorie', 'solidarite'], /option inconnue « --categorie »/],
    ['a missing logo file', ['Autre', 'https://autre.example.org/', '--logo', 'introuvable.png'], /introuvable\.png » est introuvable/],
    ['a logo that is not an image', ['Autre', 'https://autre.example.org/', '--logo', 'package.json'], /PNG, JPEG, WebP/],
    ['an address with user info', ['Autre', 'https://www.blast-info.fr@evil.example/'], /contient « …@ » avant le nom du site/],
    ['an address with a space, which the build would refuse', ['Autre', 'https://autre.example.org/a b'], /contient une espace \(« url »\)/],
    ['a logo too small to stay sharp', ['Autre', 'https://autre.example.org/', '--logo', 'tests/fixtures/logo-100-px.png'],
      /fait 100×100 px : trop petit/],
  ];

  it.each(refusals)('refuses %s, with exit code 1 and nothing written', async (_, args, message) => {
    const before = await snapshot();
    const result = await runNew(args);
    expect(result.code, result.stdout).toBe(1);
    expect(result.stderr).toMatch(/^Rien n’a été créé : /);
    expect(result.stderr).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });
});
