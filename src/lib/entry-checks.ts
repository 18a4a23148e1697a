/**
 * Checks across entries that a per-entry schema cannot make: an empty description,
 * two entries for the same organisation. They run in the collection's loader, so a
 * mistake stops `astro build`, `astro check` and `astro sync` with every problem listed at once.
 */

/** An entry as the content store holds it after the schema validated its frontmatter. */
export interface StoredEntry {
  id: string;
  filePath?: string | undefined;
  body?: string | undefined;
  data: Record<string, unknown>;
}

export interface EntryProblem {
  /** The entry's file, relative to the project. */
  file: string;
  /** The field to change (`body` stands for the description under the frontmatter). */
  field: string;
  /** What is wrong and what to do, for the owner. */
  message: string;
}

export function findEntryProblems(entries: readonly StoredEntry[]): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const fileOf = (entry: StoredEntry) => entry.filePath ?? entry.id;

  for (const entry of entries) {
    if (!entry.body?.trim()) {
      problems.push({
        file: fileOf(entry),
        field: 'description',
        message:
          'la description est vide : écrivez quelques phrases sous la ligne --- qui ferme l’en-tête, elles apparaîtront sur la carte.',
      });
    }
  }

  for (const field of ['name', 'url'] as const) {
    const firstByValue = new Map<string, StoredEntry>();
    for (const entry of entries) {
      const value = entry.data[field];
      if (typeof value !== 'string') continue;
      const key = duplicateKey(field, value);
      const first = firstByValue.get(key);
      if (!first) {
        firstByValue.set(key, entry);
        continue;
      }
      problems.push({
        file: fileOf(entry),
        field,
        message: `« ${value} » est déjà utilisé par ${fileOf(first)} : deux fichiers décrivent la même organisation. Gardez-en un seul (supprimez ou fusionnez l’autre).`,
      });
    }
  }
  return problems;
}

/** Names match whatever their case and accents; links whatever their trailing slash or `www.`. */
function duplicateKey(field: 'name' | 'url', value: string): string {
  if (field === 'name') {
    return value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim();
  }
  const url = new URL(value);
  url.hash = '';
  return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/$/, '')}${url.search}`.toLowerCase();
}

export function formatEntryProblems(problems: readonly EntryProblem[]): string {
  const lines = problems.map((problem) => `  • ${problem.file} — champ « ${problem.field} » : ${problem.message}`);
  const count = problems.length === 1 ? 'Une fiche d’organisation est à corriger' : `${problems.length} problèmes à corriger dans les fiches d’organisation`;
  return `${count} :\n${lines.join('\n')}`;
}
