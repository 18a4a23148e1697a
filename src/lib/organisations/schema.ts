import { z } from 'astro/zod';
import { CATEGORIES, CATEGORY_IDS } from '../categories.ts';

/**
 * The fields of one organisation's frontmatter. Each `.describe()` is the field's documentation:
 * Astro copies it into `.astro/collections/organisations.schema.json`, which the editor shows while
 * writing an entry. The schema carries no messages: `error-map.ts` turns every issue into French.
 * `image` is Astro's `image()` in the collection; the loader passes a plain string in its place to
 * check an entry before Astro resolves the logo.
 */
export const organisationSchema = <Logo extends z.ZodType>({ image }: { image: () => Logo }) =>
  z.strictObject({
    name: z.string().trim().min(1).describe('Le nom de l’organisation, tel qu’il s’affiche : le titre de la carte et son lien.'),
    // A web address a visitor can follow: http or https only, never `javascript:`, `mailto:` or a bare domain.
    url: z.httpUrl().describe('L’adresse vers laquelle mène la carte, complète : https://…'),
    logo: image().describe(
      'Le fichier du logo posé à côté de la fiche, par exemple ./blast.jpg (PNG, JPEG, WebP, AVIF ou SVG ; au moins 448 px de large ou 192 px de haut).',
    ),
    category: z
      .enum(CATEGORY_IDS)
      .describe(`La section de la page : ${CATEGORIES.map((category) => `${category.id} (${category.label})`).join(', ')}.`),
    cta: z
      .strictObject({
        label: z.string().trim().min(1).describe('Le texte du lien, par exemple « Faire un don » ou « Soutenir la campagne ».'),
        url: z
          .httpUrl()
          .describe('Où mène l’appel à l’action (page de don, campagne de financement), en https://. Peut être l’adresse de la carte.'),
      })
      .optional()
      .describe('Facultatif : un appel à l’action sous la description, avec label et url.'),
    order: z.number().int().optional().describe('Facultatif : la position dans la catégorie (1 en premier). Sans order, ordre alphabétique.'),
    since: z.coerce
      .date()
      .optional()
      .describe('Facultatif : la date du début du soutien (AAAA-MM-JJ), affichée « Soutenu depuis mars 2024 ».'),
    draft: z.boolean().default(false).describe('Facultatif : true garde la fiche visible avec npm run dev, sans la publier.'),
  });
