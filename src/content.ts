import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from 'astro:config/server';
import { AstroError } from 'astro/errors';
import { getCollection, type CollectionEntry } from 'astro:content';
import { findStoredEntryProblems } from './lib/organisations/checks';
import { devProblems } from './lib/organisations/dev-problems';
import { formatEntryProblems, REPORT_HINT } from './lib/organisations/messages';
import { logoPathOf } from './lib/organisations/logo-check';
import { readFrontmatter } from './lib/organisations/frontmatter';
import { byMostRecentEnd, groupByCategory, isCurrent, isPublished, type CategoryGroup } from './lib/page-order';

/** The one place pages get their organisations from. */

export type Organisation = CollectionEntry<'organisations'>;

export interface PageSections {
  /** Current supports, by category. */
  groups: CategoryGroup<Organisation>[];
  /** Ended supports (`until`), for « Soutenus par le passé ». */
  past: Organisation[];
}

/** The published organisations (drafts too under `astro dev`), in the sections of the page, in page order. */
export async function getPageSections(): Promise<PageSections> {
  const published = await getCollection('organisations', (entry) => isPublished(entry, { includeDrafts: import.meta.env.DEV }));
  if (import.meta.env.DEV) throwEditedEntryProblems(published);
  return {
    groups: groupByCategory(published.filter(isCurrent)),
    past: byMostRecentEnd(published.filter((entry) => !isCurrent(entry))),
  };
}

/** The same organisations as one list, in page order: the current ones, then the past ones. */
export async function getOrganisations(): Promise<Organisation[]> {
  const { groups, past } = await getPageSections();
  return [...groups.flatMap((group) => group.organisations), ...past];
}

/**
 * Under `astro dev`, an entry broken while the server runs stops the page with the build's own message,
 * shown by Astro's error overlay in the browser, until the file is fixed: the problems the loader found in
 * edited files, and the checks on descriptions and across entries.
 */
function throwEditedEntryProblems(entries: readonly Organisation[]): void {
  const problems = [...[...devProblems().values()].flat(), ...findStoredEntryProblems(entries)];
  if (problems.length > 0) throw new AstroError(formatEntryProblems(problems), REPORT_HINT);
}

/**
 * The logo's source file, for the build's own image work (the social image): the path the entry
 * wrote, beside the entry, as the loader checked it.
 */
export async function logoSourceFile(organisation: Organisation): Promise<string> {
  // The entry's path is relative to the project, which need not be the current directory.
  const entryFile = resolve(fileURLToPath(root), organisation.filePath ?? '');
  const frontmatter = readFrontmatter(await readFile(entryFile, 'utf8'));
  const path = logoPathOf(entryFile, 'data' in frontmatter ? frontmatter.data['logo'] : undefined);
  if (!path) throw new Error(`No logo file in ${entryFile}.`);
  return path;
}
