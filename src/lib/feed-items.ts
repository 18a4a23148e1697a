import { escapeUTF8 } from 'entities';
import { formatSupportMonth, supportDateStart, type SupportDate } from './support-dates';
import type { SupportKind } from './supports';

/**
 * The page's feed tells the story of the supports: one item when a support starts (`since`), one when
 * it ends (`until`), newest first. An entry without dates adds no item, and no date is ever made up.
 * GUIDs depend only on the entry's id and the event, so an unchanged entry never becomes a new item.
 */

export interface SupportStory {
  id: string;
  data: { name: string; url: string; since?: SupportDate | undefined; until?: SupportDate | undefined; support?: SupportKind | undefined };
  /** The description, as rendered (already checked: see src/lib/organisations/description.ts). */
  descriptionHtml: string;
  /** The label of its category, as the feed's `<category>`. */
  category: string;
}

export interface FeedItem {
  title: string;
  link: string;
  guid: string;
  /** The start item's GUID is its card's address; the end item's is an identifier only. */
  isPermaLink: boolean;
  pubDate: Date;
  content: string;
  category: string;
}

export function feedItems(stories: readonly SupportStory[], pageUrl: string): FeedItem[] {
  const items: FeedItem[] = [];
  for (const { id, data, descriptionHtml, category } of stories) {
    const card = `${pageUrl}#${id}`;
    if (data.since) {
      items.push({
        title: data.support === 'financement-participatif' ? `J’ai contribué à la campagne de ${data.name}` : `Je soutiens ${data.name}`,
        link: data.url,
        guid: card,
        isPermaLink: true,
        pubDate: supportDateStart(data.since),
        content: descriptionHtml,
        category,
      });
    }
    if (data.until) {
      const began = data.since ? ` (il avait commencé en ${formatSupportMonth(data.since)})` : '';
      items.push({
        title: `Fin de mon soutien à ${data.name}`,
        link: card,
        guid: `${card}:fin`,
        isPermaLink: false,
        pubDate: supportDateStart(data.until),
        content: `<p>Mon soutien à ${escapeUTF8(data.name)} a pris fin en ${formatSupportMonth(data.until)}${began}.</p>${descriptionHtml}`,
        category,
      });
    }
  }
  return items.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime());
}
