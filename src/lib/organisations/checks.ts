import { findDescriptionProblems } from './description.ts';
import { entryIdOf } from './file-names.ts';
import { hostSkeleton, mixedScriptLabel, userInfoOf } from './honest-text.ts';
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

/** The problems of an entry's Markdown as rendered (`description.ts`), named after `field`. */
export const descriptionProblems = (entry: StoredEntry, field = 'description'): EntryProblem[] =>
  findDescriptionProblems(entry.body ?? '', entry.rendered?.html ?? '').map((message) => ({
    file: entry.filePath ?? entry.id,
    field,
    message,
  }));

/** Every check on loaded entries: each description as rendered, then the rules across entries. */
export function findStoredEntryProblems(entries: readonly StoredEntry[]): EntryProblem[] {
  return [...entries.flatMap((entry) => descriptionProblems(entry)), ...findEntryProblems(entries)];
}

export function findEntryProblems(entries: readonly StoredEntry[]): EntryProblem[] {
  const fileOf = (entry: StoredEntry) => entry.filePath ?? entry.id;
  const problems: EntryProblem[] = entries
    .filter((entry) => !entry.body?.trim())
    .map((entry) => ({ file: fileOf(entry), field: 'description', message: entryMessages.emptyDescription }));

  // The loader reads the files in parallel, so the store's order changes from run to run:
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

/**
 * Names match whatever their case and accents; links whatever their trailing slash or `www.`, and
 * whatever the alphabet of a lookalike letter in the host (`lеmediatv.fr` with a Cyrillic « е »).
 */
function duplicateKey(field: 'name' | 'url', value: string): string | undefined {
  if (field === 'name') {
    return value
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLocaleLowerCase('fr')
      .replace(/\s+/g, ' ')
      .trim();
  }
  // An address refused by the schema (invalid, user info, mixed alphabets) is reported there, not here.
  const host = userInfoOf(value) || mixedScriptLabel(value) ? undefined : hostSkeleton(value);
  if (host === undefined) return undefined;
  const url = new URL(value);
  return `${host.replace(/^www\./, '')}${url.pathname.replace(/\/$/, '')}${url.search}`.toLowerCase();
}

/**
 * Files of the folder that would not be read as entries (another extension, a hidden file, a file in a
 * sub-folder: the loader reads only `<id>.md` beside the others, and would skip them without a word), or that
 * collide with another entry's id.
 */
export function findFileNameProblems(
  folder: string,
  fileNames: readonly string[],
  subfoldersWithEntries: readonly string[] = [],
): EntryProblem[] {
  const problems: EntryProblem[] = subfoldersWithEntries.map((subfolder) => ({
    file: `${folder}/${subfolder}/`,
    field: 'dossier',
    message: entryMessages.subfolder(folder),
  }));
  const firstById = new Map<string, string>();
  for (const fileName of [...fileNames].sort()) {
    const file = `${folder}/${fileName}`;
    if (fileName.startsWith('.') && /\.md$/i.test(fileName)) {
      problems.push({ file, field: 'nom du fichier', message: entryMessages.hiddenFile(fileName) });
      continue;
    }
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
