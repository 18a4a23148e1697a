import { defineCollection } from 'astro:content';
import { organisationsLoader, siteWordsLoader, translationsLoader } from './lib/organisations/loader';
import { organisationSchema, translationSchema } from './lib/organisations/schema';
import { siteWordsSchema } from './lib/site-words';

/**
 * One organisation the owner supports: `src/content/organisations/<slug>.md`, its logo beside it.
 * The fields and their documentation: `lib/organisations/schema.ts`. Every check and message the
 * owner sees: `lib/organisations/` (the loader runs them all and reports every problem at once).
 */
const organisations = defineCollection({
  loader: organisationsLoader(),
  schema: ({ image }) => organisationSchema({ image }),
});

/** An organisation's text in another language: `src/content/organisations/en/<slug>.md` (name, why, cta.label, description). */
const translations = defineCollection({ loader: translationsLoader(), schema: translationSchema });

/** The page's words in each language: `src/content/site/fr.md`, `en.md` (`lib/site-words.ts`). */
const site = defineCollection({ loader: siteWordsLoader(), schema: siteWordsSchema });

export const collections = { organisations, translations, site };
