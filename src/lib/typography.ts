/**
 * French typography, applied by the build: a narrow no-break space (U+202F) before ; ! ? and inside
 * « », a no-break space (U+00A0) before : — so that a line never starts with a lone punctuation mark.
 * URLs, code and tags are never touched.
 */
const NARROW_NBSP = '\u202f';
const NBSP = '\u00a0';

/**
 * Looks like a web address, an e-mail address, a time such as 18:30, or a character reference of rendered HTML
 * (`&amp;`, whose `;` must stay with it): leave it alone.
 */
const UNTOUCHABLE = /(?:[a-z][a-z\d+.-]*:\/\/|www\.|mailto:)\S*|\S+@\S+\.\S+|\b\d{1,2}:\d{2}\b|&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/gi;

function fixText(text: string): string {
  return text
    .replace(/[ \u00a0\u202f]*([;!?])/g, (match, mark: string, offset: number) =>
      // A mark opening a text with nothing before it (`<b>Quoi</b>?`) stays as written.
      offset === 0 && match.length === 1 ? match : `${NARROW_NBSP}${mark}`,
    )
    .replace(/(\S)[ \u00a0\u202f]*:(?=\s|$)/g, `$1${NBSP}:`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NARROW_NBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NARROW_NBSP}»`)
    .replace(new RegExp(`${NARROW_NBSP}([;!?])${NARROW_NBSP}([;!?])`, 'g'), `${NARROW_NBSP}$1$2`);
}

/** Applies French spacing to plain text, leaving URLs, e-mail addresses and times untouched. */
export function frenchTypography(text: string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(UNTOUCHABLE)) {
    result += fixText(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return result + fixText(text.slice(last));
}

/** The same for rendered HTML: only text between tags, never inside <code>, <pre>, attributes or tags. */
export function frenchTypographyHtml(html: string): string {
  let insideCode = 0;
  return html
    .split(/(<[^>]+>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<(code|pre)\b/i.test(part)) insideCode++;
        else if (/^<\/(code|pre)>/i.test(part)) insideCode = Math.max(0, insideCode - 1);
        return part;
      }
      return insideCode > 0 ? part : frenchTypography(part);
    })
    .join('');
}

/** French spacing for a text written in French; other languages as written. */
export const typography = (text: string, lang: string) => (lang === 'fr' ? frenchTypography(text) : text);
export const typographyHtml = (html: string, lang: string) => (lang === 'fr' ? frenchTypographyHtml(html) : html);
