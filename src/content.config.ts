import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { CATEGORY_IDS } from './lib/categories';
import { organisationsLoader } from './lib/organisations-loader';

/** A web address a visitor can follow: http or https only, never `javascript:`, `mailto:`, `ftp:` or a bare domain. */
function webAddress(field: string) {
  return z.httpUrl({
    error: `« ${field} » doit être une adresse web complète qui commence par https:// (ou http://), par exemple https://www.exemple.org/`,
  });
}

/**
 * One organisation the owner supports: `src/content/organisations/<slug>.md`, its logo beside it.
 * The Markdown body under the frontmatter is the card's description (it must not be empty).
 */
const organisations = defineCollection({
  loader: organisationsLoader(),
  schema: ({ image }) =>
    z.strictObject({
      /** The organisation's name, as written on its card (the card's heading and link text). */
      name: z.string({ error: '« name » doit être un texte : le nom de l’organisation.' }).trim().min(1, {
        error: '« name » est vide : écrivez le nom de l’organisation.',
      }),
      /** Where the card leads: the organisation's site or campaign page. */
      url: webAddress('url'),
      /** The logo file beside the entry, e.g. `./blast.jpg` (PNG, JPEG, WebP, AVIF or SVG). */
      logo: image(),
      /** The page section the card appears in: one of the ids of `src/lib/categories.ts`. */
      category: z.enum(CATEGORY_IDS, {
        error: `« category » doit être l’une de ces valeurs : ${CATEGORY_IDS.join(', ')}.`,
      }),
      /** Optional call to action shown under the description, e.g. « Faire un don ». */
      cta: z
        .strictObject({
          /** The link's text, e.g. « Faire un don » or « Soutenir la campagne ». */
          label: z.string().trim().min(1, { error: '« cta.label » est vide : écrivez le texte du lien.' }),
          /** Where the call to action leads (a donation or crowdfunding page). */
          url: webAddress('cta.url'),
        })
        .optional(),
      /** Optional position within its category (smaller first); entries without it come after, by name. */
      order: z.number({ error: '« order » doit être un nombre entier, par exemple 1.' }).int().optional(),
      /** Optional date the support started (« soutenu depuis »), written YYYY-MM-DD. */
      since: z.coerce.date({ error: '« since » doit être une date écrite AAAA-MM-JJ, par exemple 2024-03-01.' }).optional(),
      /** `true` keeps the entry visible in `npm run dev` and out of the published site. */
      draft: z.boolean({ error: '« draft » doit valoir true ou false.' }).default(false),
    }),
});

export const collections = { organisations };
