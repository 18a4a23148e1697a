import { CATEGORIES, type Category, type CategoryId } from './categories';
import { supportDateStart, type SupportDate } from './support-dates';

/** The part of an entry the page logic needs; `CollectionEntry<'organisations'>` satisfies it. */
export interface OrganisationLike {
  id: string;
  data: {
    name: string;
    category: CategoryId;
    order?: number | undefined;
    draft: boolean;
  };
}

export interface CategoryGroup<T extends OrganisationLike> {
  category: Category;
  organisations: T[];
}

const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Entries with an `order` come first (smaller first); the rest follow in French alphabetical order of name. */
export function compareOrganisations(a: OrganisationLike, b: OrganisationLike): number {
  const orderA = a.data.order ?? Number.POSITIVE_INFINITY;
  const orderB = b.data.order ?? Number.POSITIVE_INFINITY;
  if (orderA !== orderB) return orderA < orderB ? -1 : 1;
  return frenchCollator.compare(a.data.name, b.data.name) || a.id.localeCompare(b.id);
}

/** Drafts are shown while writing (`npm run dev`) and never published. */
export function isPublished(entry: OrganisationLike, { includeDrafts }: { includeDrafts: boolean }): boolean {
  return includeDrafts || !entry.data.draft;
}

/** One group per category that has entries, in the order of `CATEGORIES`, each sorted. */
export function groupByCategory<T extends OrganisationLike>(entries: readonly T[]): CategoryGroup<T>[] {
  return CATEGORIES.map((category) => ({
    category,
    organisations: entries.filter((entry) => entry.data.category === category.id).sort(compareOrganisations),
  })).filter((group) => group.organisations.length > 0);
}

/** Newest support first (`since`); entries without a date follow, in page order. */
export function byNewestSupport<T extends OrganisationLike & { data: { since?: SupportDate | undefined } }>(entries: readonly T[]): T[] {
  const time = (since: SupportDate | undefined) => (since ? supportDateStart(since).getTime() : Number.NEGATIVE_INFINITY);
  return [...entries].sort((a, b) => {
    const sinceA = time(a.data.since);
    const sinceB = time(b.data.since);
    return sinceA !== sinceB ? sinceB - sinceA : compareOrganisations(a, b);
  });
}
