import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { setTimeout } from 'node:timers/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { LOGO_BOX } from '../logo-size.ts';
import { findFileNameProblems, findStoredEntryProblems, type StoredEntry } from './checks.ts';
import { devProblems } from './dev-problems.ts';
import { fieldIssues, organisationErrorMap } from './error-map.ts';
import { display, entryIdOf } from './file-names.ts';
import { readFrontmatter } from './frontmatter.ts';
import { findLogoProblem, type LogoMemory } from './logo-check.ts';
import { formatEntryProblems, REPORT_HINT, type EntryProblem } from './messages.ts';
import { organisationSchema } from './schema.ts';

/** How long a saved file must stay unchanged before the dev server reads it (see the watcher below). */
const SAVE_SETTLE_MS = 100;

/** Where the entries live; tests point it at a fixture folder with `ORGANISATIONS_DIR`. */
const DEFAULT_ORGANISATIONS_DIR = './src/content/organisations';

/** The schema with the logo as the path the owner wrote, to check an entry before Astro resolves its logo. */
const writtenEntry = organisationSchema({ image: () => z.string() });

/**
 * Astro's `glob()` for `<slug>.md`, wrapped so that every mistake in the folder is reported at once,
 * each with its file, its field and what to do: Astro alone stops at the first invalid entry, does not
 * name the entry of a missing logo, and keeps one of two files with the same id silently.
 * This file only orchestrates: the rules are in `checks.ts`, `logo-check.ts` and the schema, the words
 * in `messages.ts`. Throwing from here stops `astro build`, `astro check` and `astro sync`.
 */
export function organisationsLoader(base: string = process.env['ORGANISATIONS_DIR'] || DEFAULT_ORGANISATIONS_DIR): Loader {
  return {
    name: 'organisations-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const folder = resolve(root, base);
      const shown = (path: string) => display(path, root);
      const problems: EntryProblem[] = [];

      const listing = existsSync(folder) ? await readdir(folder, { withFileTypes: true }) : [];
      const fileNames = listing.filter((item) => !item.isDirectory()).map((item) => item.name);
      const subfoldersWithEntries = [];
      for (const item of listing.filter((entry) => entry.isDirectory())) {
        const inside = await readdir(join(folder, item.name), { recursive: true });
        if (inside.some((name) => /\.md$/i.test(name))) subfoldersWithEntries.push(item.name);
      }
      problems.push(...findFileNameProblems(shown(folder), fileNames, subfoldersWithEntries));

      // Every header is read and checked here, not only the ones Astro re-parses (it skips unchanged
      // files): a YAML mistake would stop Astro at the first broken file, and a logo replaced by a bad
      // one must be caught even when its entry did not change. Broken headers are left out of the glob,
      // so the other files are still checked; entries with problems are kept unparsed (the load fails).
      const memory = logoMemory(context.meta);
      const brokenFiles: string[] = [];
      const filesWithProblems = new Set<string>();
      await Promise.all(
        fileNames
          .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
          .map(async (fileName) => {
            const path = join(folder, fileName);
            const frontmatter = readFrontmatter(await readFile(path, 'utf8'));
            const found =
              'problem' in frontmatter
                ? [{ file: shown(path), field: frontmatter.field ?? 'en-tête', message: frontmatter.problem }]
                : await entryProblems(shown(path), path, frontmatter.data, memory);
            if ('problem' in frontmatter) brokenFiles.push(fileName);
            if (found.length > 0) filesWithProblems.add(shown(path));
            problems.push(...found);
          }),
      );

      // After this first load, a file edited under `astro dev` is checked when Astro re-parses it. A broken one
      // leaves the store (the page reloads) and its problems go to the page, which shows them (dev-problems.ts).
      let collecting = true;
      const parseData: LoaderContext['parseData'] = async (props) => {
        const file = shown(resolve(root, props.filePath ?? props.id));
        if (collecting) return filesWithProblems.has(file) ? props.data : context.parseData(props);
        const found = await entryProblems(file, resolve(root, file), props.data, memory);
        if (found.length > 0) {
          devProblems().set(file, found);
          context.store.delete(props.id);
          throw new AstroError(formatEntryProblems(found), REPORT_HINT);
        }
        devProblems().delete(file);
        return context.parseData(props);
      };
      await glob({
        pattern: ['*.md', ...brokenFiles.map((name) => `!${name}`)],
        base,
        generateId: ({ entry }) => entryIdOf(entry),
      }).load({ ...context, parseData });
      collecting = false;
      // A header edited into something that is not YAML never reaches parseData (Astro fails to read it first):
      // the same treatment from here, so that the browser shows it too. Fixed, it is re-parsed and cleared above.
      // An editor (or a test) saving a file may empty it first, then write it, with one change event or two: the
      // file is read once it has been still for a moment, and only for the last save of that file.
      const saves = new Map<string, number>();
      context.watcher?.on('change', async (changed) => {
        if (dirname(changed) !== folder || !changed.endsWith('.md')) return;
        const save = (saves.get(changed) ?? 0) + 1;
        saves.set(changed, save);
        await setTimeout(SAVE_SETTLE_MS);
        if (saves.get(changed) !== save) return;
        const contents = await readFile(changed, 'utf8').catch(() => '');
        const frontmatter = readFrontmatter(contents);
        if (!('problem' in frontmatter)) return;
        const file = shown(changed);
        devProblems().set(file, [{ file, field: frontmatter.field ?? 'en-tête', message: frontmatter.problem }]);
        context.store.delete(entryIdOf(basename(changed)));
      });

      const entries: StoredEntry[] = context.store.values();
      problems.push(...findStoredEntryProblems(entries));

      if (problems.length > 0) throw new AstroError(formatEntryProblems(problems), REPORT_HINT);
    },
  };
}

/** The problems of one entry's frontmatter: the schema's, with the logo check's message for `logo`. */
async function entryProblems(file: string, path: string, data: Record<string, unknown>, memory: LogoMemory): Promise<EntryProblem[]> {
  const parsed = writtenEntry.safeParse(data, { error: organisationErrorMap });
  const issues = parsed.success ? [] : fieldIssues(parsed.error);
  const logoProblem = await findLogoProblem(path, data['logo'], memory);
  return [
    // Our logo message replaces the schema's about the same field: it says what to do.
    ...issues.filter((issue) => !(logoProblem && issue.field === 'logo')),
    ...(logoProblem ? [{ field: 'logo', message: logoProblem }] : []),
  ].map((issue) => ({ file, ...issue }));
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
