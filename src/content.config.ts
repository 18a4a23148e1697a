import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { CATEGORY_IDS } from './lib/categories';
import { organisationsLoader } from './lib/organisations-loader';
import { categoryMessage, missingOrWrong, unknownFieldMessage, webAddressMessage } from './lib/schema-messages';

/** A web address a visitor can follow: http or https only, never `javascript:`, `mailto:`, `ftp:` or a bare domain. */
const webAddress = (field: string) => z.httpUrl({ error: webAddressMessage(field) });

/** The optional call to action under a card's description. */
const callToActionFields = {
  /** The link's text, e.g. « Faire un don » or « Soutenir la campagne ». */
  label: z
    .string({ error: missingOrWrong('cta.label', 'un texte', 'Faire un don') })
    .trim()
    .min(1, { error: '« cta.label » est vide : écrivez le texte du lien, par exemple « Faire un don ».' }),
  /** Where it leads: a donation or crowdfunding page (it may be the card's own `url`). */
  url: webAddress('cta.url'),
};

/**
 * One organisation the owner supports: `src/content/organisations/<slug>.md`, its logo beside it.
 * The Markdown body under the frontmatter is the card's description: it must not be empty, and it
 * may not contain HTML (see `src/lib/entry-checks.ts`). Checks across entries (duplicates, logo files)
 * live in the loader, `src/lib/organisations-loader.ts`.
 */
const organisations = defineCollection({
  loader: organisationsLoader(),
  schema: ({ image }) => {
    const fields = {
      /** The organisation's name, as written on its card: the card's heading and link text. */
      name: z
        .string({ error: missingOrWrong('name', 'un texte', 'Nom de l’organisation') })
        .trim()
        .min(1, { error: '« name » est vide : écrivez le nom de l’organisation.' }),
      /** Where the card leads: the organisation's site or campaign page (http or https). */
      url: webAddress('url'),
      /** The logo file beside the entry, e.g. `./blast.jpg`: PNG, JPEG, WebP, AVIF or SVG, at least twice the card's logo box. */
      logo: image(),
      /** The page section the card appears in: one of the ids in `src/lib/categories.ts`. */
      category: z.enum(CATEGORY_IDS, { error: categoryMessage }),
      /** Optional call to action under the description, e.g. « Faire un don ». */
      cta: z.strictObject(callToActionFields, { error: unknownFieldMessage(Object.keys(callToActionFields), 'cta.') }).optional(),
      /** Optional position within its category (smaller first); entries without it follow, by name. */
      order: z.number({ error: missingOrWrong('order', 'un nombre entier', '1') }).int({ error: '« order » doit être un nombre entier, par exemple 1.' }).optional(),
      /** Optional date the support started, shown as « Soutenu depuis mars 2024 »; written YYYY-MM-DD. */
      since: z.coerce.date({ error: '« since » doit être une date écrite AAAA-MM-JJ, par exemple « since: 2024-03-01 ».' }).optional(),
      /** `true` keeps the entry visible in `npm run dev` and out of the published site. */
      draft: z.boolean({ error: '« draft » doit valoir true ou false.' }).default(false),
    };
    return z.strictObject(fields, { error: unknownFieldMessage(Object.keys(fields)) });
  },
});

export const collections = { organisations };
