import type { APIRoute } from 'astro';
import { getOrganisations, getSiteWords } from '../../content';
import { langPath, langStaticPaths } from '../../lib/i18n';
import { largestLogoUrl } from '../../lib/logo-image';
import { organisationRecord } from '../../lib/open-data';
import { htmlToText } from '../../lib/structured-data';
import { absoluteUrl, withBase } from '../../lib/urls';

export const getStaticPaths = langStaticPaths;

/** The list as data, in page order and in each language, for visitors who want to take it with them (README « Emporter la liste »). */
export const GET: APIRoute<{ lang: string }> = async ({ site, props: { lang } }) => {
  const organisations = await getOrganisations(lang);
  const records = await Promise.all(
    organisations.map(async (organisation) =>
      organisationRecord(
        { id: organisation.id, data: { ...organisation.data, name: organisation.text.name.value, why: organisation.text.why?.value } },
        htmlToText(organisation.text.descriptionHtml.value),
        absoluteUrl(site, await largestLogoUrl(organisation.data.logo)),
      ),
    ),
  );
  const { title } = await getSiteWords(lang);
  const data = { title, lang, url: absoluteUrl(site, withBase(import.meta.env.BASE_URL, langPath(lang))), organisations: records };
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
