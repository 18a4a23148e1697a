import { z } from 'astro/zod';
import { CATEGORIES, CATEGORY_IDS } from '../categories.ts';
import { endsBeforeStart } from '../support-dates.ts';
import { SUPPORT_IDS } from '../supports.ts';
import { displayText, plainText, supportDate, webAddress, WHY_MAX_LENGTH } from './fields.ts';
import { schemaMessages } from './messages.ts';

/**
 * The fields of one organisation's frontmatter. Each `.describe()` is the field's documentation:
 * Astro copies it into `.astro/collections/organisations.schema.json`, which the editor shows while
 * writing an entry. Each rule carries its message; `error-map.ts` words Zod's built-in issues.
 * `image` is Astro's `image()` in the collection; the loader passes a plain string in its place to
 * check an entry before Astro resolves the logo.
 */

export const organisationSchema = <Logo extends z.ZodType>({ image }: { image: () => Logo }) =>
  z
    .strictObject({
      name: displayText().describe('Le nom de l’organisation, tel qu’il s’affiche : le titre de la carte et son lien.'),
      url: webAddress().describe('L’adresse vers laquelle mène la carte, complète : https://…'),
      logo: image().describe(
        'Le fichier du logo posé à côté de la fiche, par exemple ./blast.jpg (PNG, JPEG, WebP, AVIF ou SVG ; au moins 448 px de large ou 192 px de haut).',
      ),
      category: z
        .enum(CATEGORY_IDS)
        .describe(`La section de la page : ${CATEGORIES.map((category) => `${category.id} (${category.label['fr']})`).join(', ')}.`),
      cta: z
        .strictObject({
          label: displayText().describe('Le texte du lien, par exemple « Faire un don » ou « Soutenir la campagne ».'),
          url: webAddress().describe(
            'Où mène l’appel à l’action (page de don, campagne de financement), en https://. Peut être l’adresse de la carte.',
          ),
        })
        .optional()
        .describe('Facultatif : un appel à l’action sous la description, avec label et url.'),
      order: z
        .number()
        .int()
        .optional()
        .describe('Facultatif : la position dans la catégorie (1 en premier). Sans order, ordre alphabétique.'),
      since: supportDate()
        .optional()
        .describe(
          'Facultatif : le début du soutien, un mois AAAA-MM ou un jour AAAA-MM-JJ ; la carte affiche « Soutenu depuis mars 2024 ».',
        ),
      draft: z.boolean().default(false).describe('Facultatif : true garde la fiche visible avec npm run dev, sans la publier.'),
      support: z
        .enum(SUPPORT_IDS)
        .optional()
        .describe(`Facultatif : comment je soutiens, l’une de ces valeurs : ${SUPPORT_IDS.join(', ')}.`),
      until: supportDate()
        .optional()
        .describe(
          'Facultatif : la fin du soutien (AAAA-MM ou AAAA-MM-JJ, pas avant since) ; la carte passe dans « Soutenus par le passé ».',
        ),
      why: plainText(WHY_MAX_LENGTH)
        .optional()
        .describe(`Facultatif : pourquoi je soutiens, en une ou deux phrases (texte simple, ${WHY_MAX_LENGTH} caractères au plus).`),
      feed: webAddress()
        .optional()
        .describe('Facultatif : le fil RSS ou Atom de l’organisation, pour que les visiteurs la suivent (https://…).'),
    })
    // A support ends after it starts (compared at the precision both dates share).
    .refine((entry) => !(entry.since && entry.until && endsBeforeStart(entry.since, entry.until)), {
      path: ['until'],
      error: schemaMessages.untilBeforeSince,
    });

/** An organisation's text in another language: `<folder of the entries>/<language>/<id>.md`, every field optional. */
export const translationSchema = z.strictObject({
  name: displayText().optional().describe('Le nom dans cette langue, s’il diffère.'),
  why: plainText(WHY_MAX_LENGTH).optional().describe('Pourquoi je soutiens, dans cette langue.'),
  cta: z
    .strictObject({ label: displayText() })
    .optional()
    .describe('Le texte du lien d’action, dans cette langue (son adresse reste celle de la fiche).'),
});
