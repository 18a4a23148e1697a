import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getOrganisations } from '../content';
import { categoryOf } from '../lib/categories';
import { feedItems } from '../lib/feed-items';
import { SITE } from '../lib/site';
import { frenchTypographyHtml } from '../lib/typography';
import { absoluteUrl } from '../lib/urls';

/** The story of the supports: when each began and ended, newest first (src/lib/feed-items.ts). */
export const GET: APIRoute = async ({ site }) => {
  const pageUrl = absoluteUrl(site, import.meta.env.BASE_URL);
  const organisations = await getOrganisations();
  const items = feedItems(
    organisations.map(({ id, data, rendered }) => ({
      id,
      data,
      descriptionHtml: frenchTypographyHtml(rendered?.html ?? ''),
      category: categoryOf(data.category).label,
    })),
    pageUrl,
  );
  return rss({
    title: SITE.title,
    description: SITE.description,
    site: pageUrl,
    trailingSlash: false,
    customData: '<language>fr</language>',
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
