import type { APIRoute } from 'astro';
import { getOrganisations, getSiteWords } from '../../content';
import { langStaticPaths } from '../../lib/i18n';
import { feedsOpml } from '../../lib/open-data';
import { typography } from '../../lib/typography';

export const getStaticPaths = langStaticPaths;

/** The feeds of the organisations currently supported, for a feed reader to subscribe to all of them at once. */
export const GET: APIRoute<{ lang: string }> = async ({ props: { lang } }) => {
  const words = await getSiteWords(lang);
  const title = typography(`${words.title} : ${words.footer.opml}`, lang);
  return new Response(feedsOpml(title, words.owner.name, await getOrganisations(lang)), {
    headers: { 'Content-Type': 'text/x-opml; charset=utf-8' },
  });
};
