import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { CATEGORIES, CATEGORY_IDS } from './lib/categories';
import { organisationsLoader } from './lib/organisations-loader';
import { categoryMessage, missingOrWrong, unknownFieldMessage, webAddressMessage } from './lib/schema-messages';

// Each field's `.describe()` is its documentation: Astro copies it into the JSON schema
// (`.astro/collections/organisations.schema.json`) that the editor shows while writing an entry.

/** A web address a visitor can follow: http or https only, never `javascript:`, `mailto:`, `ftp:` or a bare domain. */
const webAddress = (field: string) => z.httpUrl({ error: webAddressMessage(field) });

const callToActionFields = {
  label: z
    .string({ error: missingOrWrong('cta.label', 'un texte', 'Faire un don') })
    .trim()
    .min(1, { error: '« cta.label » est vide : écrivez le texte du lien, par exemple « Faire un don ».' })
    .describe('Le texte du lien, par exemple « Faire un don » ou « Soutenir la campagne ».'),
  url: webAddress('cta.url').describe(
    'Où mène l’appel à l’action (page de don, campagne de financement), en https://. Peut être l’adresse de la carte.',
  ),
};

/**
 * One organisation the owner supports: `src/content/organisations/<slug>.md`, its logo beside it.
 * The Markdown body under the frontmatter is the card's description: it must not be empty, and it
 * may not contain HTML. Those checks, and the ones across entries (duplicates, logo files), live in
 * the loader: `src/lib/organisations-loader.ts`.
 */
const organisations = defineCollection({
  loader: organisationsLoader(),
  schema: ({ image }) => {
    const fields = {
      name: z
        .string({ error: missingOrWrong('name', 'un texte', 'Nom de l’organisation') })
        .trim()
        .min(1, { error: '« name » est vide : écrivez le nom de l’organisation.' })
        .describe('Le nom de l’organisation, tel qu’il s’affiche : le titre de la carte et son lien.'),
      url: webAddress('url').describe('L’adresse vers laquelle mène la carte, complète : https://…'),
      logo: image().describe(
        'Le fichier du logo posé à côté de la fiche, par exemple ./blast.jpg (PNG, JPEG, WebP, AVIF ou SVG ; au moins 448 px de large ou 192 px de haut).',
      ),
      category: z
        .enum(CATEGORY_IDS, { error: categoryMessage })
        .describe(`La section de la page : ${CATEGORIES.map((category) => `${category.id} (${category.label})`).join(', ')}.`),
      cta: z
        .strictObject(callToActionFields, { error: unknownFieldMessage(Object.keys(callToActionFields), 'cta.') })
        .optional()
        .describe('Facultatif : un appel à l’action sous la description, avec label et url.'),
      order: z
        .number({ error: missingOrWrong('order', 'un nombre entier', '1') })
        .int({ error: '« order » doit être un nombre entier, par exemple « order: 1 ».' })
        .optional()
        .describe('Facultatif : la position dans la catégorie (1 en premier). Sans order, ordre alphabétique.'),
      since: z.coerce
        .date({ error: '« since » doit être une date écrite AAAA-MM-JJ, par exemple « since: 2024-03-01 ».' })
        .optional()
        .describe('Facultatif : la date du début du soutien (AAAA-MM-JJ), affichée « Soutenu depuis mars 2024 ».'),
      draft: z
        .boolean({ error: '« draft » doit valoir true ou false.' })
        .default(false)
        .describe('Facultatif : true garde la fiche visible avec npm run dev, sans la publier.'),
    };
    return z.strictObject(fields, { error: unknownFieldMessage(Object.keys(fields)) });
  },
});

export const collections = { organisations };
