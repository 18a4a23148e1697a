import { z } from 'astro/zod';
import { displayText, say, webAddress } from './organisations/fields.ts';
import { wordsMessages } from './organisations/messages.ts';
import { SUPPORT_IDS } from './supports.ts';
import { fill, placeholders } from './templates.ts';

/**
 * The page's words in one language: `src/content/site/<langue>.md`, the frontmatter below and, under it, the
 * intro in Markdown (`{count}` there becomes « 10 organisations »). Each `{name}` of a text is filled in by the
 * page; the schema refuses any other, which would show as written. `.describe()` documents each field.
 */

/** A text where only `names` may appear between braces, each of `required` at least once. */
const template = (names: readonly string[] = [], required: readonly string[] = names) =>
  displayText()
    .refine((text) => placeholders(text).every((found) => names.includes(found.slice(1, -1))), {
      error: say((field, written) =>
        wordsMessages.placeholder(field, placeholders(written).find((found) => !names.includes(found.slice(1, -1))) ?? '', names),
      ),
    })
    .refine((text) => required.every((name) => text.includes(`{${name}}`)), {
      error: say((field, written) =>
        wordsMessages.missingPlaceholder(field, required.find((name) => !written.includes(`{${name}}`)) ?? ''),
      ),
    });

const text = () => template();

const locale = z.string().refine(
  (value) => {
    try {
      return Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  },
  { error: say(wordsMessages.locale) },
);

export const siteWordsSchema = z.strictObject({
  locale: locale.describe('La langue et le pays, pour les dates et les réseaux sociaux : fr-FR, en-GB…'),
  language: text().describe('Le nom de la langue dans cette langue, pour le lien qui y mène : Français, English…'),
  title: text().describe('Le titre de la page : l’onglet, les moteurs de recherche, le partage, le fil RSS.'),
  heading: text().describe('Le grand titre en haut de la page.'),
  description: text().describe('Une phrase pour les moteurs de recherche et les aperçus de lien.'),
  count: z
    .strictObject({ one: template(['n'], []), other: template(['n']) })
    .describe('Ce que devient {count} dans l’introduction : une organisation (one), ou {n} organisations (other).'),
  sections: text().describe('Le nom du sommaire des rubriques, pour les lecteurs d’écran.'),
  languages: text().describe('Le nom de la liste des langues de la page, pour les lecteurs d’écran.'),
  past: z
    .strictObject({ label: text(), intro: text() })
    .describe('La rubrique des soutiens terminés (« until ») : son titre et sa phrase.'),
  why: text().describe('Le titre de la citation « why » d’une carte.'),
  support: z
    .strictObject({
      supported: text(),
      kinds: z.strictObject(Object.fromEntries(SUPPORT_IDS.map((id) => [id, text()]))),
      in: template(['lead', 'date']),
      since: template(['lead', 'date']),
      between: template(['lead', 'start', 'end']),
      until: template(['lead', 'date']),
    })
    .describe('La ligne du soutien sur une carte : {lead} (le soutien, ou « supported ») et ses dates.'),
  feed: z
    .strictObject({
      started: template(['name']),
      contributed: template(['name']),
      ended: template(['name']),
      endedText: template(['name', 'end']),
      endedTextSince: template(['name', 'start', 'end']),
    })
    .describe('Les titres et textes du fil RSS : un soutien commence, une campagne, un soutien prend fin.'),
  footer: z
    .strictObject({ takeAway: text(), feed: text(), json: text(), opml: text(), privacy: text() })
    .describe('Le pied de page : « Emporter la liste » et ses trois liens, puis la phrase sur la vie privée.'),
  socialImage: z
    .strictObject({ subtitle: template(['n']), alt: text() })
    .describe('L’image de partage : la ligne sous le titre et son texte de remplacement.'),
  owner: z
    .strictObject({ name: text(), url: webAddress().optional() })
    .optional()
    .describe('Qui soutient (dans le fichier de la langue par défaut seulement) : name, et url (par défaut, l’adresse de la page).'),
});

export type SiteWords = z.infer<typeof siteWordsSchema> & { support: { kinds: Partial<Record<string, string>> } };

/** `{n}` of a count template, by the language's plural rules: « l’organisation », « 10 organisations ». */
export function countText(words: Pick<SiteWords, 'count' | 'locale'>, n: number): string {
  const form = new Intl.PluralRules(words.locale).select(n) === 'one' ? words.count.one : words.count.other;
  return fill(form, { n: n.toLocaleString(words.locale) });
}
