import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectReportLine } from '../support/report';
import { createTempProject, type TempProject } from '../support/temp-project';

/**
 * The page's words and categories are content: changing them is an edit of a content file, seen on the built
 * page, and a mistake in them stops the build with the file, the field and the fix, like an organisation's.
 */

const SLOW = 240_000;

describe('the page as content', () => {
  it('shows a heading and a category label changed in content only', { timeout: SLOW }, async () => {
    const project = await createTempProject();
    try {
      await project.edit('src/content/site/fr.md', (text) => text.replace(/^heading: .*$/m, 'heading: Ce que je défends, et pourquoi'));
      await project.edit('src/content/categories.yaml', (text) => text.replace('fr: Libertés numériques', 'fr: Un Internet à nous'));
      await project.edit('src/content/site/en.md', (text) => text.replace(/^heading: .*$/m, 'heading: What I stand for'));
      const result = await project.astro(['build']);
      expect(result.code, result.output).toBe(0);
      const french = await readFile(join(project.dir, 'dist/index.html'), 'utf8');
      expect(french).toMatch(/<h1[^>]*>Ce que je défends, et pourquoi<\/h1>/);
      expect(french).toMatch(/<h2 id="libertes-numeriques"[^>]*>\s*Un Internet à nous\s*<\/h2>/);
      expect(french).toMatch(/<a href="#libertes-numeriques"[^>]*>Un Internet à nous</);
      const english = await readFile(join(project.dir, 'dist/en/index.html'), 'utf8');
      expect(english).toMatch(/<h1[^>]*>What I stand for<\/h1>/);
      // The English label is its own; the French one is not shown there.
      expect(english).toMatch(/<h2 id="libertes-numeriques"[^>]*>\s*Digital freedoms\s*<\/h2>/);
      expect(english).not.toContain('Un Internet à nous');
    } finally {
      await project.remove();
    }
  });
});

interface Case {
  name: string;
  /** Changes to make in a fresh copy of the site. */
  change: (project: TempProject) => Promise<void>;
  /** Each line the report must hold: the file, the field, and words of the message. */
  expected: { file: string; field: string; says: string }[];
}

const CASES: Case[] = [
  {
    name: 'the page’s words: placeholders, owner, locale, markup and invisible characters',
    change: async (project) => {
      await project.edit('src/content/site/fr.md', (text) =>
        text
          .replace(/^heading: .*$/m, 'heading: Mes {combats}')
          .replace(/^ {2}other: .*$/m, '  other: beaucoup d’organisations')
          .replace(/^locale: .*$/m, 'locale: français')
          .replace(/^title: .*$/m, 'title: "Je soutiens\u202e"')
          .replace(/^owner:\n {2}name: .*$/m, '')
          .replace(/que je soutiens\. Chacune/, 'que je soutiens {partout}. <img src=x onerror=alert(1)> Chacune'),
      );
      await project.edit('src/content/site/en.md', (text) => `${text.replace(/^---\n/, '---\nowner:\n  name: Someone\n')}`);
    },
    expected: [
      { file: 'src/content/site/fr.md', field: 'heading', says: '« {combats} », que la page ne sait pas remplacer' },
      { file: 'src/content/site/fr.md', field: 'count.other', says: 'doit contenir « {n} »' },
      { file: 'src/content/site/fr.md', field: 'locale', says: 'n’est pas une langue' },
      { file: 'src/content/site/fr.md', field: 'title', says: 'caractère invisible qui inverse le sens du texte' },
      { file: 'src/content/site/fr.md', field: 'owner', says: 'le propriétaire de la page manque' },
      { file: 'src/content/site/fr.md', field: 'intro', says: '« {partout} »' },
      { file: 'src/content/site/fr.md', field: 'intro', says: 'du HTML (« <img' },
      { file: 'src/content/site/en.md', field: 'owner', says: 'une seule fois, dans src/content/site/fr.md' },
    ],
  },
  {
    name: 'the categories: contrast, colours, ids, languages',
    change: async (project) => {
      await project.edit('src/content/categories.yaml', (text) =>
        text
          .replace("light: '#17705a'", "light: '#9ad0c0'")
          .replace("dark: '#aaa5ff'", 'dark: bleu')
          .replace('    en: Digital freedoms', '    de: Digitale Freiheit')
          .replace('- id: solidarite', '- id: Solidarité'),
      );
    },
    expected: [
      { file: 'src/content/categories.yaml', field: 'Solidarité.accent.light', says: 'contraste 1,60:1, il faut 4,5:1 au moins' },
      { file: 'src/content/categories.yaml', field: 'Solidarité.id', says: 'en minuscules sans accents' },
      { file: 'src/content/categories.yaml', field: 'libertes-numeriques.accent.dark', says: '« bleu » n’est pas une couleur' },
      { file: 'src/content/categories.yaml', field: 'libertes-numeriques.label.de', says: 'n’est pas reconnu' },
      // The entries of the category whose id changed are told it no longer exists.
      { file: 'src/content/organisations/croix-rouge.md', field: 'category', says: 'la catégorie « solidarite » n’existe pas' },
    ],
  },
  {
    name: 'a categories file that is not YAML',
    change: (project) => project.write('src/content/categories.yaml', '- id: medias\n  label: { fr: [\n'),
    expected: [{ file: 'src/content/categories.yaml', field: 'fichier', says: 'le fichier est mal écrit' }],
  },
  {
    name: 'the translations: matching entry, fields and description',
    change: async (project) => {
      await project.write('src/content/organisations/en/inconnu.md', 'An unknown one.\n');
      await project.write(
        'src/content/organisations/en/blast.md',
        '---\nnom: BLAST\nwhy: "**Because**"\n---\n\nA <script>alert(1)</script> outlet.\n',
      );
    },
    expected: [
      { file: 'src/content/organisations/en/inconnu.md', field: 'nom du fichier', says: 'aucune fiche « inconnu.md »' },
      { file: 'src/content/organisations/en/blast.md', field: 'nom', says: 'vouliez-vous écrire « name » ?' },
      { file: 'src/content/organisations/en/blast.md', field: 'why', says: 'en texte simple' },
      { file: 'src/content/organisations/en/blast.md', field: 'description', says: 'du HTML (« <script' },
    ],
  },
  {
    name: 'translations into a language the page does not have',
    change: (project) => project.write('src/content/organisations/de/blast.md', 'Ein Medium.\n'),
    expected: [
      { file: 'src/content/organisations/de/', field: 'dossier', says: 'le dossier « de » n’est pas une langue de la page (fr, en)' },
    ],
  },
];

describe('a mistake in the page’s content stops the build with the file, the field and the fix', () => {
  it.each(CASES)('$name', { timeout: SLOW }, async ({ change, expected }) => {
    const project = await createTempProject();
    try {
      await change(project);
      const result = await project.astro(['sync']);
      expect(result.code, result.output).not.toBe(0);
      for (const { file, field, says } of expected) expectReportLine(result.output, file, field, says);
    } finally {
      await project.remove();
    }
  });
});
