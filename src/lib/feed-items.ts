import { escapeUTF8 } from 'entities';
import type { EntryWith } from './organisation-entry';
import type { SiteWords } from './site-words';
import { formatSupportMonth, supportDateStart, type SupportDate } from './support-dates';
import { fill } from './templates';

/**
 * The page's feed tells the story of the supports: one item when a support starts (`since`), one when
 * it ends (`until`), newest first. An entry without dates adds no item, and no date is ever made up.
 * GUIDs depend only on the entry's id and the event, so an unchanged entry never becomes a new item.
 */

export type SupportStory = EntryWith<'name' | 'url' | 'since' | 'until' | 'support'> & {
  /** The description, as rendered (already checked: see src/lib/organisations/description.ts). */
  descriptionHtml: string;
  /** The label of its category, as the feed's `<category>`. */
  category: string;
};

export function feedItems(stories: readonly SupportStory[], pageUrl: string, { feed, locale }: Pick<SiteWords, 'feed' | 'locale'>) {
  const items = [];
  const month = (date: SupportDate) => formatSupportMonth(date, locale);
  for (const { id, data, descriptionHtml, category } of stories) {
    const card = `${pageUrl}#${id}`;
    if (data.since) {
      items.push({
        title: fill(data.support === 'financement-participatif' ? feed.contributed : feed.started, { name: data.name }),
        link: data.url,
        guid: card,
        // The start item's GUID is its card's address; the end item's is an identifier only.
        isPermaLink: true,
        pubDate: supportDateStart(data.since),
        content: descriptionHtml,
        category,
      });
    }
    if (data.until) {
      const ended = { name: escapeUTF8(data.name), end: month(data.until), start: data.since ? month(data.since) : '' };
      items.push({
        title: fill(feed.ended, { name: data.name }),
        link: card,
        guid: `${card}:fin`,
        isPermaLink: false,
        pubDate: supportDateStart(data.until),
        content: `<p>${fill(data.since ? feed.endedTextSince : feed.endedText, ended)}</p>${descriptionHtml}`,
        category,
      });
    }
  }
  return items.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime());
}
