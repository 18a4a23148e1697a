import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getOrganisations } from '../content';
import { CATEGORIES } from '../lib/categories';
import { byNewestSupport } from '../lib/page-order';
import { SITE } from '../lib/site';
import { supportDateStart } from '../lib/support-dates';
import { frenchTypographyHtml } from '../lib/typography';
import { absoluteUrl } from '../lib/urls';

/** A feed of the organisations, newest support first: subscribe to know when one is added. */
export const GET: APIRoute = async ({ site }) => {
  const pageUrl = absoluteUrl(site, import.meta.env.BASE_URL);
  const organisations = byNewestSupport(await getOrganisations());
  return rss({
    title: SITE.title,
    description: SITE.description,
    site: pageUrl,
    trailingSlash: false,
    customData: '<language>fr</language>',
    items: organisations.map((organisation) => ({
      title: organisation.data.name,
      link: organisation.data.url,
      // The card on the page is the item's permanent address.
      customData: `<guid isPermaLink="true">${pageUrl}#${organisation.id}</guid>`,
      ...(organisation.data.since ? { pubDate: supportDateStart(organisation.data.since) } : {}),
      categories: [CATEGORIES.find((category) => category.id === organisation.data.category)?.label ?? ''],
      content: frenchTypographyHtml(organisation.rendered?.html ?? ''),
    })),
  });
};
