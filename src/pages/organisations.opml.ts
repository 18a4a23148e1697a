import type { APIRoute } from 'astro';
import { getOrganisations } from '../content';
import { feedsOpml } from '../lib/open-data';
import { SITE } from '../lib/site';

/** The feeds of the organisations currently supported, for a feed reader to subscribe to all of them at once. */
export const GET: APIRoute = async () =>
  new Response(feedsOpml(`${SITE.title} : les fils des organisations`, SITE.owner.name, await getOrganisations()), {
    headers: { 'Content-Type': 'text/x-opml; charset=utf-8' },
  });
