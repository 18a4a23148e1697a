import { existsSync, readdirSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { setTimeout } from 'node:timers/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { CATEGORY_IDS } from '../categories.ts';
import { DEFAULT_LANG, LANGS, SITE_WORDS_DIR } from '../i18n.ts';
import { LOGO_BOX } from '../logo-size.ts';
import { siteWordsSchema } from '../site-words.ts';
import { placeholders } from '../templates.ts';
import { findCategoryProblems } from './category-checks.ts';
import { descriptionProblems, findFileNameProblems, findStoredEntryProblems, type StoredEntry } from './checks.ts';
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
  /** The header names a logo file beside the entry (`logo-check.ts`). */
  hasLogo?: boolean;
  /** Checks across the loaded entries (descriptions, duplicates). */
  storedProblems: (entries: StoredEntry[]) => EntryProblem[];
}

/** `en/Blast.md` → `en/blast`: the last part is the entry's id (`file-names.ts`), folders stay as they are. */
const idOf = (path: string) => path.replace(/[^/]+$/, entryIdOf);

/**
 * A loader for a folder of Markdown files that reports every mistake in the folder at once, each with its file,
 * its field and what to do (Astro's `glob()` stops at the first invalid entry, with Zod's words). Each file is read
 * once, with `yaml` (`frontmatter.ts`), checked, then validated by the collection's schema and rendered by Astro.
 * The rules are in `checks.ts`, `logo-check.ts` and the schemas, the words in `messages.ts`. Throwing from here
 * stops `astro build`, `astro check` and `astro sync`.
 */
function checkedLoader(options: CheckedLoaderOptions): Loader {
  return {
    name: options.name,
    load: async (context) => {
      const { store } = context;
      const root = fileURLToPath(context.config.root);
      const folder = resolve(root, options.base);
      const shown = (path: string) => display(path, root);
      /** `blast.md`, or `en/blast.md` (a translation, in the folder of one of the page's other languages); never hidden. */
      const isEntryFile = (file: string) => {
        const parts = file.split('/');
        const name = parts.at(-1) ?? '';
        const place = options.nested ? parts.length === 2 && TRANSLATION_LANGS.includes(parts[0] ?? '') : parts.length === 1;
        return place && name.endsWith('.md') && !name.startsWith('.');
      };

      /**
       * Reads, checks and stores one file, and returns its problems. An entry with problems is stored as written
       * on the first load, so that the checks across entries see it too (the load then fails); an entry broken
       * under `astro dev` leaves the store instead, and the page shows its problems (`dev-problems.ts`).
       */
      const loadFile = async (file: string, firstLoad: boolean): Promise<EntryProblem[]> => {
        const path = join(folder, file);
        const id = idOf(file);
        const contents = await readFile(path, 'utf8');
        const header =
          options.nested && !contents.trimStart().startsWith('---') ? { data: {}, body: contents.trim() } : readFrontmatter(contents);
        if ('problem' in header) {
          store.delete(id);
          return [{ file: shown(path), field: header.field ?? 'en-tête', message: header.problem }];
        }
        // The collection's schema runs once on a good entry; on a bad one, ours says what is wrong in the owner's
        // words. The logo's own check replaces the schema's message about it: it says what to do.
        const logoProblem = options.hasLogo ? await findLogoProblem(path, header.data['logo'], logoMemory(context.meta)) : undefined;
        // An entry unchanged since the last load (the categories too: the schema accepts their ids) is not parsed
        // or rendered again. It is stored again as it was, so that Astro lists its logo among the images to import
        // (kept as they were, it would keep the list of the last site built in this folder).
        const digest = context.generateDigest(`${contents}\n${CATEGORY_IDS.join()}`);
        const stored = store.get(id);
        if (logoProblem === undefined && stored?.digest === digest) {
          store.delete(id);
          store.set(stored);
          return [];
        }
        let parsed: Record<string, unknown> | undefined;
        let problems: FieldIssue[] = [];
        if (logoProblem !== undefined) {
          problems = [...schemaIssues(header.data).filter((issue) => issue.field !== 'logo'), { field: 'logo', message: logoProblem }];
        } else {
          try {
            parsed = await context.parseData({ id, data: header.data, filePath: path });
          } catch (error) {
            problems = schemaIssues(header.data);
            // Refused by Astro for a reason our schema does not know: Astro's own error.
            if (problems.length === 0) throw error;
          }
        }
        if (problems.length > 0 && !firstLoad) {
          store.delete(id);
          return problems.map((issue) => ({ file: shown(path), ...issue }));
        }
        // An empty header first: `renderMarkdown` strips one itself, and must not take a description opening
        // with a `---` rule for a header.
        const rendered = await context.renderMarkdown(`---\n---\n${header.body}`, { fileURL: pathToFileURL(path) });
        // Relative to the project even outside it (`../`), as Astro's store requires.
        const filePath = relative(root, path).split(sep).join('/');
        // An entry stored with its problems gets no digest: it is read again next time.
        store.set({ id, data: parsed ?? header.data, body: header.body, filePath, rendered, ...(parsed ? { digest } : {}) });
        return problems.map((issue) => ({ file: shown(path), ...issue }));
      };
      const schemaIssues = (data: Record<string, unknown>): FieldIssue[] => {
        const result = options.schema.safeParse(data, { error: organisationErrorMap });
        return result.success ? [] : fieldIssues(result.error);
      };

      const problems: EntryProblem[] = (await options.folderProblems?.(folder, shown)) ?? [];
      const listing = existsSync(folder) ? await readdir(folder, { recursive: true, withFileTypes: true }) : [];
      const files = listing
        .filter((item) => !item.isDirectory())
        .map((item) => relative(folder, join(item.parentPath, item.name)).split(sep).join('/'))
        .filter(isEntryFile);
      const ids = new Set(files.map(idOf));
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      for (const found of await Promise.all(files.map((file) => loadFile(file, true)))) problems.push(...found);
      // Under `astro dev`, an edited file is loaded again. An editor saving a file may empty it first, then write
      // it, with one change event or two: the file is read once it has been still for a moment, and only for the
      // last save of that file.
      const saves = new Map<string, number>();
      const reload = async (changed: string) => {
        const file = relative(folder, changed).split(sep).join('/');
        if (!isEntryFile(file)) return;
        const save = (saves.get(changed) ?? 0) + 1;
        saves.set(changed, save);
        await setTimeout(SAVE_SETTLE_MS);
        if (saves.get(changed) !== save) return;
        if (!existsSync(changed)) {
          store.delete(idOf(file));
          devProblems().delete(shown(changed));
          return;
        }
        const found = await loadFile(file, false);
        if (found.length > 0) devProblems().set(shown(changed), found);
        else devProblems().delete(shown(changed));
      };
      context.watcher?.add(folder);
      for (const event of ['add', 'change', 'unlink']) context.watcher?.on(event, reload);

      problems.push(...options.storedProblems(store.values()));
      if (problems.length > 0) throw new AstroError(formatEntryProblems(problems), REPORT_HINT);
    },
  };
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
    hasLogo: true,
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
        const problems = descriptionProblems(entry);
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
        const problems = descriptionProblems(entry, 'intro');
        const unknown = placeholders(entry.body ?? '').find((found) => found !== '{count}');
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
