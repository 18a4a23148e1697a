import { Parser } from 'htmlparser2';

/** schema.org structured data for the page: an ItemList of the Organizations, in page order. */

/** One organisation as its card shows it: the name and description in the page's language, the logo file it serves. */
export interface ListedOrganisation {
  name: string;
  url: string;
  /** Absolute URL. */
  logo: string;
  descriptionHtml: string;
  /** The owner, as schema.org's `funder` of a current support. */
  funder?: { name: string; url: string } | undefined;
}

export function organisationListJsonLd(pageUrl: string, name: string, lang: string, organisations: readonly ListedOrganisation[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name,
    url: pageUrl,
    numberOfItems: organisations.length,
    itemListElement: organisations.map(({ descriptionHtml, funder, ...organisation }, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      item: {
        '@type': 'Organization',
        ...organisation,
        description: htmlToText(descriptionHtml),
        ...(funder ? { funder: { '@type': 'Person', ...funder } } : {}),
      },
    })),
    inLanguage: lang,
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
