import { Parser } from 'htmlparser2';
import { mixedScriptLabel, userInfoOf } from './honest-text.ts';
import { descriptionMessages } from './messages.ts';

/**
 * The description is checked as it is published: its rendered HTML (the page, the feed and the JSON-LD
 * all carry it) must hold only what Markdown writes for prose. Anything else stops the build: raw HTML
 * (even a tag split over several lines), images (the logo is the card's image), headings, tables, and
 * links that are not plain web or e-mail addresses. `body` is the Markdown, to point at the line.
 */
const ALLOWED_ELEMENTS = new Set('p br strong em b i a ul ol li code pre blockquote del s sup sub hr'.split(' '));
/** Attributes Markdown itself writes, per element. */
const ALLOWED_ATTRIBUTES: Record<string, (name: string, value: string) => boolean> = {
  a: (name) => name === 'href' || name === 'title',
  code: (name, value) => name === 'class' && /^language-[\w+-]+$/.test(value),
  ol: (name, value) => name === 'start' && /^\d+$/.test(value),
};
/** Where a description link may lead: a web page, an e-mail address, a place on this page. */
const SAFE_LINK = /^(https?:|mailto:|#)/i;

export function findDescriptionProblems(body: string, html: string): string[] {
  const problems = new Set<string>();
  const rawHtml = (needle: string) => problems.add(descriptionMessages.rawHtml(needle, lineOf(body, needle)));

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const attributeAllowed = ALLOWED_ATTRIBUTES[name] ?? (() => false);
        const extraAttribute = Object.entries(attributes).find(([attribute, value]) => !attributeAllowed(attribute, value));
        if (ALLOWED_ELEMENTS.has(name) && !extraAttribute) {
          if (name === 'a') checkLink(attributes['href'] ?? '', body, problems);
          return;
        }
        // Written as HTML in the Markdown (a tag may continue on the next lines), or produced by Markdown.
        if (new RegExp(`<${name}(?=[\\s>/]|$)`, 'im').test(body)) rawHtml(`<${name}`);
        else if (name === 'img') problems.add(descriptionMessages.image(lineOf(body, '![')));
        else if (/^h[1-6]$/.test(name)) problems.add(descriptionMessages.heading(lineOf(body, '#')));
        else problems.add(descriptionMessages.element(name, extraAttribute?.[0]));
      },
      oncomment() {
        rawHtml('<!--');
      },
      onprocessinginstruction(name) {
        rawHtml(`<${name}`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return [...problems];
}

function checkLink(href: string, body: string, problems: Set<string>): void {
  const problem = linkProblem(href, body);
  if (problem) problems.add(problem);
}

/** Why the build refuses a description link, or undefined: the one rule, for the build and for `npm run new`. */
export function linkProblem(href: string, body = ''): string | undefined {
  if (!SAFE_LINK.test(href)) return descriptionMessages.unsafeLink(href);
  if (userInfoOf(href)) return descriptionMessages.userInfo(href);
  if (mixedScriptLabel(href)) return descriptionMessages.mixedScript(href, lineOf(body, href));
  return undefined;
}

/** The first line of the Markdown (1 = its first line) that contains `needle`, case-insensitive. */
function lineOf(body: string, needle: string): number | undefined {
  const index = body.split('\n').findIndex((line) => line.toLowerCase().includes(needle.toLowerCase()));
  return index === -1 ? undefined : index + 1;
}
