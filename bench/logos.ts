/**
 * N valid organisations (entry i is the same whatever N) with distinct logos drawn by sharp: a shape and the entry's
 * number in a colour of its own, 1000–2000 px wide (SVG 600–1000), aspect ratios 4:1 to 4:5; 35 % PNG with alpha,
 * 30 % JPEG, 20 % WebP, 15 % SVG.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { CATEGORIES } from '../src/lib/categories.ts';

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

function organisationAt(i: number) {
  const k = i % 20;
  const ext = k < 7 ? 'png' : k < 13 ? 'jpg' : k < 17 ? 'webp' : 'svg';
  const w = ext === 'svg' ? 600 + ((i * 211) % 400) : 1000 + ((i * 389) % 1000);
  return { i, slug: `org-${String(i).padStart(4, '0')}`, ext, w, h: Math.round(w / (RATIOS[(i * 5) % 8] ?? 1)) };
}

type Organisation = ReturnType<typeof organisationAt>;
function entryMarkdown({ i, slug, ext }: Organisation): string {
  const name = `${PREFIXES[i % PREFIXES.length]} ${WORDS[i % WORDS.length]} ${i + 1}`;
  const body = Array.from({ length: 1 + (i % 4) }, (_, k) => SENTENCES[(i + 2 * k) % SENTENCES.length]).join(' ');
  const since = i % 2 ? [`since: 20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 9}`] : [];
  const cta = i % 5 < 2 ? ['cta:', '  label: Faire un don', `  url: https://${slug}.example.org/don`] : [];
  const category = CATEGORIES[i % CATEGORIES.length]?.id;
  const front = [`name: ${name}`, `url: https://${slug}.example.org/`, `logo: ./${slug}.${ext}`, `category: ${category}`];
  return ['---', ...front, ...since, ...cta, '---', '', `**${name}** : ${body}`, ''].join('\n');
}

/** Another `variant` draws another image of the same name, format and size. */
async function drawLogo(folder: string, { i, slug, ext, w, h }: Organisation, variant = 0): Promise<void> {
  const [hue, r, file] = [(i * 137 + variant * 120) % 360, Math.min(w, h) * 0.4, join(folder, `${slug}.${ext}`)];
  const square = `<rect x="${w / 2 - r}" y="${h / 2 - r}" width="${2 * r}" height="${2 * r}"`;
  const shape = (i + variant) % 2 ? `<circle cx="${w / 2}" cy="${h / 2}" r="${r}"` : square;
  const tile = ext === 'png' || ext === 'svg' ? '' : `<rect width="${w}" height="${h}" fill="hsl(${hue}, 35%, 94%)"/>`;
  const number = `<text x="${w / 2}" y="${h / 2}" dominant-baseline="central" text-anchor="middle" font-family="sans-serif" font-weight="700" font-size="${r * 0.8}" fill="#fff">${i + 1}</text>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${tile}${shape} fill="hsl(${hue}, 60%, 35%)"/>${number}</svg>`;
  if (ext === 'svg') return writeFile(file, svg);
  const image = sharp(Buffer.from(svg));
  await (ext === 'png' ? image.png() : ext === 'jpg' ? image.jpeg({ quality: 88 }) : image.webp({ quality: 90, effort: 2 })).toFile(file);
}

/** Replaces a project's organisations folder with n generated entries and their logos. */
export async function writeOrganisations(folder: string, n: number): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const all = Array.from({ length: n }, (_, i) => organisationAt(i));
  await Promise.all(all.flatMap((o) => [writeFile(join(folder, `${o.slug}.md`), entryMarkdown(o)), drawLogo(folder, o)]));
}

/** An organisation changes its logo: another image in the same file (entry 0, a PNG). */
export const changeLogo = (folder: string, variant: number) => drawLogo(folder, organisationAt(0), variant);
