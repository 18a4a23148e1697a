import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from 'astro:config/server';
import { AstroError } from 'astro/errors';
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Category } from './lib/categories';
import { DEFAULT_LANG } from './lib/i18n';
import { findStoredEntryProblems } from './lib/organisations/checks';
import { devProblems } from './lib/organisations/dev-problems';
import { formatEntryProblems, REPORT_HINT } from './lib/organisations/messages';
import { logoPathOf } from './lib/organisations/logo-check';
import { readFrontmatter } from './lib/organisations/frontmatter';
import { byMostRecentEnd, groupByCategory, isCurrent } from './lib/page-order';
import type { SiteWords } from './lib/site-words';

/** The one place pages get their content from: the organisations, the categories and the page's words, per language. */

/** A text and the language it is written in: the French one where a translation does not give it. */
export interface Localised {
  value: string;
  lang: string;
}

export type Organisation = CollectionEntry<'organisations'> & {
  /** What the card shows, in the page's language where the translation gives it. */
  text: { name: Localised; descriptionHtml: Localised; why?: Localised | undefined; ctaLabel?: Localised | undefined };
};

/** The published organisations (drafts too under `astro dev`), in the sections of the page, in page order. */
export async function getPageSections(lang: string) {
  // Drafts are shown while writing (`npm run dev`) and never published.
  const published = await getCollection('organisations', (entry) => import.meta.env.DEV || !entry.data.draft);
  if (import.meta.env.DEV) throwEditedEntryProblems(published);
  const translations = new Map((await getCollection('translations')).map((translation) => [translation.id, translation]));
  const localised = published.map((entry) => localise(entry, lang, translations.get(`${lang}/${entry.id}`)));
  return {
    /** Current supports, by category. */
    groups: groupByCategory(localised.filter(isCurrent)),
    /** Ended supports (`until`), for « Soutenus par le passé ». */
    past: byMostRecentEnd(localised.filter((entry) => !isCurrent(entry))),
  };
}

function localise(
  entry: CollectionEntry<'organisations'>,
  lang: string,
  translation: CollectionEntry<'translations'> | undefined,
): Organisation {
  const pick = (translated: string | undefined, french: string) => ({
    value: translated || french,
    lang: translated ? lang : DEFAULT_LANG,
  });
  const { data } = entry;
  const translatedHtml = translation?.body?.trim() ? translation.rendered?.html : undefined;
  return {
    ...entry,
    text: {
      // A name is the same in every language unless the translation gives another: French only without a translation.
      name: translation ? { value: translation.data.name ?? data.name, lang } : pick(undefined, data.name),
      descriptionHtml: pick(translatedHtml, entry.rendered?.html ?? ''),
      why: data.why === undefined ? undefined : pick(translation?.data.why, data.why),
      ctaLabel: data.cta === undefined ? undefined : pick(translation?.data.cta?.label, data.cta.label),
    },
  };
}

/** The same organisations as one list, in page order: the current ones, then the past ones. */
export async function getOrganisations(lang: string): Promise<Organisation[]> {
  const { groups, past } = await getPageSections(lang);
  return [...groups.flatMap((group) => group.organisations), ...past];
}

/** A category's label and intro in a language, or in French where it has none. */
export function categoryText(category: Category, lang: string): { label: Localised; intro: Localised } {
  const pick = (texts: Partial<Record<string, string>>) =>
    texts[lang] ? { value: texts[lang], lang } : { value: texts[DEFAULT_LANG] ?? '', lang: DEFAULT_LANG };
  return { label: pick(category.label), intro: pick(category.intro) };
}

/** The page's words in a language, with its intro as rendered HTML and the owner (written in the default language's file). */
export async function getSiteWords(lang: string): Promise<SiteWords & { introHtml: string; owner: NonNullable<SiteWords['owner']> }> {
  const entry = await getEntry('site', lang);
  const fallback = await getEntry('site', DEFAULT_LANG);
  if (!entry || !fallback) throw new Error(`No words for the language « ${lang} » in src/content/site/.`);
  return { ...entry.data, introHtml: entry.rendered?.html ?? '', owner: fallback.data.owner ?? { name: '' } };
}

/**
 * Under `astro dev`, an entry broken while the server runs stops the page with the build's own message,
 * shown by Astro's error overlay in the browser, until the file is fixed: the problems the loader found in
 * edited files, and the checks on descriptions and across entries.
 */
function throwEditedEntryProblems(entries: readonly CollectionEntry<'organisations'>[]): void {
  const problems = [...[...devProblems().values()].flat(), ...findStoredEntryProblems(entries)];
  if (problems.length > 0) throw new AstroError(formatEntryProblems(problems), REPORT_HINT);
}

/**
 * The logo's source file, for the build's own image work (the social image): the path the entry
 * wrote, beside the entry, as the loader checked it.
 */
export async function logoSourceFile(organisation: CollectionEntry<'organisations'>): Promise<string> {
  // The entry's path is relative to the project, which need not be the current directory.
  const entryFile = resolve(fileURLToPath(root), organisation.filePath ?? '');
  const frontmatter = readFrontmatter(await readFile(entryFile, 'utf8'));
  const path = logoPathOf(entryFile, 'data' in frontmatter ? frontmatter.data['logo'] : undefined);
  if (!path) throw new Error(`No logo file in ${entryFile}.`);
  return path;
}
