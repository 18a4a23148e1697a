import { parse as parseColour, wcagContrast } from 'culori';
import { z } from 'astro/zod';
import { CATEGORIES_FILE, CATEGORIES_YAML } from '../categories.ts';
import { DEFAULT_LANG, LANGS } from '../i18n.ts';
import { fieldIssues, organisationErrorMap } from './error-map.ts';
import { displayText, say } from './fields.ts';
import { categoryMessages, type EntryProblem } from './messages.ts';

/** The page and card backgrounds of `src/styles/global.css` (`--page`, `--card`), which an accent is read on. */
export const BACKGROUNDS = { light: ['#f8f6f1', '#ffffff'], dark: ['#141311', '#1d1b18'] } as const;
/** WCAG AA for text: an accent colours labels and links. */
const MINIMUM_CONTRAST = 4.5;

/** A text in each language: the default one required, the others optional (French is shown where they are missing). */
const inEachLanguage = () =>
  z.strictObject(Object.fromEntries(LANGS.map((lang) => [lang, lang === DEFAULT_LANG ? displayText() : displayText().optional()])));

const lowestContrast = (colour: string, mode: keyof typeof BACKGROUNDS) =>
  Math.min(...BACKGROUNDS[mode].map((background) => wcagContrast(colour, background)));

/** A CSS colour that reads at 4.5:1 at least on the page and on the cards of its mode. */
const accent = (mode: keyof typeof BACKGROUNDS) =>
  z
    .string()
    .refine((colour) => parseColour(colour) !== undefined, { error: say(categoryMessages.notAColour), abort: true })
    .refine((colour) => lowestContrast(colour, mode) >= MINIMUM_CONTRAST, {
      error: say((field, written) => categoryMessages.lowContrast(field, written, lowestContrast(written, mode), mode)),
    });

const categoriesSchema = z
  .array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: say(categoryMessages.id) }),
      label: inEachLanguage(),
      intro: inEachLanguage(),
      accent: z.strictObject({ light: accent('light'), dark: accent('dark') }),
    }),
  )
  .min(1, { error: categoryMessages.empty });

/** Every problem of `src/content/categories.yaml`, each named after its category: « libertes-numeriques.accent.dark ». */
export function findCategoryProblems(): EntryProblem[] {
  const problem = (field: string, message: string) => ({ file: CATEGORIES_FILE, field, message });
  if ('error' in CATEGORIES_YAML) return [problem('fichier', categoryMessages.unreadable(CATEGORIES_YAML.error))];
  const { data } = CATEGORIES_YAML;
  if (!Array.isArray(data)) return [problem('fichier', categoryMessages.notAList)];
  const nameOf = (index: string) => String((data[Number(index)] as { id?: unknown } | undefined)?.id ?? `n° ${Number(index) + 1}`);
  const parsed = categoriesSchema.safeParse(data, { error: organisationErrorMap });
  const problems = parsed.success
    ? []
    : fieldIssues(parsed.error).map(({ field, message }) =>
        problem(
          field.replace(/^\d+/, nameOf),
          message.replace(/« (\d+)\./g, (_, index: string) => `« ${nameOf(index)}.`),
        ),
      );
  const ids = data.map((item) => (item as { id?: unknown } | null)?.id);
  ids.forEach((id, index) => {
    if (typeof id === 'string' && ids.indexOf(id) !== index) problems.push(problem(id, categoryMessages.duplicate(id)));
  });
  return problems;
}
