import { appendFile, copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempProject, type CommandResult, type TempProject } from '../support/temp-project';

/**
 * The owner's mistakes, made on a copy of the real site and run through the real content pipeline
 * (`astro sync`, `astro build`, `astro check`). Each refusal must name the file, the field and the fix.
 */

const SLOW = 180_000;
// Child processes (`project.astro`), not Astro's `sync()`/`build()`: the contract is what the terminal prints, and `astro check` has no programmatic API.

async function edit(project: TempProject, file: string, change: (text: string) => string) {
  const path = join(project.organisations, file);
  await writeFile(path, change(await readFile(path, 'utf8')));
}

/** The report line about one file and field. */
function lineAbout(result: CommandResult, file: string, field: string): string {
  const line = result.output.split('\n').find((text) => text.includes(`src/content/organisations/${file} — champ « ${field} »`));
  expect(line, `no line names ${file} and « ${field} » in:\n${result.output}`).toBeDefined();
  return line ?? '';
}

describe('the shipped entries', () => {
  it(
    'pass the pipeline; a logo replaced after that by a bad one is still caught',
    async () => {
      const project = await createTempProject();
      const result = await project.astro(['sync']);
      expect(result.code, result.output).toBe(0);
      // The loader remembers the logos that passed; one swapped for a too small image must be read again.
      const logo = (await readFile(join(project.organisations, 'blast.md'), 'utf8')).match(/^logo: \.\/(.+)$/m)?.[1] ?? '';
      await sharp({ create: { width: 200, height: 50, channels: 3, background: '#336699' } }).toFile(join(project.organisations, logo));
      const again = await project.astro(['sync']);
      await project.remove();
      expect(again.code, again.output).not.toBe(0);
      expect(lineAbout(again, 'blast.md', 'logo')).toContain('200×50 px');
    },
    SLOW,
  );
});

describe('mistakes in the fields, all reported by one `astro sync`', () => {
  let project: TempProject;
  let result: CommandResult;

  beforeAll(async () => {
    project = await createTempProject();
    await edit(project, 'blast.md', (text) => text.replace(/^name:.*\n/m, ''));
    await edit(project, 'la-quadrature-du-net.md', (text) => text.replace(/^name:.*$/m, 'name: ""'));
    await edit(project, 'spark.md', (text) => text.replace(/^url:.*$/m, 'url: javascript:alert(1)'));
    await edit(project, 'croix-rouge.md', (text) => text.replace(/^url:.*$/m, 'url: mailto:contact@croix-rouge.fr'));
    await edit(project, 'fonds-pour-une-presse-libre.md', (text) => text.replace(/^url:.*$/m, 'url: ftp://fondspresselibre.org/'));
    await edit(project, 'framasoft.md', (text) => text.replace(/^url:.*$/m, 'url: fr.wikipedia.org/wiki/Framasoft'));
    await edit(project, 'le-media.md', (text) => text.replace(/^category:.*$/m, 'category: culture'));
    await edit(project, 'backseat.md', (text) => text.replace(/^category:/m, 'categroy:').replace(/^order:.*$/m, 'order: premier'));
    await edit(project, 'societer.md', (text) => text.replace(/^name: SOCIETER$/m, 'name: [SOCIETER'));
    await edit(project, 'handicap-international.md', (text) => text.replace(/\n---\n[\s\S]*$/, '\n---\n\n'));
    result = await project.astro(['sync']);
  }, SLOW);
  afterAll(() => project.remove());

  it('stops with an error exit code', () => {
    expect(result.code).not.toBe(0);
  });

  it('reports every broken file in the same run', () => {
    for (const file of [
      'blast.md',
      'la-quadrature-du-net.md',
      'spark.md',
      'croix-rouge.md',
      'fonds-pour-une-presse-libre.md',
      'framasoft.md',
      'le-media.md',
      'backseat.md',
      'societer.md',
      'handicap-international.md',
    ]) {
      expect(result.output).toContain(`src/content/organisations/${file}`);
    }
  });

  it('a missing name: says it is missing and how to add it', () => {
    expect(lineAbout(result, 'blast.md', 'name')).toMatch(/manque : ajoutez une ligne « name: /);
  });

  it('an empty name', () => {
    expect(lineAbout(result, 'la-quadrature-du-net.md', 'name')).toContain('est vide');
  });

  it.each([
    ['spark.md', 'javascript:alert(1)'],
    ['croix-rouge.md', 'mailto:contact@croix-rouge.fr'],
    ['fonds-pour-une-presse-libre.md', 'ftp://fondspresselibre.org/'],
  ])('a link that is not a web address (%s: %s)', (file, written) => {
    const line = lineAbout(result, file, 'url');
    expect(line).toContain(`« ${written} » n’est pas une adresse web`);
    expect(line).toContain('https://');
  });

  it('a bare domain: shows the address to write', () => {
    expect(lineAbout(result, 'framasoft.md', 'url')).toContain('écrivez « https://fr.wikipedia.org/wiki/Framasoft »');
  });

  it('a category that does not exist: lists the valid ones', () => {
    expect(lineAbout(result, 'le-media.md', 'category')).toContain(
      'la catégorie « culture » n’existe pas. Valeurs possibles : medias-independants, solidarite, libertes-numeriques.',
    );
  });

  it('a misspelled field: names it and suggests the valid one', () => {
    expect(lineAbout(result, 'backseat.md', 'categroy')).toContain(
      'le champ « categroy » n’est pas reconnu : vouliez-vous écrire « category » ?',
    );
  });

  it('a field of the wrong type', () => {
    expect(lineAbout(result, 'backseat.md', 'order')).toContain('« order » doit être un nombre entier');
  });

  it('a YAML syntax error: names the line and what to check', () => {
    expect(lineAbout(result, 'societer.md', 'en-tête')).toMatch(/l’en-tête est mal écrit \(vers la ligne \d+\).*guillemets/);
  });

  it('an empty description', () => {
    expect(lineAbout(result, 'handicap-international.md', 'description')).toContain('la description est vide');
  });
});

describe('mistakes in files, logos and duplicates, all reported by one `astro sync`', () => {
  let project: TempProject;
  let result: CommandResult;

  beforeAll(async () => {
    project = await createTempProject();
    const folder = project.organisations;
    // Two files for one id, and a second entry for an organisation already listed.
    await copyFile(join(folder, 'blast.md'), join(folder, 'Blast.md'));
    await writeFile(
      join(folder, 'lqdn.md'),
      (await readFile(join(folder, 'la-quadrature-du-net.md'), 'utf8'))
        .replace(/^name:.*$/m, 'name: LA QUADRATURE DU NET')
        .replace(/^url:.*$/m, 'url: https://laquadrature.net'),
    );
    // Logos: missing file, not an image, too small, a web address, no logo field.
    await edit(project, 'framasoft.md', (text) => text.replace(/^logo:.*$/m, 'logo: ./framasoft.png'));
    await writeFile(join(folder, 'pas-une-image.png'), 'ceci est du texte');
    await edit(project, 'spark.md', (text) => text.replace(/^logo:.*$/m, 'logo: ./pas-une-image.png'));
    await sharp({ create: { width: 200, height: 50, channels: 3, background: '#336699' } })
      .png()
      .toFile(join(folder, 'minuscule.png'));
    await edit(project, 'backseat.md', (text) => text.replace(/^logo:.*$/m, 'logo: ./minuscule.png'));
    await edit(project, 'societer.md', (text) => text.replace(/^logo:.*$/m, 'logo: https://exemple.org/logo.png'));
    await edit(project, 'le-media.md', (text) => text.replace(/^logo:.*\n/m, ''));
    // Descriptions: raw HTML and a javascript: link.
    await appendFile(join(folder, 'croix-rouge.md'), '\n<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n');
    await appendFile(join(folder, 'handicap-international.md'), '\n[Cliquez ici](javascript:alert(3))\n');
    // A file Astro would silently skip.
    await copyFile(join(folder, 'framasoft.md'), join(folder, 'Notes.MD'));
    result = await project.astro(['sync']);
  }, SLOW);
  afterAll(() => project.remove());

  it('stops with an error exit code', () => {
    expect(result.code).not.toBe(0);
  });

  it('two files with the same id (Blast.md beside blast.md): names both', () => {
    const line = result.output.split('\n').find((text) => text.includes('donnent la même fiche « blast »')) ?? '';
    expect(line).toContain('src/content/organisations/Blast.md');
    expect(line).toContain('src/content/organisations/blast.md');
  });

  it('the same organisation twice: same name and same link, naming the first file', () => {
    expect(lineAbout(result, 'lqdn.md', 'name')).toContain('déjà utilisé par src/content/organisations/la-quadrature-du-net.md');
    expect(lineAbout(result, 'lqdn.md', 'url')).toContain('déjà utilisé par src/content/organisations/la-quadrature-du-net.md');
  });

  it('a logo path that points to no file: names the entry and lists the images present', () => {
    const line = lineAbout(result, 'framasoft.md', 'logo');
    expect(line).toContain('le fichier « ./framasoft.png » est introuvable');
    expect(line).toContain('framasoft.jpg');
  });

  it('a logo that is not a readable image', () => {
    expect(lineAbout(result, 'spark.md', 'logo')).toContain('n’est pas une image lisible');
  });

  it('a logo too small to look sharp: gives its size and the minimum', () => {
    expect(lineAbout(result, 'backseat.md', 'logo')).toContain('fait 200×50 px : trop petit');
    expect(lineAbout(result, 'backseat.md', 'logo')).toContain('au moins 448×112 px');
  });

  it('a logo given as a web address', () => {
    expect(lineAbout(result, 'societer.md', 'logo')).toContain('est une adresse web : téléchargez le logo');
  });

  it('a missing logo field', () => {
    expect(lineAbout(result, 'le-media.md', 'logo')).toContain('manque');
  });

  it('raw HTML in a description is refused (our policy: Markdown only)', () => {
    expect(lineAbout(result, 'croix-rouge.md', 'description')).toContain('du HTML (« <script… »)');
  });

  it('a javascript: link in a description is refused', () => {
    expect(lineAbout(result, 'handicap-international.md', 'description')).toContain('« javascript:alert(3) » n’est pas une adresse web');
  });

  it('a Markdown file Astro would skip because of its extension', () => {
    expect(lineAbout(result, 'Notes.MD', 'nom du fichier')).toContain('Renommez-le en Notes.md');
  });
});

describe('the build and the type check stop too', () => {
  let project: TempProject;

  beforeAll(async () => {
    project = await createTempProject();
    await edit(project, 'blast.md', (text) => text.replace(/^logo:.*$/m, 'logo: ./blast.png'));
  }, SLOW);
  afterAll(() => project.remove());

  it(
    '`astro build` fails naming the entry of a missing logo (Astro alone does not), and writes no page',
    async () => {
      const result = await project.astro(['build']);
      expect(result.code).not.toBe(0);
      expect(lineAbout(result, 'blast.md', 'logo')).toContain('introuvable');
      expect(result.output).not.toContain('Complete!');
    },
    SLOW,
  );

  it(
    '`astro check` fails too',
    async () => {
      const result = await project.astro(['check']);
      expect(result.code).not.toBe(0);
      expect(lineAbout(result, 'blast.md', 'logo')).toContain('introuvable');
    },
    SLOW,
  );
});
