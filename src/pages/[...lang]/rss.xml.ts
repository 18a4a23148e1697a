import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { categoryText, getOrganisations, getSiteWords } from '../../content';
import { categoryOf } from '../../lib/categories';
import { feedItems } from '../../lib/feed-items';
import { langPath, langStaticPaths } from '../../lib/i18n';
import { typography, typographyHtml } from '../../lib/typography';
import { absoluteUrl, withBase } from '../../lib/urls';

export const getStaticPaths = langStaticPaths;

/** The story of the supports, in each language: when each began and ended, newest first (src/lib/feed-items.ts). */
export const GET: APIRoute<{ lang: string }> = async ({ site, props: { lang } }) => {
  const pageUrl = absoluteUrl(site, withBase(import.meta.env.BASE_URL, langPath(lang)));
  const words = await getSiteWords(lang);
  const organisations = await getOrganisations(lang);
  const items = feedItems(
    organisations.map(({ id, data, text }) => {
      const category = categoryOf(data.category);
      return {
        id,
        data: { ...data, name: text.name.value },
        descriptionHtml: typographyHtml(text.descriptionHtml.value, text.descriptionHtml.lang),
        category: category ? categoryText(category, lang).label.value : data.category,
      };
    }),
    pageUrl,
    words,
  );
  return rss({
    title: typography(words.title, lang),
    description: typography(words.description, lang),
    site: pageUrl,
    trailingSlash: false,
    customData: `<language>${lang}</language>`,
    items: items.map((item) => ({
      title: item.title,
      link: item.link,
      pubDate: item.pubDate,
      content: item.content,
      categories: [item.category],
      customData: `<guid isPermaLink="${item.isPermaLink}">${item.guid}</guid>`,
    })),
  });
};
