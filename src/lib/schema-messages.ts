import { CATEGORIES, CATEGORY_IDS } from './categories';
import { closestMatch } from './suggest';

/**
 * The owner-facing messages of the organisations schema: what is wrong with a field and how to fix it,
 * in French, naming the field as it is written in the file.
 */

/** The part of a Zod issue these messages read. */
export interface IssueLike {
  code?: string;
  input?: unknown;
  keys?: readonly string[];
}

/** `cta.label` is written `label:` on a line under `cta:`. */
function exampleLine(field: string, example: string): string {
  const [parent, child] = field.split('.');
  return child ? `« ${child}: ${example} » sous « ${parent}: »` : `« ${field}: ${example} »`;
}

export function missingOrWrong(field: string, expected: string, example: string) {
  return (issue: IssueLike): string =>
    issue.input === undefined || issue.input === null
      ? `« ${field} » manque : ajoutez une ligne ${exampleLine(field, example)}.`
      : `« ${field} » doit être ${expected}, par exemple ${exampleLine(field, example)}.`;
}

export function webAddressMessage(field: string) {
  return (issue: IssueLike): string => {
    if (issue.input === undefined || issue.input === null) {
      return `« ${field} » manque : ajoutez une ligne « ${field}: https://www.exemple.org/ ».`;
    }
    const written = String(issue.input);
    const bareDomain = /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(written);
    return bareDomain
      ? `« ${written} » n’est pas une adresse complète : écrivez « https://${written} ».`
      : `« ${written} » n’est pas une adresse web : « ${field} » doit commencer par https:// (ou http://), par exemple https://www.exemple.org/.`;
  };
}

export function categoryMessage(issue: IssueLike): string {
  const valid = CATEGORY_IDS.join(', ');
  if (issue.input === undefined || issue.input === null) {
    return `« category » manque : ajoutez « category: » suivi de l’une de ces valeurs : ${valid}.`;
  }
  const written = String(issue.input);
  const byLabel = CATEGORIES.find((category) => closestMatch(written, [category.label]))?.id;
  const suggestion = byLabel ?? closestMatch(written, CATEGORY_IDS);
  return `la catégorie « ${written} » n’existe pas.${suggestion ? ` Vouliez-vous écrire « ${suggestion} » ?` : ''} Valeurs possibles : ${valid}.`;
}

/**
 * For `z.strictObject`: name an unknown field and the closest valid one; for a nested object
 * (`where` = `cta.`) written as a single value, show the expected shape.
 */
export function unknownFieldMessage(validFields: readonly string[], where = '') {
  return (issue: IssueLike): string | undefined => {
    if (issue.code === 'invalid_type' && where && issue.input !== undefined) {
      const parent = where.replace(/\.$/, '');
      return `« ${parent} » doit contenir ${validFields.map((field) => `« ${field}: … »`).join(' et ')}, chacun sur sa ligne, en retrait sous « ${parent}: ».`;
    }
    if (issue.code !== 'unrecognized_keys') return undefined;
    return (issue.keys ?? [])
      .map((key) => {
        const suggestion = closestMatch(key, validFields);
        const advice = suggestion ? `vouliez-vous écrire « ${suggestion} » ?` : `champs possibles : ${validFields.join(', ')}.`;
        return `le champ « ${where}${key} » n’est pas reconnu : ${advice}`;
      })
      .join(' ');
  };
}
