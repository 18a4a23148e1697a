import yaml from 'js-yaml';

/**
 * The YAML header of an entry, read the way Astro reads it (js-yaml), with what is wrong in the
 * owner's words when it cannot be read. Used by the loader (to report every broken file at once),
 * the social image (an SVG logo's path) and `npm run new` (to find duplicates).
 * No extensionless imports here: `scripts/new-organisation.mjs` loads this file with Node directly.
 */
export type Frontmatter = { data: Record<string, unknown> } | { problem: string };

const HEADER = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/;

export function readFrontmatter(contents: string): Frontmatter {
  const match = HEADER.exec(contents.replace(/^\uFEFF/, ''));
  if (!match) {
    return {
      problem:
        'le fichier doit commencer par un en-tête entre deux lignes --- (name, url, logo, category…). Copiez celui d’une autre fiche.',
    };
  }
  try {
    const data = yaml.load(match[1] ?? '');
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { problem: 'l’en-tête doit être une liste de champs « nom: valeur », un par ligne.' };
    }
    return { data: data as Record<string, unknown> };
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    // +2: the header starts on the line after the opening ---.
    const line = error.mark ? error.mark.line + 2 : undefined;
    return {
      problem: `l’en-tête est mal écrit${line ? ` (vers la ligne ${line})` : ''} : ${error.reason}. Vérifiez les deux-points, les guillemets et l’indentation ; une valeur qui contient « : » ou commence par [ { # doit être entre guillemets.`,
    };
  }
}
