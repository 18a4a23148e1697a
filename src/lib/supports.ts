import type { EntryWith } from './organisation-entry.ts';
import type { SiteWords } from './site-words.ts';
import type { SupportDate } from './support-dates.ts';
import { fillParts } from './templates.ts';

/**
 * How the owner helps an organisation (`support` in an entry), in the order the guide lists them. Their words
 * on the card are content, in each language's file of words (`support.kinds` in `src/content/site/<langue>.md`).
 */
export const SUPPORT_IDS = ['don-mensuel', 'don-ponctuel', 'adhesion', 'abonnement', 'financement-participatif', 'benevolat'] as const;

/** The support is over: it ended (`until`), or it was a one-time contribution to a campaign. */
export function invitesToGive(support: EntryWith<'support' | 'until'>['data']): boolean {
  return support.until === undefined && support.support !== 'financement-participatif';
}

/** A piece of the card's support line: words, or a date the card shows as a `<time>`. */
export type SupportLinePart = string | { date: SupportDate };

/**
 * The card's line about the support: « Don mensuel depuis mars 2021 », « Adhérent de mars 2021 à
 * mai 2024 », « J’ai contribué à la campagne en mars 2021 », « Soutenu depuis mars 2024 »…
 * Empty when the entry says neither how nor when.
 */
export function supportLine(
  { support, since, until }: EntryWith<'support' | 'since' | 'until'>['data'],
  /** The language's words: `{lead}`, `{date}`, `{start}` and `{end}` are filled in. */
  words: SiteWords['support'],
): SupportLinePart[] {
  const lead = support ? (words.kinds[support] ?? support) : since || until ? words.supported : '';
  if (!lead) return [];
  const oneTime = support === 'financement-participatif' || support === 'don-ponctuel';
  if (since && (oneTime || (until && since.slice(0, 7) === until.slice(0, 7)))) return fillParts(words.in, { lead, date: { date: since } });
  if (since && until) return fillParts(words.between, { lead, start: { date: since }, end: { date: until } });
  if (since) return fillParts(words.since, { lead, date: { date: since } });
  if (until) return fillParts(words.until, { lead, date: { date: until } });
  return [lead];
}
