/**
 * Visits every outbound link of the built site and says which ones are broken.
 *
 *   npm run build && npm run check:links
 *   npm run check:links -- [folder] [--concurrency 4] [--timeout 10000] [--retries 1] [--site https://…]
 *
 * Exit code: 0 when every link answers (directly or after redirects), 1 when one is broken
 * or unreachable, 2 when there is nothing to check (site not built) or the arguments are wrong.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkLinks, exitCodeFor, extractLinks, feedLinks, formatDuration, formatReport, mergeLinks, ownUrls } from './lib/links.ts';

const USAGE = `Vérifie les liens sortants du site construit (cartes, appels à l’action, liens des descriptions, fils des organisations).

  npm run check:links -- [dossier] [options]

  dossier              le site construit (par défaut : dist/)
  --concurrency <n>    liens vérifiés en même temps (par défaut : 4)
  --timeout <ms>       délai d’attente de chaque requête (par défaut : 10000)
  --retries <n>        nouvelles tentatives après une erreur réseau, un délai dépassé, un 5xx ou un 429 (par défaut : 1)
  --site <url>         adresse du site lui-même, dont les liens ne sont pas vérifiés (aussi : SITE_URL et
                       BASE_PATH, comme pour la construction, et l’adresse canonique de la page d’accueil)
  -h, --help           cette aide

Code de sortie : 0 si tous les liens répondent (OK ou REDIRECTED), 1 si un lien est BROKEN ou UNREACHABLE,
2 si le site n’est pas construit ou si les options sont fausses.`;

function fail(message: string): void {
  console.error(message);
  process.exitCode = 2;
}

function integer(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new Error(`--${name} attend un nombre entier ≥ ${min}, pas « ${value} ».`);
  return number;
}

const display = (path: string) => {
  const shown = relative(process.cwd(), path) || '.';
  return shown.startsWith('..') ? path : shown;
};

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        site: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  if (args.values.help) return console.log(USAGE);
  if (args.positionals.length > 1) return fail(`Un seul dossier à la fois.\n\n${USAGE}`);

  let concurrency, timeoutMs, retries;
  try {
    concurrency = integer(args.values.concurrency, 'concurrency', 1);
    timeoutMs = integer(args.values.timeout, 'timeout', 1);
    retries = integer(args.values.retries, 'retries', 0);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }

  const folder = args.positionals[0] ? resolve(args.positionals[0]) : fileURLToPath(new URL('../dist', import.meta.url));
  if (!existsSync(join(folder, 'index.html'))) {
    return fail(`Pas de site construit : ${display(join(folder, 'index.html'))} n’existe pas. Lancez d’abord « npm run build ».`);
  }

  // The site's own addresses, whose links are internal: --site, SITE_URL + BASE_PATH (as for the build),
  // and the home page's canonical URL, which is the site's root.
  const site = [...(args.values.site ?? []), ...ownUrls(await readFile(join(folder, 'index.html'), 'utf8'))];
  const { SITE_URL, BASE_PATH } = process.env;
  if (SITE_URL) {
    try {
      site.push(new URL((BASE_PATH ?? '').replace(/^\/*/, '/'), SITE_URL).href);
    } catch {
      // not a URL: the canonical URL still tells
    }
  }
  const files = (await readdir(folder, { recursive: true }))
    .filter((file) => file.endsWith('.html'))
    .sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));
  const pages = await Promise.all(
    files.map(async (file) => ({
      page: file.split(sep).join('/'),
      links: extractLinks(await readFile(join(folder, file), 'utf8'), site),
    })),
  );
  // The organisations' feeds are not on the page, only in its data.
  const data = join(folder, 'organisations.json');
  if (existsSync(data)) pages.push({ page: 'organisations.json', links: feedLinks(await readFile(data, 'utf8')) });
  const links = mergeLinks(pages);
  if (links.length === 0) {
    console.log(`Aucun lien sortant dans ${display(folder)} (${files.length} page${files.length > 1 ? 's' : ''}).`);
    return;
  }

  const settings = { concurrency: concurrency ?? 4, timeoutMs: timeoutMs ?? 10_000, retries: retries ?? 1 };
  console.log(
    `Vérification de ${links.length} liens sortants de ${display(folder)} (${files.length} page${files.length > 1 ? 's' : ''}) : ` +
      `${settings.concurrency} à la fois, délai ${formatDuration(settings.timeoutMs)}, ${settings.retries} nouvelle${settings.retries > 1 ? 's' : ''} tentative${settings.retries > 1 ? 's' : ''}.\n`,
  );
  const progress = process.stderr.isTTY;
  const started = performance.now();
  const results = await checkLinks(
    links.map((link) => link.url),
    {
      ...settings,
      onResult: progress ? (_result, done, total) => process.stderr.write(`\r${done}/${total} `) : () => {},
    },
  );
  if (progress) process.stderr.write('\r\x1b[K');
  const sources = new Map(links.map((link) => [link.url, link.sources]));
  console.log(formatReport(results, sources, performance.now() - started));
  const code = exitCodeFor(results);
  if (code !== 0) {
    console.log('Les liens BROKEN ou UNREACHABLE sont à corriger dans src/content/organisations/ (ou à revérifier plus tard si le site est seulement en panne).');
  }
  process.exitCode = code;
}

await main();
