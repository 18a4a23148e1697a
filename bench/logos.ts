/**
 * The benchmark's organisations: N valid entries (unique names and addresses, the three categories, Markdown
 * descriptions of one to four sentences) with distinct logos in the shapes of downloaded ones: 1000–2000 px wide
 * (SVG 600–1000), aspect ratios 4:1 to 4:5; 35 % PNG with alpha, 30 % JPEG, 20 % WebP, 15 % SVG. Each logo is a
 * shape and the entry's number, in a colour of its own, drawn with sharp. Entry i is the same whatever N.
 * Drawing is setup, never timed.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

const CATEGORIES = ['medias-independants', 'solidarite', 'libertes-numeriques'];
const PREFIXES = ['Collectif', 'Association', 'Fondation', 'Réseau', 'Atelier', 'Coopérative', 'Radio', 'Revue'];
const WORDS = ['Aurore', 'Boussole', 'Cascade', 'Escale', 'Fougère', 'Horizon', 'Lanterne', 'Marée', 'Passerelle', 'Racine', 'Vigie'];
const SENTENCES = [
  'Elle informe sans publicité ni actionnaire, grâce à celles et ceux qui la lisent.',
  'Ses bénévoles interviennent partout en France, de jour comme de nuit.',
  'Une équipe de **journalistes indépendants** enquête au long cours sur des sujets négligés.',
  'Ses logiciels libres sont utilisés par des milliers d’associations et de collectivités.',
  'Chaque mois, une lettre raconte _ce que les dons ont permis_ sur le terrain.',
  'Elle accueille, oriente et accompagne les personnes exilées dans leurs démarches.',
];
const RATIOS = [4, 3, 2.5, 2, 1.5, 1.25, 1, 0.8];

interface Organisation {
  index: number;
  slug: string;
  ext: 'png' | 'jpg' | 'webp' | 'svg';
  width: number;
  height: number;
}

function organisationAt(index: number): Organisation {
  const k = index % 20;
  const ext = k < 7 ? 'png' : k < 13 ? 'jpg' : k < 17 ? 'webp' : 'svg';
  const width = ext === 'svg' ? 600 + ((index * 211) % 400) : 1000 + ((index * 389) % 1000);
  return { index, slug: `org-${String(index).padStart(4, '0')}`, ext, width, height: Math.round(width / (RATIOS[(index * 5) % 8] ?? 1)) };
}

function entryMarkdown({ index: i, slug, ext }: Organisation): string {
  const name = `${PREFIXES[i % PREFIXES.length]} ${WORDS[i % WORDS.length]} ${i + 1}`;
  const body = Array.from({ length: 1 + (i % 4) }, (_, k) => SENTENCES[(i + 2 * k) % SENTENCES.length]).join(' ');
  const since = i % 2 ? [`since: 20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 9}`] : [];
  const cta = i % 5 < 2 ? ['cta:', '  label: Faire un don', `  url: https://${slug}.example.org/don`] : [];
  const front = [`name: ${name}`, `url: https://${slug}.example.org/`, `logo: ./${slug}.${ext}`, `category: ${CATEGORIES[i % 3]}`];
  return ['---', ...front, ...since, ...cta, '---', '', `**${name}** : ${body}`, ''].join('\n');
}

/** Draws logo `o` into `file`; another `variant` gives another image of the same name, format and size. */
async function drawLogo({ index, ext, width: w, height: h }: Organisation, file: string, variant = 0): Promise<void> {
  const hue = (index * 137 + variant * 120) % 360;
  const r = Math.min(w, h) * 0.4;
  const shape =
    (index + variant) % 2
      ? `<circle cx="${w / 2}" cy="${h / 2}" r="${r}"`
      : `<rect x="${w / 2 - r}" y="${h / 2 - r}" width="${2 * r}" height="${2 * r}"`;
  const tile = ext === 'png' || ext === 'svg' ? '' : `<rect width="${w}" height="${h}" fill="hsl(${hue}, 35%, 94%)"/>`;
  const number = `<text x="${w / 2}" y="${h / 2}" dominant-baseline="central" text-anchor="middle" font-family="sans-serif" font-weight="700" font-size="${r * 0.8}" fill="#fff">${index + 1}</text>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${tile}${shape} fill="hsl(${hue}, 60%, 35%)"/>${number}</svg>`;
  if (ext === 'svg') return writeFile(file, svg);
  const image = sharp(Buffer.from(svg));
  await (ext === 'png' ? image.png() : ext === 'jpg' ? image.jpeg({ quality: 88 }) : image.webp({ quality: 90, effort: 2 })).toFile(file);
}

/** Replaces a project's organisations folder with n generated entries and their logos. */
export async function writeOrganisations(folder: string, n: number): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const organisations = Array.from({ length: n }, (_, i) => organisationAt(i));
  await Promise.all(organisations.map((o) => writeFile(join(folder, `${o.slug}.md`), entryMarkdown(o))));
  // sharp queues the drawings on its own thread pool.
  await Promise.all(organisations.map((o) => drawLogo(o, join(folder, `${o.slug}.${o.ext}`))));
}

/** What an owner does when an organisation changes its logo: another image in the same file (entry 0, a PNG). */
export const changeLogo = (folder: string, variant: number) => drawLogo(organisationAt(0), join(folder, 'org-0000.png'), variant);
