import { existsSync, readdirSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { setTimeout } from 'node:timers/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { DEFAULT_LANG, LANGS, SITE_WORDS_DIR } from '../i18n.ts';
import { LOGO_BOX } from '../logo-size.ts';
import { siteWordsSchema } from '../site-words.ts';
import { findCategoryProblems } from './category-checks.ts';
import { findDescriptionProblems } from './description.ts';
import { findFileNameProblems, findStoredEntryProblems, type StoredEntry } from './checks.ts';
import { devProblems } from './dev-problems.ts';
import { fieldIssues, organisationErrorMap, type FieldIssue } from './error-map.ts';
import { display, entryIdOf } from './file-names.ts';
import { readFrontmatter } from './frontmatter.ts';
import { findLogoProblem, type LogoMemory } from './logo-check.ts';
import { formatEntryProblems, REPORT_HINT, wordsMessages, type EntryProblem } from './messages.ts';
import { organisationSchema, translationSchema } from './schema.ts';

/** How long a saved file must stay unchanged before the dev server reads it (see the watcher below). */
const SAVE_SETTLE_MS = 100;

/** Where the entries live; tests point it at a fixture folder with `ORGANISATIONS_DIR`. */
const ORGANISATIONS_DIR = process.env['ORGANISATIONS_DIR'] || './src/content/organisations';

interface CheckedLoaderOptions {
  name: string;
  /** The folder, relative to the project. */
  base: string;
  /** Entries are `<language>/<id>.md` in sub-folders (translations), not `<id>.md`; their header is optional. */
  nested?: boolean;
  /** The header as written (a logo is the path the owner wrote). */
  schema: z.ZodType;
  /** Problems of the folder itself (its file names), before any entry is read. */
  folderProblems?: (folder: string, shown: (path: string) => string) => Promise<EntryProblem[]>;
  /** More problems of one header, which replace the schema's about the same field (the logo's file). */
  headerProblems?: (path: string, data: Record<string, unknown>, meta: LoaderContext['meta']) => Promise<FieldIssue[]>;
  /** Checks across the loaded entries (descriptions, duplicates), given the folder. */
  storedProblems: (entries: StoredEntry[], folder: string) => EntryProblem[];
}

/** `en/Blast.md` → `en/blast`: the last part is the entry's id (`file-names.ts`), folders stay as they are. */
const idOf = (path: string) =>
  path
    .split('/')
    .map((part, index, parts) => (index === parts.length - 1 ? entryIdOf(part) : part))
    .join('/');

/**
 * Astro's `glob()` for a folder of Markdown files, wrapped so that every mistake in the folder is reported at
 * once, each with its file, its field and what to do: Astro alone stops at the first invalid entry and its
 * messages are Zod's. The rules are in `checks.ts`, `logo-check.ts` and the schemas, the words in
 * `messages.ts`. Throwing from here stops `astro build`, `astro check` and `astro sync`.
 */
function checkedLoader(options: CheckedLoaderOptions): Loader {
  return {
    name: options.name,
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const folder = resolve(root, options.base);
      const shown = (path: string) => display(path, root);
      const problems: EntryProblem[] = (await options.folderProblems?.(folder, shown)) ?? [];

      const entryFiles = (await listEntryFiles(folder, options.nested ?? false)).filter((file) => !file.split('/').at(-1)?.startsWith('.'));
      const headerIssues = async (path: string, data: Record<string, unknown>) => {
        const parsed = options.schema.safeParse(data, { error: organisationErrorMap });
        const more = (await options.headerProblems?.(path, data, context.meta)) ?? [];
        // Our message replaces the schema's about the same field: it says what to do.
        const issues = parsed.success ? [] : fieldIssues(parsed.error).filter((issue) => !more.some(({ field }) => field === issue.field));
        return [...issues, ...more];
      };

      // Every header is read and checked here, not only the ones Astro re-parses (it skips unchanged
      // files): a YAML mistake would stop Astro at the first broken file, and a logo replaced by a bad
      // one must be caught even when its entry did not change. Broken headers are left out of the glob,
      // so the other files are still checked; entries with problems are kept unparsed (the load fails).
      const brokenFiles: string[] = [];
      const filesWithProblems = new Set<string>();
      await Promise.all(
        entryFiles.map(async (file) => {
          const path = join(folder, file);
          const contents = await readFile(path, 'utf8');
          const frontmatter = options.nested && !contents.trimStart().startsWith('---') ? { data: {} } : readFrontmatter(contents);
          const found =
            'problem' in frontmatter
              ? [{ field: frontmatter.field ?? 'en-tête', message: frontmatter.problem }]
              : await headerIssues(path, frontmatter.data);
          if ('problem' in frontmatter) brokenFiles.push(file);
          if (found.length > 0) filesWithProblems.add(shown(path));
          problems.push(...found.map((issue) => ({ file: shown(path), ...issue })));
        }),
      );

      // After this first load, a file edited under `astro dev` is checked when Astro re-parses it. A broken one
      // leaves the store (the page reloads) and its problems go to the page, which shows them (dev-problems.ts).
      let collecting = true;
      const parseData: LoaderContext['parseData'] = async (props) => {
        const file = shown(resolve(root, props.filePath ?? props.id));
        if (collecting) return filesWithProblems.has(file) ? props.data : context.parseData(props);
        const found = (await headerIssues(resolve(root, file), props.data)).map((issue) => ({ file, ...issue }));
        if (found.length > 0) {
          devProblems().set(file, found);
          context.store.delete(props.id);
          throw new AstroError(formatEntryProblems(found), REPORT_HINT);
        }
        devProblems().delete(file);
        return context.parseData(props);
      };
      // No translation yet: nothing for glob to watch, and its warning would only puzzle the owner.
      if (entryFiles.length === 0) context.store.clear();
      else
        await glob({
          pattern: [
            ...(options.nested ? TRANSLATION_LANGS.map((lang) => `${lang}/*.md`) : ['*.md']),
            ...brokenFiles.map((file) => `!${file}`),
          ],
          base: options.base,
          generateId: ({ entry }) => idOf(entry),
        }).load({ ...context, parseData });
      collecting = false;
      // A header edited into something that is not YAML never reaches parseData (Astro fails to read it first):
      // the same treatment from here, so that the browser shows it too. Fixed, it is re-parsed and cleared above.
      // An editor (or a test) saving a file may empty it first, then write it, with one change event or two: the
      // file is read once it has been still for a moment, and only for the last save of that file.
      const saves = new Map<string, number>();
      context.watcher?.on('change', async (changed) => {
        const file = relative(folder, changed).split('\\').join('/');
        const depth = file.split('/').length;
        if (file.startsWith('..') || !file.endsWith('.md') || depth !== (options.nested ? 2 : 1)) return;
        if (options.nested && !TRANSLATION_LANGS.includes(file.split('/')[0] ?? '')) return;
        const save = (saves.get(changed) ?? 0) + 1;
        saves.set(changed, save);
        await setTimeout(SAVE_SETTLE_MS);
        if (saves.get(changed) !== save) return;
        const frontmatter = readFrontmatter(await readFile(changed, 'utf8').catch(() => ''));
        if (!('problem' in frontmatter)) return;
        devProblems().set(shown(changed), [{ file: shown(changed), field: frontmatter.field ?? 'en-tête', message: frontmatter.problem }]);
        context.store.delete(idOf(file));
      });

      problems.push(...options.storedProblems(context.store.values(), folder));
      if (problems.length > 0) throw new AstroError(formatEntryProblems(problems), REPORT_HINT);
    },
  };
}

/** The Markdown files of a folder (`blast.md`), or of its language sub-folders (`en/blast.md`). */
async function listEntryFiles(folder: string, nested: boolean): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const listing = await readdir(folder, { withFileTypes: true });
  if (!nested) return listing.filter((item) => !item.isDirectory() && item.name.endsWith('.md')).map((item) => item.name);
  const inside = await Promise.all(
    listing
      .filter((item) => item.isDirectory() && TRANSLATION_LANGS.includes(item.name))
      .map(async (item) =>
        (await readdir(join(folder, item.name))).filter((name) => name.endsWith('.md')).map((name) => `${item.name}/${name}`),
      ),
  );
  return inside.flat();
}

/** The other languages of the page: their folders beside the entries hold translations. */
const TRANSLATION_LANGS = LANGS.filter((lang) => lang !== DEFAULT_LANG);
/** A folder named like a language: `de`, `pt-br`. */
const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/;

/**
 * The organisations: `src/content/organisations/<id>.md`, their logos beside them. Also checks the categories
 * file (the schema accepts its ids), so that a mistake there stops the build with the others.
 */
export function organisationsLoader(base: string = ORGANISATIONS_DIR): Loader {
  return checkedLoader({
    name: 'organisations-loader',
    base,
    schema: organisationSchema({ image: () => z.string() }),
    folderProblems: async (folder, shown) => {
      const listing = existsSync(folder) ? await readdir(folder, { withFileTypes: true }) : [];
      const subfoldersWithEntries = [];
      const problems = findCategoryProblems();
      for (const item of listing.filter((entry) => entry.isDirectory() && !TRANSLATION_LANGS.includes(entry.name))) {
        const inside = await readdir(join(folder, item.name), { recursive: true });
        if (!inside.some((name) => /\.md$/i.test(name))) continue;
        // `de/`: translations into a language the page does not have (yet); any other folder: misplaced entries.
        if (LANGUAGE_CODE.test(item.name)) {
          problems.push({
            file: `${shown(folder)}/${item.name}/`,
            field: 'dossier',
            message: wordsMessages.unknownLanguage(item.name, LANGS),
          });
        } else subfoldersWithEntries.push(item.name);
      }
      const fileNames = listing.filter((item) => !item.isDirectory()).map((item) => item.name);
      return [...problems, ...findFileNameProblems(shown(folder), fileNames, subfoldersWithEntries)];
    },
    headerProblems: async (path, data, meta) => {
      const logoProblem = await findLogoProblem(path, data['logo'], logoMemory(meta));
      return logoProblem ? [{ field: 'logo', message: logoProblem }] : [];
    },
    storedProblems: findStoredEntryProblems,
  });
}

export function translationsLoader(base: string = ORGANISATIONS_DIR): Loader {
  return checkedLoader({
    name: 'translations-loader',
    base,
    nested: true,
    schema: translationSchema,
    storedProblems: (entries) => {
      const organisations = new Set(
        readdirSync(base)
          .filter((name) => name.endsWith('.md'))
          .map(entryIdOf),
      );
      return entries.flatMap((entry) => {
        const file = entry.filePath ?? entry.id;
        const id = entry.id.split('/')[1] ?? '';
        const problems = findDescriptionProblems(entry.body ?? '', entry.rendered?.html ?? '').map((message) => ({
          file,
          field: 'description',
          message,
        }));
        if (!organisations.has(id)) problems.push({ file, field: 'nom du fichier', message: wordsMessages.noOrganisation(id) });
        return problems;
      });
    },
  });
}

/** The page's words: `src/content/site/<language>.md` (`site-words.ts`). */
export function siteWordsLoader(): Loader {
  return checkedLoader({
    name: 'site-words-loader',
    base: SITE_WORDS_DIR,
    schema: siteWordsSchema,
    storedProblems: (entries) =>
      entries.flatMap((entry) => {
        const file = entry.filePath ?? entry.id;
        const problems = findDescriptionProblems(entry.body ?? '', entry.rendered?.html ?? '').map((message) => ({
          file,
          field: 'intro',
          message,
        }));
        const unknown = (entry.body ?? '').match(/\{[^{}]*\}/g)?.find((found) => found !== '{count}');
        if (unknown) problems.push({ file, field: 'intro', message: wordsMessages.placeholder('intro', unknown, ['count']) });
        const hasOwner = entry.data['owner'] !== undefined;
        if (entry.id === DEFAULT_LANG && !hasOwner) problems.push({ file, field: 'owner', message: wordsMessages.noOwner });
        if (entry.id !== DEFAULT_LANG && hasOwner)
          problems.push({ file, field: 'owner', message: wordsMessages.ownerElsewhere(`${SITE_WORDS_DIR}/${DEFAULT_LANG}.md`) });
        return problems;
      }),
  });
}

/**
 * A logo that passed is remembered (size, modification time and the box it was checked for) in the
 * collection's meta store, kept between builds: an unchanged logo is not read again, which keeps a
 * rebuild of many organisations fast.
 */
function logoMemory(meta: LoaderContext['meta']): LogoMemory {
  const fingerprint = async (path: string) => {
    const { size, mtimeMs } = await stat(path);
    return `${size}:${mtimeMs}:${LOGO_BOX.width}x${LOGO_BOX.height}`;
  };
  return {
    isKnownGood: async (path) => meta.get(`logo-ok:${path}`) === (await fingerprint(path)),
    remember: async (path) => meta.set(`logo-ok:${path}`, await fingerprint(path)),
  };
}
