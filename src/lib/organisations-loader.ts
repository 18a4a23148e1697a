import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import sharp from 'sharp';
import {
  findEntryProblems,
  findFileNameProblems,
  findUnsafeDescription,
  formatEntryProblems,
  type EntryProblem,
  type StoredEntry,
} from './entry-checks';
import { readFrontmatter } from './frontmatter';
import { isLogoTooSmall, LOGO_BOX, minimumLogoSize } from './logo-size';

/** Where the entries live; tests point it at a fixture folder with `ORGANISATIONS_DIR`. */
export const DEFAULT_ORGANISATIONS_DIR = './src/content/organisations';

const LOGO_FORMATS = new Set(['png', 'jpeg', 'webp', 'avif', 'gif', 'svg', 'tiff']);
/** `image()` stores the logo's path with this prefix until the build resolves it. */
const IMAGE_PREFIX = '__ASTRO_IMAGE_';
const HINT =
  'Corrigez chaque fichier cité, puis relancez la commande. Le guide « Ajouter une organisation » du README explique chaque champ.';

/**
 * Astro's `glob()` loader for `<slug>.md`, wrapped so that every mistake in the folder is reported
 * at once, each with its file, its field and what to do: Astro alone stops at the first invalid entry,
 * does not name the entry of a missing logo, and keeps one of two files with the same id silently.
 * Throwing from here stops `astro build`, `astro check` and `astro sync`.
 */
export function organisationsLoader(base: string = process.env['ORGANISATIONS_DIR'] ?? DEFAULT_ORGANISATIONS_DIR): Loader {
  return {
    name: 'organisations-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const folder = resolve(root, base);
      const display = (path: string) => relative(root, path).split('\\').join('/');
      const problems: EntryProblem[] = [];

      const fileNames = existsSync(folder) ? await readdir(folder) : [];
      problems.push(...findFileNameProblems(display(folder), fileNames));
      // A YAML mistake would stop Astro at the first broken file: read every header first,
      // report the broken ones and leave them out, so the other files are still checked.
      const brokenFiles: string[] = [];
      for (const fileName of fileNames.filter((name) => name.endsWith('.md'))) {
        const path = join(folder, fileName);
        const frontmatter = readFrontmatter(await readFile(path, 'utf8'));
        if ('problem' in frontmatter) {
          brokenFiles.push(fileName);
          problems.push({ file: display(path), field: 'en-tête', message: frontmatter.problem });
        }
      }
      const markdownFiles = glob({ pattern: ['*.md', ...brokenFiles.map((name) => `!${name}`)], base });

      // Collect schema errors per file instead of stopping at the first one.
      let collecting = true;
      const parseData: LoaderContext['parseData'] = async (props) => {
        try {
          return await context.parseData(props);
        } catch (error) {
          const file = display(props.filePath ?? props.id);
          const found = schemaProblems(file, error);
          if (!collecting) throw new AstroError(formatEntryProblems(found), HINT);
          problems.push(...found);
          return props.data;
        }
      };
      await markdownFiles.load({ ...context, parseData });
      collecting = false;

      const entries: StoredEntry[] = context.store.values();
      // All logos at once (sharp reads them on its own threads); a logo already found good and
      // unchanged since is not read again, which keeps a rebuild of many organisations fast.
      const logoProblems = await Promise.all(
        entries.map((entry) => checkLogo(resolve(root, entry.filePath ?? entry.id), entry.data['logo'], context.meta)),
      );
      for (const [index, entry] of entries.entries()) {
        const file = entry.filePath ?? entry.id;
        const logoProblem = logoProblems[index];
        if (logoProblem) {
          // Our message replaces the schema's own about the logo (« Required »): it says what to do.
          const reported = problems.find((problem) => problem.file === file && problem.field === 'logo');
          if (reported) reported.message = logoProblem;
          else problems.push({ file, field: 'logo', message: logoProblem });
        }
        const rendered = (entry as StoredEntry & { rendered?: { html?: string } }).rendered?.html ?? '';
        for (const message of findUnsafeDescription(entry.body ?? '', rendered)) {
          problems.push({ file, field: 'description', message });
        }
      }
      problems.push(...findEntryProblems(entries));

      if (problems.length > 0) throw new AstroError(formatEntryProblems(problems), HINT);
    },
  };
}

/** The problems Astro's schema validation found, one per field, from its error message. */
function schemaProblems(file: string, error: unknown): EntryProblem[] {
  const message = error instanceof Error ? error.message : String(error);
  const fieldLines = [...message.matchAll(/^\s*\*\*([^*\n]*)\*\*: (.*)$/gm)];
  if (fieldLines.length === 0) return [{ file, field: 'en-tête', message: message.replaceAll('**', '') }];
  return fieldLines.map(([, path, text = '']) => {
    // An unknown field is reported on its parent object: name the field itself.
    const unknownField = /le champ « ([^»]+) » n’est pas reconnu/.exec(text)?.[1];
    return { file, field: unknownField ?? (path || 'en-tête'), message: text };
  });
}

/**
 * What a logo that passed the checks looked like: its size and modification time, and the box the
 * minimum size was computed for. A logo that still matches is not read again on the next build.
 */
async function logoFingerprint(path: string): Promise<string> {
  const { size, mtimeMs } = await stat(path);
  return `${size}:${mtimeMs}:${LOGO_BOX.width}x${LOGO_BOX.height}`;
}

/**
 * Why an entry's logo cannot be used, or undefined. `value` is the frontmatter's `logo`; `memory`
 * (the collection's meta store, kept between builds) remembers the logos that passed.
 */
async function checkLogo(entryPath: string, value: unknown, memory: LoaderContext['meta']): Promise<string | undefined> {
  if (typeof value !== 'string' || value.trim() === '' || value === IMAGE_PREFIX) {
    return 'le champ manque : ajoutez « logo: ./nom-du-fichier.png » avec le nom du fichier image posé à côté de la fiche.';
  }
  const written = value.startsWith(IMAGE_PREFIX) ? value.slice(IMAGE_PREFIX.length) : value;
  if (/^[a-z]+:\/\//i.test(written)) {
    return `« ${written} » est une adresse web : téléchargez le logo et posez le fichier à côté de la fiche, puis écrivez « logo: ./nom-du-fichier.png ».`;
  }
  const path = resolve(dirname(entryPath), written);
  if (!existsSync(path)) {
    const folder = dirname(entryPath);
    const images = (await readdir(folder)).filter((name) => /\.(png|jpe?g|webp|avif|gif|svg|tiff?)$/i.test(name));
    return `le fichier « ${written} » est introuvable à côté de la fiche. Vérifiez son nom et son extension${images.length ? ` (images présentes dans le dossier : ${images.join(', ')})` : ''}.`;
  }
  const memoryKey = `logo-ok:${path}`;
  const fingerprint = await logoFingerprint(path);
  if (memory.get(memoryKey) === fingerprint) return undefined;
  try {
    const { format, width, height } = await sharp(path).metadata();
    if (!format || !LOGO_FORMATS.has(format) || !width || !height) throw new Error(`format ${format ?? 'inconnu'}`);
    if (format !== 'svg' && isLogoTooSmall({ width, height })) {
      const minimum = minimumLogoSize({ width, height });
      return `le logo « ${written} » fait ${width}×${height} px : trop petit pour rester net sur les écrans haute densité. Il faut au moins ${minimum.width}×${minimum.height} px pour cette forme (le logo s’affiche jusqu’à 224×96 px, à doubler pour les écrans Retina). Utilisez une image plus grande, ou un SVG.`;
    }
    memory.set(memoryKey, fingerprint);
    return undefined;
  } catch {
    return `le fichier « ${written} » n’est pas une image lisible (PNG, JPEG, WebP, AVIF ou SVG). Réenregistrez-le depuis un logiciel d’image, ou téléchargez le logo à nouveau.`;
  }
}
