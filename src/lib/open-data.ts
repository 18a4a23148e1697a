import { escapeUTF8 } from 'entities';
import type { EntryWith } from './organisation-entry';

/**
 * What visitors can take away: the list as data (`organisations.json`) and the organisations' own feeds
 * as one OPML file (`organisations.opml`), for a feed reader to subscribe to all of them at once.
 */

type OrganisationSource = EntryWith<'name' | 'url' | 'category' | 'support' | 'since' | 'until' | 'why' | 'feed'>;

/**
 * One record per organisation, every field present (`null` when the entry does not say): `description` as plain text,
 * `logo` the absolute URL of the file the card serves, `current` while the support has not ended.
 */
export function organisationRecord({ id, data }: OrganisationSource, description: string, logo: string) {
  return {
    id,
    name: data.name,
    url: data.url,
    category: data.category,
    support: data.support ?? null,
    since: data.since ?? null,
    until: data.until ?? null,
    why: data.why ?? null,
    description,
    logo,
    feed: data.feed ?? null,
    current: data.until === undefined,
  };
}

/** A current support whose organisation publishes a feed. */
const isFollowable = ({ data }: OrganisationSource) => Boolean(data.feed) && data.until === undefined;

/** An OPML 2.0 subscription list of the feeds of the current organisations that have one. */
export function feedsOpml(title: string, ownerName: string, organisations: readonly OrganisationSource[]): string {
  const outlines = organisations.filter(isFollowable).map(({ data }) => {
    const name = escapeUTF8(data.name);
    return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeUTF8(data.feed ?? '')}" htmlUrl="${escapeUTF8(data.url)}"/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeUTF8(title)}</title>`,
    `    <ownerName>${escapeUTF8(ownerName)}</ownerName>`,
    '    <docs>https://opml.org/spec2.opml</docs>',
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

/** Whether the OPML file lists anything: the page links to it only then. */
export function hasFeeds(organisations: readonly OrganisationSource[]): boolean {
  return organisations.some(isFollowable);
}
