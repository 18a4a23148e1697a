/**
 * npm run new -- ["Nom de l’organisation"] https://adresse.example [--category <id>] [--logo <image>]
 *
 * Creates `<slug>.md` in `ORGANISATIONS_DIR` (default `src/content/organisations`, from the project root), every
 * field written and commented in French, and its logo beside it: a copy of `--logo`, the best one the page declares
 * (`lib/read-address.ts`), or a placeholder with the initials (`lib/placeholder-logo.ts`). It refuses (exit code 1,
 * nothing written) what the build would refuse and an organisation already present under another file, with the
 * build's own rules and words (`src/lib/organisations/`), so that the script never disagrees with the build.
 * Works offline: what the page cannot give is said, and the entry written with what is known.
 * Node 24 runs `.ts` files natively: the modules it imports give their own imports a `.ts` extension.
 */
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'astro/zod';
import { stringify } from 'yaml';
import { CATEGORIES, CATEGORY_IDS, categoryOf } from '../src/lib/categories.ts';
import { findCategoryProblems } from '../src/lib/organisations/category-checks.ts';
import { findEntryProblems } from '../src/lib/organisations/checks.ts';
import { linkProblem } from '../src/lib/organisations/description.ts';
import { organisationErrorMap } from '../src/lib/organisations/error-map.ts';
import { displayText, webAddress } from '../src/lib/organisations/fields.ts';
import { display, entryIdOf, fileNameOf } from '../src/lib/organisations/file-names.ts';
import { readFrontmatter } from '../src/lib/organisations/frontmatter.ts';
import { hasLogoExtension, inspectLogo, LOGO_EXTENSIONS } from '../src/lib/organisations/logo-check.ts';
import { fromAddressMessages, newEntryMessages } from '../src/lib/organisations/messages.ts';
import { fill } from '../src/lib/templates.ts';
import { SUPPORT_IDS } from '../src/lib/supports.ts';
import { placeholderSvg } from './lib/placeholder-logo.ts';
import { readAddress } from './lib/read-address.ts';

const DEFAULT_DIR = 'src/content/organisations';

/** A text beside this script (the help, the entry, the last words), each `{key}` replaced by its value. */
const fillText = (file: string, values: Record<string, string>) => fill(readFileSync(new URL(file, import.meta.url), 'utf8'), values);

/** A reason to stop without writing anything, for the owner, in French. */
class Refusal extends Error {}

/** `npm run new -- --help`. */
const usage = () =>
  fillText('./lib/new-usage.txt', {
    folder: DEFAULT_DIR,
    categories: CATEGORIES.map((category) => `                       ${category.id.padEnd(20)} ${category.label['fr']}`).join('\n'),
    defaultCategory: CATEGORY_IDS[0],
  }).trimEnd();

/** An address as the schema's `z.httpUrl()` takes it, before its other rules: to tell a name from an address. */
const isWebAddress = (value: string) => z.httpUrl().safeParse(value).success;

/** The schema's own rules for what the owner types, checked in this order, each with its message (`error-map.ts`). */
const REQUEST = z.object({ url: webAddress(), name: displayText().optional(), category: z.enum(CATEGORY_IDS) });

/** `https://www.enercoop.fr/` → « Enercoop »: a name when the page gives none (the owner is told to check it). */
function nameFromHost(url: string): string {
  const [label = url] = new URL(url).hostname.replace(/^www\./, '').split('.');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A YAML value on one line, quoted only when YAML needs it (`name: "Nom : sous-titre"`). */
const yamlScalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

/** Text as Markdown that renders as that text: no character may start a tag, a formatting or a heading. */
const markdownText = (text: string) =>
  // `&` would start a character reference; `#` and `~` opening the text, a heading and a code fence.
  text
    .replace(/[\\`*_[\]&]|^[#~]/g, '\\$&')
    .replace(/</g, '‹')
    .replace(/>/g, '›');

/** Addresses Markdown turns into links by itself (GFM autolinks: `https://…`, `www.…`, without a final punctuation). */
const BARE_ADDRESS = /\b(?:https?:\/\/|www\.)[^\s‹›]*[^\s‹›.,:;!?'")»]/gi;

/**
 * The page's description as the build accepts it: the addresses it would refuse as links (its own rule,
 * `linkProblem`: user info, mixed alphabets) are left out, each said on the console; the rest is escaped by `markdownText`.
 */
function descriptionText(description: string): string {
  const kept = description.replace(BARE_ADDRESS, (address) => {
    if (linkProblem(address.startsWith('www.') ? `http://${address}` : address) === undefined) return address;
    console.log(fromAddressMessages.addressLeftOut(address));
    return '…';
  });
  return markdownText(kept);
}

/** The category ids, aligned in a column, and the comment above `logo:`, in a new entry. */
const ID_WIDTH = Math.max(...CATEGORIES.map((c) => c.id.length));
const LOGO_COMMENT = {
  placeholder: `# Le logo, posé à côté de cette fiche. Un logo provisoire (les initiales) a été dessiné :
# remplacez-le par le vrai logo (PNG, JPEG, WebP, AVIF ou SVG, au moins 448 px de large pour
# un logo carré, davantage s’il est allongé). Si le nom ou l’extension du fichier change,
# changez aussi cette ligne (par exemple « logo: ./mon-logo.svg »), puis supprimez le provisoire.`,
  real: `# Le logo, posé à côté de cette fiche (PNG, JPEG, WebP, AVIF ou SVG). Si vous le remplacez par
# un fichier d’un autre nom ou d’une autre extension, changez aussi cette ligne.`,
};

/** The frontmatter of an entry as an object, or undefined when it cannot be read (the build reports those files itself). */
function frontmatterOf(contents: string): Record<string, unknown> | undefined {
  const frontmatter = readFrontmatter(contents);
  return 'data' in frontmatter ? frontmatter.data : undefined;
}

/** Reads the command line: undefined for --help, else the request, checked. Throws a Refusal for anything the owner must change. */
function readArguments(argv: string[]) {
  let parsed;
  try {
    const options = { category: { type: 'string' }, logo: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
    parsed = parseArgs({ args: argv, options, allowPositionals: true });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new Refusal(newEntryMessages.missingValue);
    throw new Refusal(newEntryMessages.unknownOption(/'([^']+)'/.exec(String(error))?.[1]));
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;

  // The address alone: `npm run new -- https://…` reads the name on the organisation's page.
  const addressOnly = positionals.length === 1 && isWebAddress((positionals[0] ?? '').trim());
  const [rawName, rawUrl = '', ...extra] = addressOnly ? [undefined, ...positionals] : positionals;
  const name = rawName?.replace(/\s+/g, ' ').trim();
  const url = rawUrl.trim();
  if (extra.length > 0) throw new Refusal(newEntryMessages.tooManyArguments(positionals.length));
  if (name !== undefined && isWebAddress(name) && !isWebAddress(url)) throw new Refusal(newEntryMessages.nameFirst);
  if (!addressOnly && !name) throw new Refusal(newEntryMessages.missingName);
  if (!url) throw new Refusal(newEntryMessages.missingUrl(name ?? ''));
  const checked = REQUEST.safeParse({ url, name, category: values.category?.trim() ?? CATEGORY_IDS[0] }, { error: organisationErrorMap });
  if (!checked.success) throw new Refusal(checked.error.issues[0]?.message);
  // `name` undefined: read on the organisation's page; `logo` undefined: the page's, or a placeholder.
  return { name, url, category: checked.data.category, logo: values.logo };
}

/** Checks the image given with `--logo`, with the build's own logo check, and returns its extension, lower-cased. */
async function checkLogoFile(path: string): Promise<string> {
  if (!existsSync(path)) throw new Refusal(newEntryMessages.logoNotFound(path));
  if (!hasLogoExtension(path)) throw new Refusal(newEntryMessages.logoExtension(path, LOGO_EXTENSIONS));
  // The build's own words (unreadable, too small, animated, unsafe SVG, misnamed…).
  const { problem } = await inspectLogo(path, path);
  if (problem) throw new Refusal(problem);
  return extname(path).slice(1).toLowerCase();
}

/** Refuses an organisation that another file already describes, with the build's own rules. */
async function checkDuplicates(folder: string, slug: string, name: string, url: string): Promise<void> {
  const fileNames = (await readdir(folder)).filter((fileName) => fileName.endsWith('.md'));
  const newFile = join(folder, `${slug}.md`);
  if (existsSync(newFile)) throw new Refusal(newEntryMessages.entryExists(display(newFile)));
  const sameId = fileNames.find((fileName) => entryIdOf(fileName) === slug);
  if (sameId) throw new Refusal(newEntryMessages.sameId(display(join(folder, sameId))));

  const candidate = { id: slug, filePath: display(newFile), body: '-', data: { name, url } };
  for (const fileName of fileNames.sort()) {
    const path = join(folder, fileName);
    const data = frontmatterOf(await readFile(path, 'utf8'));
    if (!data) {
      console.warn(newEntryMessages.unreadableNeighbour(display(path)));
      continue;
    }
    // Both have a description: the only problems can be the same name, then the same address.
    const [problem] = findEntryProblems([candidate, { id: entryIdOf(fileName), filePath: display(path), body: '-', data }]);
    if (problem?.field === 'name') throw new Refusal(newEntryMessages.sameName(display(path), String(data['name']), name));
    if (problem?.field === 'url') throw new Refusal(newEntryMessages.sameUrl(display(path), String(data['url']), url));
  }
}

async function main(argv: string[]): Promise<void> {
  // The categories file is the build's: a mistake in it is said here too, before anything else.
  const [categoryProblem] = findCategoryProblems();
  if (categoryProblem) throw new Refusal(`${categoryProblem.file} — champ « ${categoryProblem.field} » : ${categoryProblem.message}`);
  const request = readArguments(argv);
  if (!request) return console.log(usage());
  const { url, category, logo } = request;

  // The organisation's page: its name (the owner's wins), a first description, and a logo unless one is given.
  const reading = await readAddress(url, logo === undefined);
  for (const line of reading.report) console.log(line);
  let name = request.name ?? reading.name?.value ?? nameFromHost(url);
  if (!request.name && !reading.name) console.log(fromAddressMessages.nameFromHost(name));
  // A page's name with no letter to make a file name of (« 🌍🌱 », « — | — »): the host's, as when it gives none.
  if (!request.name && reading.name && !fileNameOf(name)) {
    name = nameFromHost(url);
    console.log(fromAddressMessages.nameWithoutLetters(reading.name.value, name));
  }
  const description = reading.description && { ...reading.description, value: descriptionText(reading.description.value) };
  const isPlaceholder = logo === undefined && !reading.logo;

  const slug = fileNameOf(name);
  if (!slug) throw new Refusal(newEntryMessages.noSlug(name));
  const folder = resolve(process.env['ORGANISATIONS_DIR'] || DEFAULT_DIR);
  if (!existsSync(folder)) throw new Refusal(newEntryMessages.noFolder(display(folder)));
  const logoExtension = logo !== undefined ? await checkLogoFile(logo) : (reading.logo?.extension ?? 'svg');
  await checkDuplicates(folder, slug, name, url);

  const entryFile = join(folder, `${slug}.md`);
  const logoFile = join(folder, `${slug}.${logoExtension}`);
  if (existsSync(logoFile)) throw new Refusal(newEntryMessages.logoExists(display(logoFile)));
  // The whole entry: every field, commented, and a description (the page's, or a sentence to replace).
  const text = fillText('./lib/new-entry.md', {
    name: yamlScalar(name),
    url: yamlScalar(url),
    logoComment: LOGO_COMMENT[isPlaceholder ? 'placeholder' : 'real'],
    logo: yamlScalar(`./${slug}.${logoExtension}`),
    categories: CATEGORIES.map((c) => `#   ${c.id.padEnd(ID_WIDTH)}  ${c.label['fr']}`).join('\n'),
    category: yamlScalar(category),
    // Today in the owner's time zone, YYYY-MM-DD: the Swedish way of writing a date.
    today: new Date().toLocaleDateString('sv-SE'),
    supports: SUPPORT_IDS.join(', '),
    descriptionComment: description ? ['', '', ...fromAddressMessages.descriptionComment(description.source)].join('\n') : '',
    body: description
      ? description.value
      : `Décrivez ici en deux ou trois phrases ce que fait ${markdownText(name)} et pourquoi vous la soutenez.`,
  });
  // Never write a file the build would read differently from what was asked.
  const written = frontmatterOf(text);
  if (written?.['name'] !== name || written['url'] !== url || written['category'] !== category) {
    throw new Error(`new-organisation: the frontmatter does not read back as written:\n${text}`);
  }

  if (logo !== undefined) await copyFile(logo, logoFile);
  else await writeFile(logoFile, reading.logo?.body ?? placeholderSvg(name), { flag: 'wx' });
  try {
    await writeFile(entryFile, text, { flag: 'wx' });
  } catch (error) {
    await unlink(logoFile).catch(() => {});
    throw error;
  }

  if (reading.problem) console.log(`\nÀ faire à la main : ${reading.problem}`);
  const logoShown = display(logoFile);
  const done = fillText('./lib/new-done.txt', {
    entry: display(entryFile),
    provisional: isPlaceholder ? 'provisoire ' : '',
    logo: logoShown,
    category,
    label: categoryOf(category)?.label['fr'] ?? category,
    description: reading.description
      ? 'réécrivez avec vos mots la description reprise du site, sous la deuxième ligne ---\n     (deux ou trois phrases, en Markdown, sans HTML).'
      : 'remplacez la phrase sous la deuxième ligne --- par\n     une vraie description : deux ou trois phrases, en Markdown, sans HTML.',
    logoStep: isPlaceholder
      ? `Remplacez le logo provisoire ${logoShown} par le vrai logo. Même nom : rien d’autre à faire ;\n     autre nom ou autre extension (.svg, .jpg…) : changez la ligne « logo: » et supprimez le provisoire.`
      : `Vérifiez le logo ${logoShown} ; s’il change de nom ou d’extension, changez la ligne « logo: ».`,
  });
  console.log(done.trimEnd());
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  console.error(`Rien n’a été créé : ${error.message}`);
  console.error('Aide : npm run new -- --help');
  process.exitCode = 1;
}
