import { entryIdOf } from './file-names.ts';
import { entryMessages, type EntryProblem } from './messages.ts';

/**
 * Checks that a per-entry schema cannot make: the folder's file names, the description, and two
 * entries for the same organisation. The loader runs them, so a mistake stops `astro build`,
 * `astro check` and `astro sync` with every problem listed at once; `npm run new` runs the duplicate rule.
 */

/** An entry as the content store holds it after the schema validated its frontmatter. */
export interface StoredEntry {
  id: string;
  filePath?: string | undefined;
  body?: string | undefined;
  data: Record<string, unknown>;
  rendered?: { html?: string } | undefined;
}

export function findEntryProblems(entries: readonly StoredEntry[]): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const fileOf = (entry: StoredEntry) => entry.filePath ?? entry.id;

  for (const entry of entries) {
    if (!entry.body?.trim()) {
      problems.push({ file: fileOf(entry), field: 'description', message: entryMessages.emptyDescription });
    }
  }

  // Astro's glob loader reads the files in parallel, so the store's order changes from run to run:
  // the original of two duplicates is the alphabetically first file, the same every time.
  // Compared without the extension, so that `le-media.md` comes before `le-media-2.md`.
  const sortKey = (entry: StoredEntry) => fileOf(entry).replace(/\.md$/i, '');
  const byFile = [...entries].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  for (const field of ['name', 'url'] as const) {
    const firstByValue = new Map<string, StoredEntry>();
    for (const entry of byFile) {
      const value = entry.data[field];
      if (typeof value !== 'string') continue;
      const key = duplicateKey(field, value);
      // An invalid address was already reported by the schema.
      if (key === undefined) continue;
      const first = firstByValue.get(key);
      if (first) problems.push({ file: fileOf(entry), field, message: entryMessages.duplicate(value, fileOf(first)) });
      else firstByValue.set(key, entry);
    }
  }
  return problems;
}

/** Names match whatever their case and accents; links whatever their trailing slash or `www.`. */
function duplicateKey(field: 'name' | 'url', value: string): string | undefined {
  if (field === 'name') {
    return value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim();
  }
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/$/, '')}${url.search}`.toLowerCase();
}

/** Files of the folder that are not read as entries, or that collide with another entry's id. */
export function findFileNameProblems(folder: string, fileNames: readonly string[]): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const firstById = new Map<string, string>();
  for (const fileName of [...fileNames].sort()) {
    const file = `${folder}/${fileName}`;
    if (/\.(md|markdown|mdx|mdown)$/i.test(fileName) && !fileName.endsWith('.md')) {
      problems.push({ file, field: 'nom du fichier', message: entryMessages.ignoredExtension(fileName) });
      continue;
    }
    if (!fileName.endsWith('.md')) continue;
    const id = entryIdOf(fileName);
    const first = firstById.get(id);
    if (first) problems.push({ file, field: 'nom du fichier', message: entryMessages.sameId(`${folder}/${first}`, id) });
    else firstById.set(id, fileName);
  }
  return problems;
}

/** Link targets a description may use: web pages and e-mail addresses, nothing that runs code. */
const SAFE_LINK = /^(https?:|mailto:|#)/i;

/**
 * Our policy for HTML in descriptions: refused. Descriptions are Markdown only, so no `<script>`,
 * event handler or `javascript:` link can ever reach the page, whatever the file contains.
 * `body` is the Markdown source (code spans and blocks may show HTML as text); `html` what it renders to.
 */
export function findUnsafeDescription(body: string, html: string): string[] {
  const reasons: string[] = [];
  const prose = body.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
  const lines = prose.split('\n');
  const htmlLine = lines.findIndex((line) => /<\/?[a-z][\w-]*(\s[^>]*)?\/?>|<!--/i.test(line));
  if (htmlLine !== -1) {
    const tag = /<\/?[a-z][\w-]*|<!--/i.exec(lines[htmlLine] ?? '')?.[0] ?? 'HTML';
    reasons.push(entryMessages.htmlInDescription(tag, htmlLine + 1));
  }
  for (const match of html.matchAll(/\s(?:href|src)\s*=\s*["']?([^"'\s>]*)/gi)) {
    const target = match[1] ?? '';
    if (!SAFE_LINK.test(target)) reasons.push(entryMessages.unsafeLink(target));
  }
  if (/<script|\son\w+\s*=/i.test(html) && htmlLine === -1) reasons.push(entryMessages.executableDescription);
  return reasons;
}
