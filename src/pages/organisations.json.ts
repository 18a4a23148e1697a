import type { APIRoute } from 'astro';
import { getOrganisations } from '../content';
import { largestLogoUrl } from '../lib/logo-image';
import { organisationRecord } from '../lib/open-data';
import { SITE } from '../lib/site';
import { htmlToText } from '../lib/structured-data';
import { absoluteUrl } from '../lib/urls';

/** The list as data, in page order, for visitors who want to take it with them (README « Emporter la liste »). */
export const GET: APIRoute = async ({ site }) => {
  const organisations = await getOrganisations();
  const records = await Promise.all(
    organisations.map(async (organisation) =>
      organisationRecord(
        organisation,
        htmlToText(organisation.rendered?.html ?? ''),
        absoluteUrl(site, await largestLogoUrl(organisation.data.logo)),
      ),
    ),
  );
  const data = { title: SITE.title, url: absoluteUrl(site, import.meta.env.BASE_URL), organisations: records };
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
