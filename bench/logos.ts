/**
 * The benchmark's generated organisations: N valid entries (unique names and urls,
 * valid categories, non-empty Markdown descriptions) with distinct logos of realistic sizes and formats.
 *
 * Logo i is always the same image (deterministic), whatever N: the logos are drawn once, with sharp from
 * `logoSvg` below (the name on a tile, with a mark), into a cache folder keyed by this file's source, and
 * copied into each benchmark project. Nothing here is timed by the benchmark.
 *
 * The mix imitates downloaded logos: 1000–2000 px wide, aspect ratios from 4:1 to 4:5;
 * 35 % PNG with alpha, 30 % JPEG, 20 % WebP, 15 % SVG.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { escapeUTF8 } from 'entities';

type Ext = 'png' | 'jpg' | 'webp' | 'svg';
type LogoMark = 'none' | 'circle' | 'square' | 'bar';
interface LogoOptions {
  name: string;
  width: number;
  height: number;
  /** null: transparent. */
  background: string | null;
  foreground: string;
  accent: string;
  mark: LogoMark;
}

/** A logo of the benchmark: the name in the foreground colour, beside a mark in the accent, on its background. */
function logoSvg({ name, width, height, background, foreground, accent, mark }: LogoOptions): string {
  const size = Math.min(height * 0.5, width / (name.length * 0.6 + (mark === 'none' ? 0 : 2)));
  const markX = width * 0.06;
  const textX = mark === 'none' ? width / 2 : markX + size * 1.4;
  const marks: Record<LogoMark, string> = {
    none: '',
    circle: `<circle cx="${markX + size / 2}" cy="${height / 2}" r="${size / 2}" fill="${accent}"/>`,
    square: `<rect x="${markX}" y="${(height - size) / 2}" width="${size}" height="${size}" fill="${accent}"/>`,
    bar: `<rect x="${markX}" y="${(height - size) / 2}" width="${size / 4}" height="${size}" fill="${accent}"/>`,
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${
    background ? `<rect width="${width}" height="${height}" fill="${background}"/>` : ''
  }${marks[mark]}<text x="${textX}" y="${height / 2}" dominant-baseline="central" text-anchor="${mark === 'none' ? 'middle' : 'start'}" font-family="DejaVu Sans, sans-serif" font-weight="700" font-size="${size}" fill="${foreground}">${escapeUTF8(name)}</text></svg>`;
}
interface GeneratedOrganisation {
  index: number;
  slug: string;
  name: string;
  url: string;
  category: string;
  ext: Ext;
  art: LogoOptions;
  body: string;
  cta?: { label: string; url: string };
  since?: string;
}

const CATEGORY_IDS = ['medias-independants', 'solidarite', 'libertes-numeriques'];

const PREFIXES = [
  'Collectif',
  'Association',
  'Fondation',
  'Réseau',
  'Atelier',
  'Maison',
  'Observatoire',
  'Coopérative',
  'Fonds',
  'Radio',
  'Revue',
  'Union',
  'Comité',
  'Alliance',
  'Cercle',
  'Institut',
  'Ligue',
  'Forum',
  'Chantier',
  'Brigade',
];
const WORDS = [
  'Aurore',
  'Boussole',
  'Cascade',
  'Dune',
  'Escale',
  'Fougère',
  'Galet',
  'Horizon',
  'Iris',
  'Jonquille',
  'Kiosque',
  'Lanterne',
  'Marée',
  'Nacelle',
  'Orée',
  'Passerelle',
  'Quartz',
  'Racine',
  'Sillon',
  'Tisserand',
  'Utopie',
  'Vigie',
  'Wagon',
  'Xylème',
  'Yole',
  'Zénith',
  'Ardoise',
  'Balise',
  'Comète',
  'Delta',
  'Éclaircie',
  'Falaise',
  'Glycine',
  'Hélice',
  'Ilot',
  'Jardin',
  'Kayak',
  'Lisière',
  'Mistral',
  'Nuée',
  'Olivier',
  'Phare',
  'Quai',
  'Rivage',
  'Semis',
  'Tamis',
  'Usine',
  'Vallon',
  'Verger',
  'Zéphyr',
  'Agora',
  'Bocage',
  'Clairière',
  'Digue',
  'Estuaire',
  'Fanal',
  'Grenier',
  'Halle',
  'Lagune',
  'Moisson',
];
const PALETTES = [
  // [background, foreground, accent] for opaque logos
  ['#1f2a44', '#f4efe6', '#e0a43a'],
  ['#0f4c45', '#f7f3ea', '#ffb347'],
  ['#3b2a7a', '#ffffff', '#ff8fab'],
  ['#161616', '#ffffff', '#e4412b'],
  ['#ffffff', '#262626', '#c0182a'],
  ['#f7f3ec', '#1d2b3a', '#1f5fa8'],
  ['#2f3e46', '#f6f1e9', '#f4a259'],
  ['#fdf6e3', '#073642', '#2aa198'],
  ['#7a1f3d', '#fff4f0', '#ffd166'],
  ['#e9f5ee', '#12372a', '#2d6a4f'],
];
const INKS = [
  // [foreground, accent] for transparent logos
  ['#1a1a1a', '#b8175a'],
  ['#141414', '#0e6b84'],
  ['#1b3a4b', '#d9623b'],
  ['#222222', '#5b3f9e'],
  ['#102a43', '#0b6e4f'],
  ['#2d2d2d', '#a8431a'],
];
const RATIOS = [4, 3, 2.5, 2, 1.5, 1.25, 1, 0.8];
const MARKS: readonly LogoMark[] = ['none', 'circle', 'square', 'bar'];
const SENTENCES = [
  'Elle informe sans publicité ni actionnaire, grâce à celles et ceux qui la lisent.',
  'Ses bénévoles interviennent partout en France, de jour comme de nuit.',
  'Le projet publie ses comptes chaque année et rend compte de chaque don reçu.',
  'On y trouve des guides pratiques, des ateliers et une permanence ouverte à toutes et à tous.',
  'Une équipe de **journalistes indépendants** enquête au long cours sur des sujets négligés.',
  'Ses logiciels libres sont utilisés par des milliers d’associations et de collectivités.',
  'Elle défend devant les tribunaux le droit à la vie privée et la liberté d’expression.',
  'Chaque mois, une lettre raconte _ce que les dons ont permis_ sur le terrain.',
  'Le collectif forme des personnes relais dans les quartiers et les villages.',
  'Ses émissions sont diffusées en direct et restent disponibles librement ensuite.',
  'Elle accueille, oriente et accompagne les personnes exilées dans leurs démarches.',
  'Le fonds soutient des rédactions locales qui couvrent des territoires oubliés.',
];

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

/** The format of logo i: 7 PNG, 6 JPEG, 4 WebP, 3 SVG in every 20. */
function extOf(i: number): Ext {
  const k = i % 20;
  return k < 7 ? 'png' : k < 13 ? 'jpg' : k < 17 ? 'webp' : 'svg';
}

/** The i-th generated organisation (0-based), the same for every N. */
function organisationAt(i: number): GeneratedOrganisation {
  if (i >= PREFIXES.length * WORDS.length) throw new RangeError(`at most ${PREFIXES.length * WORDS.length} organisations`);
  const rnd = random(0x9e3779b9 ^ (i * 2654435761));
  // Names walk the prefix×word grid with a stride coprime to its size: unique, and varied from one to the next.
  const cell = (i * 7) % (PREFIXES.length * WORDS.length);
  const word = WORDS[cell % WORDS.length] ?? 'Aurore';
  const prefix = PREFIXES[Math.floor(cell / WORDS.length)] ?? 'Collectif';
  const name = `${prefix} ${word}`;
  const slug = `org-${String(i).padStart(4, '0')}`;
  const ext = extOf(i);
  const ratio = pick(rnd, RATIOS);
  const width = ext === 'svg' ? 600 + Math.round(rnd() * 400) : 1000 + Math.round(rnd() * 1000);
  const height = Math.round(width / ratio);
  const transparent = ext === 'png' || ext === 'svg';
  const colours: (string | null | undefined)[] = transparent ? [null, ...pick(rnd, INKS)] : pick(rnd, PALETTES);
  const background = colours[0] ?? null;
  const foreground = colours[1] ?? '#1a1a1a';
  const accent = colours[2] ?? '#b8175a';
  const art: LogoOptions = { name, width, height, background, foreground, accent, mark: pick(rnd, MARKS) };
  const sentences = 1 + Math.floor(rnd() * 4);
  const body = Array.from({ length: sentences }, () => pick(rnd, SENTENCES)).join(' ');
  const organisation: GeneratedOrganisation = {
    index: i,
    slug,
    name,
    url: `https://${slug}.example.org/`,
    category: CATEGORY_IDS[i % 3] ?? 'solidarite',
    ext,
    art,
    body: `**${name}** : ${body}`,
  };
  if (rnd() < 0.4) organisation.cta = { label: 'Faire un don', url: `https://${slug}.example.org/don` };
  if (rnd() < 0.5) organisation.since = `20${10 + Math.floor(rnd() * 15)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
  return organisation;
}

/** The Markdown file of an organisation. */
function entryMarkdown(o: GeneratedOrganisation): string {
  const lines = ['---', `name: ${o.name}`, `url: ${o.url}`, `logo: ./${o.slug}.${o.ext}`, `category: ${o.category}`];
  if (o.since) lines.push(`since: ${o.since}`);
  if (o.cta) lines.push('cta:', `  label: ${o.cta.label}`, `  url: ${o.cta.url}`);
  lines.push('---', '', o.body, '');
  return lines.join('\n');
}

/**
 * Render logo artwork to a file in its format. Encoder settings are chosen for speed (this is setup,
 * not the thing measured), with byte sizes close to downloaded logos.
 */
async function renderLogo(art: LogoOptions, ext: Ext, file: string): Promise<void> {
  const svg = logoSvg(art);
  const tmp = `${file}.tmp-${process.pid}`;
  if (ext === 'svg') {
    await writeFile(tmp, svg);
  } else {
    let image = sharp(Buffer.from(svg), { density: 72 });
    if (ext === 'png') image = image.png({ compressionLevel: 6 });
    else if (ext === 'jpg') image = image.flatten({ background: '#ffffff' }).jpeg({ quality: 88 });
    else image = image.webp({ quality: 90, effort: 2 });
    await image.toFile(tmp);
  }
  await rename(tmp, file);
}

/** The cache folder's key: changes when this generator or the artwork code changes. */
async function cacheKey(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(fileURLToPath(import.meta.url)));
  hash.update(sharp.versions.vips ?? '');
  return hash.digest('hex').slice(0, 12);
}

/**
 * Make sure logos 0..n-1 exist in the cache (drawing the missing ones, `concurrency` at a time)
 * and return the cache folder.
 */
export async function ensureLogos(n: number, cacheRoot: string, log: (message: string) => void): Promise<string> {
  const folder = join(cacheRoot, `logos-${await cacheKey()}`);
  await mkdir(folder, { recursive: true });
  const missing: GeneratedOrganisation[] = [];
  for (let i = 0; i < n; i++) {
    const o = organisationAt(i);
    if (!existsSync(join(folder, `${o.slug}.${o.ext}`))) missing.push(o);
  }
  if (missing.length === 0) return folder;
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < missing.length) {
      const o = missing[next++] as GeneratedOrganisation;
      await renderLogo(o.art, o.ext, join(folder, `${o.slug}.${o.ext}`));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  log(`drew ${missing.length} logos in ${((performance.now() - started) / 1000).toFixed(1)} s (cached in ${folder})`);
  return folder;
}

/**
 * Replace the organisations folder of a project with n generated entries and their logos.
 */
export async function writeOrganisations(organisationsDir: string, n: number, logoFolder: string): Promise<GeneratedOrganisation[]> {
  await rm(organisationsDir, { recursive: true, force: true });
  await mkdir(organisationsDir, { recursive: true });
  const organisations = Array.from({ length: n }, (_, i) => organisationAt(i));
  for (const o of organisations) {
    await writeFile(join(organisationsDir, `${o.slug}.md`), entryMarkdown(o));
    await copyFile(join(logoFolder, `${o.slug}.${o.ext}`), join(organisationsDir, `${o.slug}.${o.ext}`));
  }
  return organisations;
}

/**
 * Replace one organisation's logo file with a different image (other colours, other mark), same
 * name, format and size: what an owner does when an organisation changes its logo.
 */
export async function changeLogo(organisationsDir: string, o: GeneratedOrganisation, variant: number): Promise<void> {
  const [background, foreground, accent] = PALETTES[(o.index + variant) % PALETTES.length] ?? [];
  const art: LogoOptions = {
    ...o.art,
    mark: MARKS[(variant % (MARKS.length - 1)) + 1] ?? 'circle',
    accent: accent ?? '#c2410c',
    foreground: foreground ?? '#1c1c1c',
    ...(o.art.background ? { background: background ?? '#ffffff' } : {}),
  };
  await renderLogo(art, o.ext, join(organisationsDir, `${o.slug}.${o.ext}`));
}
