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
function duplicateKey(field: 'name' | 'url', value: string): string | undefined {
  if (field === 'name') {
    return value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim();
  }
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  url.hash = '';
  return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/$/, '')}${url.search}`.toLowerCase();
}

export function formatEntryProblems(problems: readonly EntryProblem[]): string {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file));
  const lines = sorted.map((problem) => `  • ${problem.file} — champ « ${problem.field} » : ${problem.message}`);
  const count = problems.length === 1 ? 'Une fiche d’organisation est à corriger' : `${problems.length} problèmes à corriger dans les fiches d’organisation`;
  return `${count} :\n${lines.join('\n')}`;
}

/**
 * The id Astro's `glob()` loader gives a file: its name without extension, lower-cased and
 * slugified (github-slugger). Two files with the same id would silently become one entry
 * (withastro/astro#13948), so we compare ids ourselves.
 */
export function entryIdOf(fileName: string): string {
  return fileName
    .replace(/\.[^.]+$/, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Files of the folder that are not read as entries, or that collide with another entry's id. */
export function findFileNameProblems(folder: string, fileNames: readonly string[]): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const firstById = new Map<string, string>();
  for (const fileName of [...fileNames].sort()) {
    const file = `${folder}/${fileName}`;
    if (/\.(md|markdown|mdx|mdown)$/i.test(fileName) && !fileName.endsWith('.md')) {
      problems.push({
        file,
        field: 'nom du fichier',
        message: `ce fichier est ignoré : seuls les fichiers en « .md » (en minuscules) sont lus. Renommez-le en ${fileName.replace(/\.[^.]+$/, '.md')}.`,
      });
      continue;
    }
    if (!fileName.endsWith('.md')) continue;
    const id = entryIdOf(fileName);
    const first = firstById.get(id);
    if (first) {
      problems.push({
        file,
        field: 'nom du fichier',
        message: `ce fichier et ${folder}/${first} donnent la même fiche « ${id} » (les majuscules ne comptent pas) : l’un des deux serait ignoré sans prévenir. Gardez un seul fichier, ou renommez l’autre.`,
      });
    } else {
      firstById.set(id, fileName);
    }
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
    reasons.push(
      `du HTML (« ${tag}… ») est écrit dans la description, ligne ${htmlLine + 1} du texte : les descriptions s’écrivent en Markdown seulement, sans balises HTML : retirez-les (le gras, l’italique et les liens s’écrivent en Markdown).`,
    );
  }
  for (const match of html.matchAll(/\s(?:href|src)\s*=\s*["']?([^"'\s>]*)/gi)) {
    const target = match[1] ?? '';
    if (!SAFE_LINK.test(target)) {
      reasons.push(
        `le lien « ${target} » n’est pas une adresse web : un lien de description commence par https:// (ou http://, mailto:).`,
      );
    }
  }
  if (/<script|\son\w+\s*=/i.test(html) && htmlLine === -1) {
    reasons.push('la description produit du code exécutable (script ou attribut on…) : retirez-le.');
  }
  return reasons;
}
