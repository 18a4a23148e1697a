import { isPair, isScalar, parseDocument, visit } from 'yaml';
import { frontmatterMessages } from './messages.ts';

/**
 * The YAML header of an entry and the Markdown under it, or what is wrong in the owner's words when the header
 * cannot be read. The one reader of headers: the loader (which stores what it read), the pages (a logo's
 * source file) and `npm run new` (to find duplicates).
 * Read with `yaml`'s alias limit: a header of nested aliases (« billion laughs ») would otherwise keep a
 * build busy for minutes; here it is refused at once. Dates stay text (`2024-03-01`), as written.
 */
export type Frontmatter = { data: Record<string, unknown>; body: string } | { problem: string; field?: string };

const HEADER = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/;
const MAX_ALIASES = 100;

export function readFrontmatter(contents: string): Frontmatter {
  const text = contents.replace(/^\uFEFF/, '');
  const match = HEADER.exec(text);
  if (!match) return { problem: frontmatterMessages.noHeader };
  let data: unknown;
  try {
    const document = parseDocument(match[1] ?? '');
    if (document.errors[0]) throw document.errors[0];
    const tagged = explicitTag(document);
    if (tagged) return { problem: frontmatterMessages.tag(tagged.tag), field: tagged.field };
    data = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (error instanceof ReferenceError && /alias count/i.test(error.message)) return { problem: frontmatterMessages.tooManyAliases };
    if (!(error instanceof Error) || !('linePos' in error)) throw error;
    const position = (error as Error & { linePos?: { line: number }[] }).linePos?.[0];
    // +1: the header starts on the line after the opening ---.
    const line = position ? position.line + 1 : undefined;
    const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return { problem: frontmatterMessages.syntax(reason, line) };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { problem: frontmatterMessages.notAMapping };
  return { data: data as Record<string, unknown>, body: text.slice(match[0].length).trim() };
}

/**
 * The first value written with an explicit YAML tag (`!!js/function`, `!custom`), and its field. A header
 * never needs one, and Astro's own YAML reader stops on the tags it does not know with a bare stack trace.
 */
function explicitTag(document: ReturnType<typeof parseDocument>): { tag: string; field: string } | undefined {
  let found: { tag: string; field: string } | undefined;
  visit(document, (_, node, path) => {
    if (!node || typeof node !== 'object' || !('tag' in node) || typeof node.tag !== 'string') return undefined;
    const keys = path.filter(isPair).map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '?'));
    found = { tag: node.tag.replace(/^tag:yaml\.org,2002:/, '!!'), field: keys.join('.') || 'en-tête' };
    return visit.BREAK;
  });
  return found;
}
