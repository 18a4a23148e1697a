import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from 'astro:config/server';
import { getCollection, type CollectionEntry } from 'astro:content';
import { logoPathOf } from './lib/organisations/logo-check';
import { readFrontmatter } from './lib/organisations/frontmatter';
import { groupByCategory, isPublished, type CategoryGroup } from './lib/page-order';

/** The one place pages get their organisations from. */

export type Organisation = CollectionEntry<'organisations'>;

/** The published organisations (drafts too under `astro dev`), by category, in page order. */
export async function getCategoryGroups(): Promise<CategoryGroup<Organisation>[]> {
  return groupByCategory(await getCollection('organisations', (entry) => isPublished(entry, { includeDrafts: import.meta.env.DEV })));
}

/** The same organisations as one list, in page order. */
export async function getOrganisations(): Promise<Organisation[]> {
  return (await getCategoryGroups()).flatMap((group) => group.organisations);
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
