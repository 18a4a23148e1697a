import type { CollectionEntry } from 'astro:content';

/** An organisation's entry, as `src/content.config.ts` types it. */
type OrganisationEntry = CollectionEntry<'organisations'>;

/** The entry with only the fields a pure module reads: its unit tests write those and no more. */
export type EntryWith<Field extends keyof OrganisationEntry['data']> = Pick<OrganisationEntry, 'id'> & {
  data: Pick<OrganisationEntry['data'], Field>;
};
