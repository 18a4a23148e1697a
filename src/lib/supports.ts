import { formatSupportMonth, type SupportDate } from './support-dates.ts';

/**
 * How the owner helps an organisation (`support` in an entry), in the order the guide lists them, with
 * the short French label the card shows.
 */
export const SUPPORTS = [
  { id: 'don-mensuel', label: 'Don mensuel' },
  { id: 'don-ponctuel', label: 'Don ponctuel' },
  { id: 'adhesion', label: 'Adhérent' },
  { id: 'abonnement', label: 'Abonné' },
  // A contribution to a crowdfunding campaign is over once given: the card never invites to give to it.
  { id: 'financement-participatif', label: 'Contribution à une campagne' },
  { id: 'benevolat', label: 'Bénévole' },
] as const;

export type SupportKind = (typeof SUPPORTS)[number]['id'];

/** The ids as a non-empty tuple, the shape `z.enum()` needs. */
export const SUPPORT_IDS = SUPPORTS.map((support) => support.id) as [SupportKind, ...SupportKind[]];

function supportLabel(kind: SupportKind): string {
  return SUPPORTS.find((support) => support.id === kind)?.label ?? kind;
}

/** The support is over: it ended (`until`), or it was a one-time contribution to a campaign. */
export function invitesToGive(support: { support?: SupportKind | undefined; until?: string | undefined }): boolean {
  return support.until === undefined && support.support !== 'financement-participatif';
}

/** A piece of the card's support line: words, or a date the card shows as a `<time>`. */
export type SupportLinePart = string | { date: SupportDate };

/**
 * The card's line about the support: « Don mensuel depuis mars 2021 », « Adhérent de mars 2021 à
 * mai 2024 », « J’ai contribué à la campagne en mars 2021 », « Soutenu depuis mars 2024 »…
 * Empty when the entry says neither how nor when.
 */
export function supportLine({
  support,
  since,
  until,
}: {
  support?: SupportKind | undefined;
  since?: SupportDate | undefined;
  until?: SupportDate | undefined;
}): SupportLinePart[] {
  const lead =
    support === 'financement-participatif'
      ? 'J’ai contribué à la campagne'
      : support
        ? supportLabel(support)
        : since || until
          ? 'Soutenu'
          : '';
  if (!lead) return [];
  const oneTime = support === 'financement-participatif' || support === 'don-ponctuel';
  if (since && (oneTime || (until && formatSupportMonth(since) === formatSupportMonth(until)))) return [`${lead} en `, { date: since }];
  if (since && until) return [`${lead} de `, { date: since }, ' à ', { date: until }];
  if (since) return [`${lead} depuis `, { date: since }];
  if (until) return [`${lead} jusqu’en `, { date: until }];
  return [lead];
}
