import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { findEntryProblems, formatEntryProblems, type StoredEntry } from './entry-checks';

/** Where the entries live; tests point it at a fixture folder with `ORGANISATIONS_DIR`. */
export const DEFAULT_ORGANISATIONS_DIR = './src/content/organisations';

/**
 * Astro's `glob()` loader for `<slug>.md`, followed by the checks that need every entry at once.
 * Throwing here stops the build with the whole list of problems.
 */
export function organisationsLoader(base: string = process.env['ORGANISATIONS_DIR'] ?? DEFAULT_ORGANISATIONS_DIR): Loader {
  const markdownFiles = glob({ pattern: '*.md', base });
  return {
    name: 'organisations-loader',
    load: async (context) => {
      await markdownFiles.load(context);
      const entries: StoredEntry[] = context.store.values();
      const problems = findEntryProblems(entries);
      if (problems.length > 0) throw new Error(formatEntryProblems(problems));
    },
  };
}
