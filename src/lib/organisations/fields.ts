import { z } from 'astro/zod';
import { supportDateProblem } from '../support-dates.ts';
import { bidiControlOf, mixedScriptLabel, userInfoOf } from './honest-text.ts';
import { schemaMessages } from './messages.ts';

/** The field types of every content file (organisations, their translations, the page's words, the categories). */

/** A rule's message, given the field as written in the file (`cta.url`) and the value. */
export const say =
  (message: (field: string, written: string) => string) => (issue: { path?: PropertyKey[] | undefined; input?: unknown }) =>
    message((issue.path ?? []).join('.'), String(issue.input));

/** Text shown on the card: not empty, and without the invisible characters that reverse it. */
export const displayText = () =>
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
export const webAddress = () =>
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
export const supportDate = () =>
  // The loader reads headers with `yaml`, which keeps an unquoted `2021-03-15` as the text the owner wrote.
  z.string().refine((text) => supportDateProblem(text) === undefined, {
    error: say((field, written) => schemaMessages.supportDate(field, written, supportDateProblem(written) ?? 'format')),
  });

/** The owner's reason, shown on the card as written: one or two sentences, no markup. */
export const WHY_MAX_LENGTH = 280;
/** HTML tags, Markdown emphasis, links and code: they would show as written. */
const MARKUP = /<\/?[a-z!]|\*\*|__|\[[^\]]*\]\(|`/i;

/** Text shown as written, without markup, at most `maximum` characters. */
export const plainText = (maximum: number) =>
  displayText()
    .refine((text) => !MARKUP.test(text), { error: say(schemaMessages.notPlainText) })
    .pipe(z.string().max(maximum));
