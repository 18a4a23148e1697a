/**
 * npm run new -- "Nom de l’organisation" https://adresse.example [--category <id>] [--logo <image>]
 *
 * Creates `src/content/organisations/<slug>.md` with every field written and commented in French,
 * and a logo beside it: a placeholder with the initials (`lib/placeholder-logo.ts`), or a copy of `--logo`.
 * It refuses (exit code 1, nothing written) a missing argument, an address that is not http(s),
 * an unknown category, an existing file, and an organisation already present under another file
 * (same name or same address, compared exactly like the build does).
 *
 * The folder is `ORGANISATIONS_DIR` (default `src/content/organisations`), relative to the current
 * directory, which is the project root under `npm run`. Works offline.
 *
 * The rules and the words come from the site's own modules (`src/lib/organisations/`: the logo check,
 * the duplicate rules, the messages), so the script never disagrees with the build. Node 24 runs `.ts`
 * files natively; the modules it imports give their own imports a `.ts` extension for that reason.
 * The address rule is the schema's own `z.httpUrl()`. Images (sharp) load only once the request is
 * checked, so that a refusal comes quickly.
 */
import { copyFile, mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'astro/zod';
import { stringify } from 'yaml';
import { CATEGORIES, CATEGORY_IDS } from '../src/lib/categories.ts';
import { findCategoryProblems } from '../src/lib/organisations/category-checks.ts';
import { findEntryProblems, type StoredEntry } from '../src/lib/organisations/checks.ts';
import { display, entryIdOf, fileNameOf } from '../src/lib/organisations/file-names.ts';
import { linkProblem } from '../src/lib/organisations/description.ts';
import { readFrontmatter } from '../src/lib/organisations/frontmatter.ts';
import { hasLogoExtension, inspectLogo, LOGO_EXTENSIONS, logoVerdictMessage } from '../src/lib/organisations/logo-check.ts';
import { bidiControlOf, mixedScriptLabel, userInfoOf } from '../src/lib/organisations/honest-text.ts';
import { fromAddressMessages, newEntryMessages, schemaMessages } from '../src/lib/organisations/messages.ts';
import { SUPPORT_IDS } from '../src/lib/supports.ts';
import { placeholderSvg } from './lib/placeholder-logo.ts';
import { readAddress, type ReadLimits } from './lib/read-address.ts';

const DEFAULT_DIR = 'src/content/organisations';

/** Reading the organisation's page: a delay per request (`NEW_FETCH_TIMEOUT_MS`, for tests), and size limits. */
const FETCH_LIMITS: ReadLimits = {
  timeoutMs: Number(process.env['NEW_FETCH_TIMEOUT_MS']) || 10_000,
  pageBytes: 2_000_000,
  logoBytes: 5_000_000,
};

/** `https://www.enercoop.fr/` → « Enercoop »: a name when the page gives none (the owner is told to check it). */
function nameFromHost(url: string): string {
  const [label = url] = new URL(url).hostname.replace(/^www\./, '').split('.');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A reason to stop without writing anything, for the owner, in French. */
class Refusal extends Error {}

const USAGE = `Ajouter une organisation à la page « Je soutiens »

Utilisation :
  npm run new -- https://adresse.example [--category <id>] [--logo <image>]
  npm run new -- "Nom de l’organisation" https://adresse.example [--category <id>] [--logo <image>]

Lit la page de l’organisation (son nom, une description, son logo), puis crée
${DEFAULT_DIR}/<nom-en-minuscules>.md, avec tous les champs à compléter expliqués en
commentaire, et le logo à côté : le meilleur que déclare la page (SVG, icône du manifeste,
apple-touch-icon, logo JSON-LD, image de partage) qui passe la vérification de la construction,
sinon un logo provisoire (un SVG avec les initiales). Sans réseau, ou si la page ne
donne rien, la fiche est créée quand même, avec le logo provisoire.

Arguments :
  "Nom"              facultatif : le nom de l’organisation, entre guillemets s’il contient des
                     espaces ; il l’emporte sur celui de la page
  https://…          l’adresse de son site (http:// ou https://)

Options :
  --category <id>    la rubrique de la carte, parmi :
${CATEGORIES.map((category) => `                       ${category.id.padEnd(20)} ${category.label['fr']}`).join('\n')}
                     (par défaut : ${CATEGORY_IDS[0]})
  --logo <image>     copie cette image comme logo au lieu du logo provisoire
                     (PNG, JPEG, WebP, AVIF, GIF, TIFF ou SVG ; l’extension est conservée)
  -h, --help         affiche cette aide

Exemples :
  npm run new -- https://www.enercoop.fr/
  npm run new -- "Les Amis de la Terre" https://www.amisdelaterre.org/ --category solidarite

Le script refuse, sans rien écrire, une adresse qui n’est pas http(s), une rubrique inconnue,
un fichier qui existe déjà, ou une organisation déjà présente (même nom ou même adresse).
Variables d’environnement : HTTP_PROXY, HTTPS_PROXY et NO_PROXY (un proxy, comme pour curl) ;
ORGANISATIONS_DIR change le dossier des fiches et NEW_FETCH_TIMEOUT_MS le délai de chaque
téléchargement, en millisecondes (10000 par défaut ; pour les tests).`;

/** The schema's own rule for `url`: http or https, and a real domain name (`exemple.org`, not `localhost`). */
const webAddress = z.httpUrl();

function isWebAddress(value: string): boolean {
  return webAddress.safeParse(value).success;
}

/** Today, in the owner's time zone, as YYYY-MM-DD. */
function today() {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** A YAML value on one line, quoted only when YAML needs it (`name: "Nom : sous-titre"`). */
function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** Text as Markdown that renders as that text: no character may start a tag, a formatting or a heading. */
function markdownText(text: string): string {
  return (
    text
      // `&` would start a character reference; `#` and `~` opening the text, a heading and a code fence.
      .replace(/[\\`*_[\]&]|^[#~]/g, '\\$&')
      .replace(/</g, '‹')
      .replace(/>/g, '›')
  );
}

/** Addresses Markdown turns into links by itself (GFM autolinks: `https://…`, `www.…`, without a final punctuation). */
const BARE_ADDRESS = /\b(?:https?:\/\/|www\.)[^\s‹›]*[^\s‹›.,:;!?'")»]/gi;

/**
 * The page's description as the build accepts it: the addresses it would refuse as links (its own rule,
 * `linkProblem`: user info, mixed alphabets) are left out, each said in `report`; the rest is escaped by `markdownText`.
 */
function descriptionText(description: string, report: (line: string) => void): string {
  const kept = description.replace(BARE_ADDRESS, (address) => {
    const asLink = address.startsWith('www.') ? `http://${address}` : address;
    if (linkProblem(asLink) === undefined) return address;
    report(fromAddressMessages.addressLeftOut(address));
    return '…';
  });
  return markdownText(kept);
}

interface NewEntry {
  name: string;
  url: string;
  logoFile: string;
  category: string;
  placeholderLogo: boolean;
  /** The description the organisation's page gives, to be rewritten by the owner. */
  description?: { value: string; source: string } | undefined;
}

/** The whole new entry: frontmatter with every field, commented, and a description (the page's, or a placeholder). */
function entryText({ name, url, logoFile, category, placeholderLogo: isPlaceholder, description }: NewEntry): string {
  const width = Math.max(...CATEGORIES.map((c) => c.id.length));
  const logoComment = isPlaceholder
    ? [
        '# Le logo, posé à côté de cette fiche. Un logo provisoire (les initiales) a été dessiné :',
        '# remplacez-le par le vrai logo (PNG, JPEG, WebP, AVIF ou SVG, au moins 448 px de large pour',
        '# un logo carré, davantage s’il est allongé). Si le nom ou l’extension du fichier change,',
        '# changez aussi cette ligne (par exemple « logo: ./mon-logo.svg »), puis supprimez le provisoire.',
      ]
    : [
        '# Le logo, posé à côté de cette fiche (PNG, JPEG, WebP, AVIF ou SVG). Si vous le remplacez par',
        '# un fichier d’un autre nom ou d’une autre extension, changez aussi cette ligne.',
      ];
  return [
    '---',
    '# Fiche créée par « npm run new ». Chaque champ est expliqué par le commentaire (les lignes en « # »)',
    '# qui le précède ; vous pouvez supprimer les commentaires une fois la fiche complétée.',
    '',
    '# Le nom de l’organisation, tel qu’il s’affiche sur la carte (titre et texte du lien).',
    `name: ${yamlScalar(name)}`,
    '',
    '# L’adresse vers laquelle mène la carte : le site de l’organisation ou la page de sa campagne.',
    '# Elle commence par https:// (ou http://).',
    `url: ${yamlScalar(url)}`,
    '',
    ...logoComment,
    `logo: ${yamlScalar(logoFile)}`,
    '',
    '# La rubrique de la page où la carte apparaît. Valeurs possibles :',
    ...CATEGORIES.map((c) => `#   ${c.id.padEnd(width)}  ${c.label['fr']}`),
    `category: ${yamlScalar(category)}`,
    '',
    '# Facultatif : un lien d’action sous la description (don, financement participatif…).',
    '# Pour l’afficher, retirez le « # » et l’espace qui suit au début des trois lignes suivantes',
    '# (gardez les deux espaces devant « label » et « url »), puis mettez l’adresse de la page de don.',
    '# cta:',
    '#   label: Faire un don',
    `#   url: ${yamlScalar(url)}`,
    '',
    '# Facultatif : la position de la carte dans sa rubrique (les plus petits nombres d’abord ;',
    '# les cartes sans « order » viennent ensuite, par ordre alphabétique).',
    '# order: 1',
    '',
    '# Facultatif : le mois (AAAA-MM) ou le jour (AAAA-MM-JJ) où votre soutien a commencé ;',
    '# la carte affiche alors « Soutenu depuis … ».',
    `# since: ${today()}`,
    '',
    '# Facultatif : « draft: true » garde la fiche visible avec « npm run dev », mais hors du site publié.',
    '# draft: true',
    '',
    `# Facultatif : comment vous soutenez : ${SUPPORT_IDS.join(', ')}.`,
    '# support: don-mensuel',
    '',
    '# Facultatif : la fin du soutien (AAAA-MM) ; la carte passe alors dans « Soutenus par le passé ».',
    '# until: 2024-05',
    '',
    '# Facultatif : pourquoi vous soutenez, en une ou deux phrases, en texte simple.',
    '# why: Parce que…',
    '',
    '# Facultatif : le fil RSS ou Atom de l’organisation, pour que les visiteurs la suivent.',
    '# feed: https://www.exemple.org/feed/',
    ...(description ? ['', ...fromAddressMessages.descriptionComment(description.source)] : []),
    '---',
    '',
    description
      ? description.value
      : `Décrivez ici en deux ou trois phrases ce que fait ${markdownText(name)} et pourquoi vous la soutenez.`,
    '',
  ].join('\n');
}

/** The frontmatter of an entry as an object, or undefined when it cannot be read (the build reports those files itself). */
function frontmatterOf(contents: string): Record<string, unknown> | undefined {
  const frontmatter = readFrontmatter(contents);
  return 'data' in frontmatter ? frontmatter.data : undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

const OPTIONS = {
  category: { type: 'string' },
  logo: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What the owner asked for, checked. */
interface Request {
  /** Undefined when only the address is given: the name is read from the organisation's page. */
  name: string | undefined;
  url: string;
  category: string;
  /** The image to copy, or undefined for a placeholder. */
  logo: string | undefined;
}

/** The command line, parsed; a mistyped option becomes a Refusal. */
function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new Refusal(newEntryMessages.missingValue);
    const option = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1];
    throw new Refusal(newEntryMessages.unknownOption(option));
  }
}

/** Reads the command line: undefined for --help, else the request. Throws a Refusal for anything the owner must change. */
function readArguments(argv: string[]): Request | undefined {
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) return undefined;

  // The address alone: `npm run new -- https://…` reads the name on the organisation's page.
  const addressOnly = positionals.length === 1 && isWebAddress((positionals[0] ?? '').trim());
  const [rawName, rawUrl, ...extra] = addressOnly ? [undefined, ...positionals] : positionals;
  const name = rawName?.replace(/\s+/g, ' ').trim();
  const url = (rawUrl ?? '').trim();
  if (extra.length > 0) throw new Refusal(newEntryMessages.tooManyArguments(positionals.length));
  if (name !== undefined && isWebAddress(name) && !isWebAddress(url)) throw new Refusal(newEntryMessages.nameFirst);
  if (!addressOnly && !name) throw new Refusal(newEntryMessages.missingName);
  if (!url) throw new Refusal(newEntryMessages.missingUrl(name ?? ''));
  if (!isWebAddress(url)) throw new Refusal(schemaMessages.webAddress('url', url));
  // The schema's other rules for names and addresses, with its words.
  const userInfo = userInfoOf(url);
  if (userInfo) throw new Refusal(schemaMessages.userInfo('url', url));
  const mixedLabel = mixedScriptLabel(url);
  if (mixedLabel) throw new Refusal(schemaMessages.mixedScript('url', mixedLabel));
  const bidi = bidiControlOf(name ?? '');
  if (bidi) throw new Refusal(schemaMessages.bidiControl('name', bidi));

  const category = values.category?.trim() ?? CATEGORY_IDS[0];
  if (!CATEGORIES.some((c) => c.id === category)) throw new Refusal(schemaMessages.unknownCategory(category));
  return { name, url, category, logo: values.logo };
}

/** Checks the image given with `--logo`, with the build's own logo check, and returns its extension, lower-cased. */
async function checkLogoFile(path: string): Promise<string> {
  if (!(await exists(path))) throw new Refusal(newEntryMessages.logoNotFound(path));
  if (!hasLogoExtension(path)) throw new Refusal(newEntryMessages.logoExtension(path, LOGO_EXTENSIONS));
  // The build's own words (unreadable, too small, animated, unsafe SVG, misnamed…).
  const problem = logoVerdictMessage(path, await inspectLogo(path));
  if (problem) throw new Refusal(problem);
  return extname(path).slice(1).toLowerCase();
}

/** Refuses an organisation that another file already describes, with the build's own rules. */
async function checkDuplicates(folder: string, slug: string, name: string, url: string): Promise<void> {
  const fileNames = (await readdir(folder)).filter((fileName) => fileName.endsWith('.md'));
  const newFile = join(folder, `${slug}.md`);
  if (await exists(newFile)) throw new Refusal(newEntryMessages.entryExists(display(newFile)));
  const sameId = fileNames.find((fileName) => entryIdOf(fileName) === slug);
  if (sameId) throw new Refusal(newEntryMessages.sameId(display(join(folder, sameId))));

  const candidate: StoredEntry = { id: slug, filePath: display(newFile), body: '-', data: { name, url } };
  for (const fileName of fileNames.sort()) {
    const path = join(folder, fileName);
    const data = frontmatterOf(await readFile(path, 'utf8'));
    if (!data) {
      console.warn(newEntryMessages.unreadableNeighbour(display(path)));
      continue;
    }
    const existing: StoredEntry = { id: entryIdOf(fileName), filePath: display(path), body: '-', data };
    // The candidate first: a match is reported on the existing file, against the candidate.
    for (const problem of findEntryProblems([candidate, existing])) {
      if (problem.field === 'name') throw new Refusal(newEntryMessages.sameName(display(path), String(data['name']), name));
      if (problem.field === 'url') throw new Refusal(newEntryMessages.sameUrl(display(path), String(data['url']), url));
    }
  }
}

/** Returns the exit code. */
async function main(argv: string[]): Promise<number> {
  // The categories file is the build's: a mistake in it is said here too, before anything else.
  const [categoryProblem] = findCategoryProblems();
  if (categoryProblem) throw new Refusal(`${categoryProblem.file} — champ « ${categoryProblem.field} » : ${categoryProblem.message}`);
  const request = readArguments(argv);
  if (!request) {
    console.log(USAGE);
    return 0;
  }
  const { url, category, logo } = request;

  // The organisation's page: its name (the owner's wins), a first description, and a logo unless one is given.
  const reading = await readAddress(url, { wantLogo: logo === undefined, limits: FETCH_LIMITS });
  for (const line of reading.report) console.log(line);
  let name = request.name ?? reading.name?.value ?? nameFromHost(url);
  if (!request.name && !reading.name) console.log(fromAddressMessages.nameFromHost(name));
  // A page's name with no letter to make a file name of (« 🌍🌱 », « — | — »): the host's, as when it gives none.
  if (!request.name && reading.name && !fileNameOf(name)) {
    name = nameFromHost(url);
    console.log(fromAddressMessages.nameWithoutLetters(reading.name.value, name));
  }
  const foundLogo = logo === undefined ? reading.logo : undefined;
  const description = reading.description && { ...reading.description, value: descriptionText(reading.description.value, console.log) };

  const slug = fileNameOf(name);
  if (!slug) throw new Refusal(newEntryMessages.noSlug(name));
  const folder = resolve(process.cwd(), process.env['ORGANISATIONS_DIR'] || DEFAULT_DIR);
  if (!(await exists(folder))) throw new Refusal(newEntryMessages.noFolder(display(folder)));
  const logoExtension = logo !== undefined ? await checkLogoFile(logo) : (foundLogo?.extension ?? 'svg');
  await checkDuplicates(folder, slug, name, url);

  const entryFile = join(folder, `${slug}.md`);
  const logoFile = join(folder, `${slug}.${logoExtension}`);
  if (await exists(logoFile)) throw new Refusal(newEntryMessages.logoExists(display(logoFile)));
  const text = entryText({
    name,
    url,
    logoFile: `./${slug}.${logoExtension}`,
    category,
    placeholderLogo: logo === undefined && !foundLogo,
    description,
  });
  // Never write a file the build would read differently from what was asked.
  const written = frontmatterOf(text);
  if (written?.['name'] !== name || written['url'] !== url || written['category'] !== category) {
    throw new Error(`new-organisation: the frontmatter does not read back as written:\n${text}`);
  }

  await mkdir(folder, { recursive: true });
  if (logo !== undefined) {
    await copyFile(logo, logoFile);
  } else if (foundLogo) {
    await writeFile(logoFile, foundLogo.body, { flag: 'wx' });
  } else {
    await writeFile(logoFile, placeholderSvg(name), { flag: 'wx' });
  }
  try {
    await writeFile(entryFile, text, { flag: 'wx' });
  } catch (error) {
    await unlink(logoFile).catch(() => {});
    throw error;
  }

  const label = CATEGORIES.find((c) => c.id === category)?.label['fr'] ?? category;
  const isPlaceholder = logo === undefined && !foundLogo;
  if (reading.problem) console.log(`\nÀ faire à la main : ${reading.problem}`);
  console.log(`${reading.report.length > 0 ? '\n' : ''}Fiche créée : ${display(entryFile)}
Logo ${isPlaceholder ? 'provisoire ' : ''}: ${display(logoFile)}
Rubrique : ${category} (${label})

Et maintenant :
  1. Ouvrez ${display(entryFile)} et ${
    reading.description
      ? `réécrivez avec vos mots la description reprise du site, sous la deuxième ligne ---
     (deux ou trois phrases, en Markdown, sans HTML).`
      : `remplacez la phrase sous la deuxième ligne --- par
     une vraie description : deux ou trois phrases, en Markdown, sans HTML.`
  }
  2. ${
    isPlaceholder
      ? `Remplacez le logo provisoire ${display(logoFile)} par le vrai logo. Même nom : rien d’autre à faire ;
     autre nom ou autre extension (.svg, .jpg…) : changez la ligne « logo: » et supprimez le provisoire.`
      : `Vérifiez le logo ${display(logoFile)} ; s’il change de nom ou d’extension, changez la ligne « logo: ».`
  }
  3. Vérifiez la rubrique (« category: »), et complétez si vous le souhaitez les champs facultatifs
     (cta, order, since, draft) en retirant leur « # ».
  4. npm run dev     pour voir la carte dans le navigateur ;
     npm run build   pour vérifier la fiche avant de publier.`);
  return 0;
}

if (import.meta.main) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    console.error(`Rien n’a été créé : ${error.message}`);
    console.error('Aide : npm run new -- --help');
    process.exitCode = 1;
  }
}
