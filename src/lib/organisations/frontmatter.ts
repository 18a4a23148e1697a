import yaml from 'js-yaml';
import { frontmatterMessages } from './messages.ts';

/**
 * The YAML header of an entry, read the way Astro reads it (js-yaml), with what is wrong in the
 * owner's words when it cannot be read. Used by the loader (to report every broken file at once),
 * the pages (a logo's source file) and `npm run new` (to find duplicates).
 */
export type Frontmatter = { data: Record<string, unknown> } | { problem: string };

const HEADER = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/;

export function readFrontmatter(contents: string): Frontmatter {
  const match = HEADER.exec(contents.replace(/^\uFEFF/, ''));
  if (!match) {
    return { problem: frontmatterMessages.noHeader };
  }
  try {
    const data = yaml.load(match[1] ?? '');
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { problem: frontmatterMessages.notAMapping };
    }
    return { data: data as Record<string, unknown> };
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    // +2: the header starts on the line after the opening ---.
    const line = error.mark ? error.mark.line + 2 : undefined;
    return { problem: frontmatterMessages.syntax(error.reason, line) };
  }
}
