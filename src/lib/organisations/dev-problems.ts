import type { EntryProblem } from './messages.ts';

/**
 * Under `astro dev`, the problems of entries edited since the server started, by file. The loader records
 * them (and takes the entry out, so that the page reloads); the page throws them, so that Astro's error
 * overlay shows the build's own message in the browser until the file is fixed.
 * On `globalThis`: the loader and the page are the same process but not the same module instance.
 */
const KEY = Symbol.for('je-soutiens.organisations.dev-problems');
type WithProblems = typeof globalThis & { [KEY]?: Map<string, EntryProblem[]> };

export function devProblems(): Map<string, EntryProblem[]> {
  const registry = globalThis as WithProblems;
  registry[KEY] ??= new Map();
  return registry[KEY];
}
