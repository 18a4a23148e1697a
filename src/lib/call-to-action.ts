export interface CallToActionInput {
  label: string;
  url: string;
}

/**
 * How a card shows its call to action.
 * - `link`: a second link, when it leads somewhere else than the card (a donation page).
 * - `label`: plain text, when it leads where the whole card already leads (a crowdfunding page):
 *   a second link to the same place would only repeat itself to screen-reader users.
 */
export type CardCallToAction = { kind: 'link'; label: string; url: string } | { kind: 'label'; label: string };

export function cardCallToAction(cardUrl: string, cta: CallToActionInput | undefined): CardCallToAction | undefined {
  if (!cta) return undefined;
  return sameDestination(cardUrl, cta.url) ? { kind: 'label', label: cta.label } : { kind: 'link', ...cta };
}

/** Two addresses lead to the same page if they differ only by a trailing slash or the fragment. */
export function sameDestination(a: string, b: string): boolean {
  const normalise = (address: string) => {
    const url = new URL(address);
    url.hash = '';
    return url.href.replace(/\/$/, '');
  };
  return normalise(a) === normalise(b);
}
