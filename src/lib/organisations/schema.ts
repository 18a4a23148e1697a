import { z } from 'astro/zod';
import { CATEGORIES, CATEGORY_IDS } from '../categories.ts';
import { endsBeforeStart, fromYamlDate, supportDateProblem } from '../support-dates.ts';
import { SUPPORT_IDS, SUPPORTS } from '../supports.ts';
import { bidiControlOf, mixedScriptLabel, userInfoOf } from './honest-text.ts';
import { schemaMessages } from './messages.ts';

/** A rule's message, given the field as written in the file (`cta.url`) and the value. */
const say = (message: (field: string, written: string) => string) => (issue: { path?: PropertyKey[] | undefined; input?: unknown }) =>
  message((issue.path ?? []).join('.'), String(issue.input));

/** Text shown on the card: not empty, and without the invisible characters that reverse it. */
const displayText = () =>
  z
    .string()
    .trim()
    .min(1)
    .refine((text) => bidiControlOf(text) === undefined, {
      error: say((field, written) => schemaMessages.bidiControl(field, bidiControlOf(written) ?? '')),
    });

/**
 * An address a visitor can follow: http or https only (never `javascript:`, `mailto:` or a bare domain),
 * leading where it reads: no space, no user info before the host, no host mixing alphabets.
 */
const webAddress = () =>
  z
    .httpUrl()
    // The URL parser accepts `https://exemple.org/ with space` and encodes it: what the card, the JSON-LD and the
    // exports would carry is then not what the owner wrote.
    .refine((address) => !(URL.canParse(address) && /\s/.test(address)), { error: say(schemaMessages.whitespace), abort: true })
    .refine((address) => userInfoOf(address) === undefined, { error: say(schemaMessages.userInfo), abort: true })
    .refine((address) => mixedScriptLabel(address) === undefined, {
      error: say((field, written) => schemaMessages.mixedScript(field, mixedScriptLabel(written) ?? written)),
    });

/** A month `2021-03` or a day `2021-03-15` that exists, not in the future. */
const supportDate = () =>
  z.preprocess(
    // Astro reads an unquoted `2021-03-15` as a Date (js-yaml); it is taken back to the text the owner wrote.
    fromYamlDate,
    z.string().refine((text) => supportDateProblem(text) === undefined, {
      error: say((field, written) => schemaMessages.supportDate(field, written, supportDateProblem(written) ?? 'format')),
    }),
  );

/**
 * The fields of one organisation's frontmatter. Each `.describe()` is the field's documentation:
 * Astro copies it into `.astro/collections/organisations.schema.json`, which the editor shows while
 * writing an entry. Each rule carries its message; `error-map.ts` words Zod's built-in issues.
 * `image` is Astro's `image()` in the collection; the loader passes a plain string in its place to
 * check an entry before Astro resolves the logo.
 */
/** The owner's reason, shown on the card as written: one or two sentences, no markup. */
const WHY_MAX_LENGTH = 280;
/** HTML tags, Markdown emphasis, links and code: they would show as written. */
const MARKUP = /<\/?[a-z!]|\*\*|__|\[[^\]]*\]\(|`/i;

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
        .describe(`La section de la page : ${CATEGORIES.map((category) => `${category.id} (${category.label})`).join(', ')}.`),
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
        .describe(
          `Facultatif : comment je soutiens, l’une de ces valeurs : ${SUPPORTS.map((support) => `${support.id} (${support.label})`).join(', ')}.`,
        ),
      until: supportDate()
        .optional()
        .describe(
          'Facultatif : la fin du soutien (AAAA-MM ou AAAA-MM-JJ, pas avant since) ; la carte passe dans « Soutenus par le passé ».',
        ),
      why: displayText()
        .refine((text) => !MARKUP.test(text), { error: say(schemaMessages.notPlainText) })
        .pipe(z.string().max(WHY_MAX_LENGTH))
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
