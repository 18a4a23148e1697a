import { CATEGORIES } from './categories';
import type { EntryWith } from './organisation-entry';

/** The part of an entry the page order reads. */
export type OrganisationLike = EntryWith<'name' | 'category' | 'order' | 'until'>;

const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Entries with an `order` come first (smaller first); the rest follow in French alphabetical order of name. */
export function compareOrganisations(a: OrganisationLike, b: OrganisationLike): number {
  const orderA = a.data.order ?? Number.POSITIVE_INFINITY;
  const orderB = b.data.order ?? Number.POSITIVE_INFINITY;
  if (orderA !== orderB) return orderA < orderB ? -1 : 1;
  return frenchCollator.compare(a.data.name, b.data.name) || a.id.localeCompare(b.id);
}

/** A support that has not ended: its card is in its category; an ended one is in « Soutenus par le passé ». */
export function isCurrent(entry: OrganisationLike): boolean {
  return entry.data.until === undefined;
}

/** Past supports, the most recently ended first; then in page order. */
export function byMostRecentEnd<T extends OrganisationLike>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (b.data.until ?? '').localeCompare(a.data.until ?? '') || compareOrganisations(a, b));
}

/** One group per category that has entries, in the order of `CATEGORIES`, each sorted. */
export function groupByCategory<T extends OrganisationLike>(entries: readonly T[]) {
  return CATEGORIES.map((category) => ({
    category,
    organisations: entries.filter((entry) => entry.data.category === category.id).sort(compareOrganisations),
  })).filter((group) => group.organisations.length > 0);
}
