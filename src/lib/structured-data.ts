import { Parser } from 'htmlparser2';

/** schema.org structured data for the page: an ItemList of the Organizations, in page order. */

/** The part of an entry the structured data reads; `CollectionEntry<'organisations'>` satisfies it. */
export interface OrganisationEntryLike<Logo> {
  data: { url: string; logo: Logo; until?: string | undefined };
  /** The name and description in the page's language (`content.ts`). */
  text: { name: { value: string }; descriptionHtml: { value: string } };
}

/** The owner, as schema.org's `funder` of each organisation they currently support. */
export interface Funder {
  name: string;
  url: string;
}

/**
 * The page's JSON-LD from its entries, in page order. `logoUrl` gives a logo's absolute URL
 * (the page passes the file its card already serves).
 */
export async function pageJsonLd<Logo>(
  pageUrl: string,
  name: string,
  lang: string,
  entries: readonly OrganisationEntryLike<Logo>[],
  logoUrl: (logo: Logo) => Promise<string>,
  funder: Funder,
) {
  const organisations = await Promise.all(
    entries.map(async ({ data, text }) => ({
      name: text.name.value,
      url: data.url,
      logo: await logoUrl(data.logo),
      description: htmlToText(text.descriptionHtml.value),
      ...(data.until === undefined ? { funder: { '@type': 'Person' as const, ...funder } } : {}),
    })),
  );
  return { ...organisationListJsonLd(pageUrl, name, organisations), inLanguage: lang };
}

export interface OrganisationData {
  name: string;
  url: string;
  /** Absolute URL of the logo. */
  logo: string;
  /** Plain text. */
  description: string;
  /** The owner, for a current support. */
  funder?: { '@type': 'Person'; name: string; url: string };
}

export function organisationListJsonLd(pageUrl: string, name: string, organisations: readonly OrganisationData[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name,
    url: pageUrl,
    numberOfItems: organisations.length,
    itemListElement: organisations.map((organisation, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      item: { '@type': 'Organization', ...organisation },
    })),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the element. */
export function serialiseJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** Elements after which the text goes on with a space: « <p>Un.</p><p>Deux.</p> » reads « Un. Deux. ». */
const BLOCKS = new Set(['p', 'li', 'br', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The text of rendered HTML, for descriptions in data: tags removed, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  let text = '';
  const parser = new Parser(
    { ontext: (part) => (text += part), onclosetag: (name) => BLOCKS.has(name) && (text += ' ') },
    { decodeEntities: true },
  );
  parser.end(html);
  return text.replace(/\s+/g, ' ').trim();
}
