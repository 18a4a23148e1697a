/**
 * The `{name}` templates of the page's words (`src/content/site/<langue>.md`): how a text names what the page fills
 * in, and how it is filled. A name the page does not know stays as written; the schema refuses it first
 * (`site-words.ts`).
 */

/** Every group between braces, known or not, as written: `{count}`, `{ n }`. */
export const placeholders = (text: string) => text.match(/\{[^{}]*\}/g) ?? [];

/** A template's parts, each `{name}` replaced by its value, which need not be text (the card keeps its dates as dates). */
export function fillParts<Value>(template: string, values: Record<string, Value>): (string | Value)[] {
  return template
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? (values[part.slice(1, -1)] ?? part) : part))
    .filter((part) => part !== '');
}

/** A template with each `{name}` replaced by its value. */
export const fill = (template: string, values: Record<string, string>) => fillParts(template, values).join('');
