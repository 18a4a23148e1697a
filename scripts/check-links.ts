/**
 * `npm run check:links`: linkinator serves the built site on 127.0.0.1 and visits every link of its pages (HEAD, then
 * GET when HEAD is refused or fails); the feeds, not on the page, from a page of their own. See lib/links.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { escapeAttribute } from 'entities';
import { LinkChecker, type CheckOptions } from 'linkinator';
import { display } from '../src/lib/organisations/file-names.ts';
import { formatReport, isOwnAddress, readFeeds, readPage, seconds, type Sources } from './lib/links.ts';

const USAGE = readFileSync(new URL('./lib/check-links-usage.txt', import.meta.url), 'utf8').trimEnd();

/** A plain, honest User-Agent: who is asking, and why. */
const USER_AGENT = 'je-soutiens-link-checker/2.0 (weekly check of the links of the « Je soutiens » page, with linkinator)';

function fail(message: string): void {
  console.error(message);
  process.exitCode = 2;
}

async function main(): Promise<void> {
  let args;
  try {
    const number = { type: 'string' } as const;
    args = parseArgs({
      allowPositionals: true,
      options: {
        concurrency: number,
        timeout: number,
        retries: number,
        site: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  const { values, positionals } = args;
  if (values.help) return console.log(USAGE);
  if (positionals.length > 1) return fail(`Un seul dossier à la fois.\n\n${USAGE}`);
  const settings = { concurrency: 4, timeout: 10_000, retries: 1 };
  for (const name of ['concurrency', 'timeout', 'retries'] as const) {
    const [value = String(settings[name]), min] = [values[name], name === 'retries' ? 0 : 1];
    if (!Number.isInteger(Number(value)) || Number(value) < min)
      return fail(`--${name} attend un nombre entier ≥ ${min}, pas « ${value} ».`);
    settings[name] = Number(value);
  }
  const folder = positionals[0] ? resolve(positionals[0]) : fileURLToPath(new URL('../dist', import.meta.url));
  if (!existsSync(join(folder, 'index.html')))
    return fail(`Pas de site construit : ${display(join(folder, 'index.html'))} n’existe pas. Lancez d’abord « npm run build ».`);

  // Where each link is, and the site's own roots: the home page's canonical URL, --site, SITE_URL + BASE_PATH.
  const sources: Sources = new Map();
  const pages = (await readdir(folder, { recursive: true })).filter((file) => file.endsWith('.html'));
  const canonical = readPage(await readFile(join(folder, 'index.html'), 'utf8'), sources) ?? '';
  for (const page of pages.filter((page) => page !== 'index.html')) readPage(await readFile(join(folder, page), 'utf8'), sources);
  const roots = [...(URL.canParse(canonical) ? [canonical] : []), ...(values.site ?? [])];
  const { SITE_URL, BASE_PATH } = process.env;
  if (SITE_URL && URL.canParse(SITE_URL)) roots.push(new URL((BASE_PATH ?? '').replace(/^\/*/, '/'), SITE_URL).href);
  const data = join(folder, 'organisations.json');
  const feeds = existsSync(data) ? readFeeds(await readFile(data, 'utf8'), sources) : [];
  // Under a BASE_PATH the pages link to /base/…, which the folder holds at /… (linkinator serves it on 127.0.0.1).
  const base = (URL.canParse(canonical) ? new URL(canonical).pathname : '/').replace(/\/?$/, '/');
  const basePattern = new RegExp(`^(http://127\\.0\\.0\\.1:\\d+)${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

  const checker = new LinkChecker();
  const redirects = new Map<string, string>();
  const tries = new Map<string, number>();
  checker.on('redirect', ({ url, targetUrl }) => targetUrl && redirects.set(url, targetUrl));
  checker.on('retry', ({ url }) => tries.set(url, (tries.get(url) ?? 1) + 1));
  const { concurrency, timeout, retries } = settings;
  const options: Omit<CheckOptions, 'path'> = {
    recurse: true,
    concurrency,
    timeout,
    redirects: 'warn',
    userAgent: USER_AGENT,
    // Retry-After is honoured on a 429; 5xx, 429 and network errors are retried after 2 s (then 4 s…) plus up to 1 s.
    retry: true,
    retryErrors: retries > 0,
    retryErrorsCount: retries,
    retryErrorsJitter: 1000,
    linksToSkip: async (link) => isOwnAddress(link, roots),
    urlRewriteExpressions: base === '/' ? [] : [{ pattern: basePattern, replacement: '$1/' }],
  };
  console.log(
    `Vérification de ${display(folder)} : ${pages.length} page(s), ${feeds.length} fil(s), ${concurrency} requêtes à la fois, délai ${seconds(timeout)}, ${retries} nouvelle(s) tentative(s).\n`,
  );
  const started = performance.now();
  const { links: results } = await checker.check({ ...options, path: pages.map((page) => join(folder, page)) });
  if (feeds.length > 0) {
    const temporary = await mkdtemp(join(tmpdir(), 'check-links-'));
    await writeFile(join(temporary, 'index.html'), feeds.map((url) => `<a href="${escapeAttribute(url)}">fil</a>`).join('\n'));
    const { links } = await checker.check({ ...options, path: temporary }).finally(() => rm(temporary, { recursive: true, force: true }));
    results.push(...links);
  }
  const { text, broken } = formatReport(results, { sources, redirects, tries, folder, ms: performance.now() - started });
  console.log(text);
  if (broken)
    console.log(
      '\nLes liens BROKEN ou UNREACHABLE sont à corriger dans src/content/organisations/ (ou à revérifier plus tard si le site est seulement en panne).',
    );
  process.exitCode = broken ? 1 : 0; // and 2 from fail(): no built site, wrong arguments
}

await main();
