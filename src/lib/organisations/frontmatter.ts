import { parse } from 'yaml';
import { frontmatterMessages } from './messages.ts';

/**
 * The YAML header of an entry, with what is wrong in the owner's words when it cannot be read. Used by
 * the loader (every header is checked before Astro reads it), the pages (a logo's source file) and
 * `npm run new` (to find duplicates).
 * Read with `yaml`'s alias limit: a header of nested aliases (« billion laughs ») would otherwise keep a
 * build busy for minutes; here it is refused at once. Dates stay text (`2024-03-01`), as written.
 */
export type Frontmatter = { data: Record<string, unknown> } | { problem: string };

const HEADER = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/;
const MAX_ALIASES = 100;

export function readFrontmatter(contents: string): Frontmatter {
  const match = HEADER.exec(contents.replace(/^\uFEFF/, ''));
  if (!match) return { problem: frontmatterMessages.noHeader };
  let data: unknown;
  try {
    data = parse(match[1] ?? '', { maxAliasCount: MAX_ALIASES });
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
  return { data: data as Record<string, unknown> };
}
