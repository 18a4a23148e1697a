import { defineCollection } from 'astro:content';
import { organisationsLoader } from './lib/organisations/loader';
import { organisationSchema } from './lib/organisations/schema';

/**
 * One organisation the owner supports: `src/content/organisations/<slug>.md`, its logo beside it.
 * The fields and their documentation: `lib/organisations/schema.ts`. Every check and message the
 * owner sees: `lib/organisations/` (the loader runs them all and reports every problem at once).
 */
const organisations = defineCollection({
  loader: organisationsLoader(),
  schema: ({ image }) => organisationSchema({ image }),
});

export const collections = { organisations };
