/**
 * What `npm run check:links` (scripts/check-links.ts) adds to linkinator, without the network: which card each link is
 * on, which addresses are the site itself, the report in French. Tests: tests/{unit/links,integration/check-links}.test.ts.
 */
import { STATUS_CODES } from 'node:http';
import { relative } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { LinkState, type LinkResult } from 'linkinator';

/** Where each link is: « SOCIETER (appel à l’action) », once per place. */
export type Sources = Map<string, string[]>;

function add(sources: Sources, url: string, source: string): void {
  const list = sources.get(url) ?? [];
  if (!list.includes(source)) sources.set(url, [...list, source]);
}

/** The parts of a card (src/components/OrganisationCard.astro), by class, as the report names them. */
const PARTS = { name: 'lien de la carte', description: 'lien de la description', cta: 'appel à l’action' };

/**
 * Reads a built page into `sources`: each absolute http(s) link (without its fragment) in a part of a card
 * (`<li class="card">`, named by its heading). Returns the page's `<link rel="canonical">`.
 */
export function readPage(html: string, sources: Sources): string | undefined {
  const document = parseDocument(html);
  const within = (name: string, nodes: Parameters<typeof DomUtils.findAll>[1]) =>
    DomUtils.findAll((element) => (element.attribs['class'] ?? '').split(/\s+/).includes(name), nodes);
  for (const card of within('card', document.children).filter((element) => element.name === 'li')) {
    const name = DomUtils.textContent(within('name', card.children)).replace(/\s+/g, ' ').trim();
    for (const [part, label] of Object.entries(PARTS)) {
      for (const { attribs } of DomUtils.findAll((element) => element.name === 'a', within(part, card.children))) {
        const href = attribs['href'] ?? '';
        if (/^https?:/i.test(href) && URL.canParse(href)) add(sources, new URL(href).href.replace(/#.*$/, ''), `${name} (${label})`);
      }
    }
  }
  const canonical = DomUtils.findOne((element) => element.name === 'link' && element.attribs['rel'] === 'canonical', document.children);
  return canonical?.attribs['href'];
}

/** Adds the organisations' feeds (`feed` in the built organisations.json: they are not on the page) to `sources`. */
export function readFeeds(json: string, sources: Sources): string[] {
  const { organisations = [] } = JSON.parse(json) as { organisations?: { name?: unknown; feed?: unknown }[] };
  const feeds = organisations.flatMap(({ name, feed }) => (typeof feed === 'string' ? [{ name: String(name), feed }] : []));
  for (const { name, feed } of feeds) add(sources, feed, `${name} (fil)`);
  return feeds.map(({ feed }) => feed);
}

/** Whether `url` is under one of the site's roots (`https://exemple.fr/lucas`), not a sibling (`…/lucas-bis/`). */
export function isOwnAddress(url: string, roots: string[]): boolean {
  const folder = (address: string) => address.replace(/[?#].*$/, '').replace(/\/?$/, '/');
  return roots.some((root) => folder(url).startsWith(folder(root)));
}

const REASONS: Record<string, string> = {
  ENOTFOUND: 'nom de domaine introuvable',
  ECONNREFUSED: 'connexion refusée',
  ECONNRESET: 'connexion coupée',
};

/** A short French reason for a failed request (linkinator keeps fetch's error, whose cause holds the system code). */
export function describeFailure(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (!(cause instanceof Error)) return 'erreur réseau';
  if (cause.name === 'TimeoutError') return 'pas de réponse dans le délai (délai dépassé)';
  if (/redirect count/i.test(cause.message)) return 'trop de redirections (une boucle ?)';
  const code = String((cause as { code?: unknown }).code ?? cause.name);
  return `${/CERT|TLS|SSL|SIGNATURE/.test(code) ? 'erreur TLS' : (REASONS[code] ?? cause.message)} (${code})`;
}

export const seconds = (ms: number) => `${(ms / 1000).toLocaleString('fr', { maximumFractionDigits: 1 })} s`;

type Verdict = 'OK' | 'REDIRECTED' | 'BROKEN' | 'UNREACHABLE';

/**
 * The report on linkinator's results and events ('redirect', 'retry'): a line per link broken, unreachable or
 * redirected, problems first, with where it is (its card, else its text and page), then the count of each verdict.
 * `folder`, the site's, is left out of its files' addresses; `ms`: how long it took.
 */
export function formatReport(
  results: LinkResult[],
  seen: { sources: Sources; redirects: Map<string, string>; tries: Map<string, number>; folder: string; ms: number },
) {
  const told = new Map<string, { verdict: Verdict; line: string }>();
  for (const { url, state, status = 0, failureDetails = [], displayText, parent = '' } of results) {
    // Skipped (the site's own address, mailto:…), already told, or the page that lists the feeds.
    if (state === LinkState.SKIPPED || told.has(url) || !(/^https?:/.test(url) || url.startsWith(seen.folder))) continue;
    const target = seen.redirects.get(url);
    const verdict = state === LinkState.OK ? (target ? 'REDIRECTED' : 'OK') : status ? 'BROKEN' : 'UNREACHABLE';
    const code = `${status} ${STATUS_CODES[status] ?? ''}`.trim() + (target ? ` après redirection vers ${target}` : '');
    const detail =
      verdict === 'REDIRECTED' ? `→ ${target}` : status ? code : describeFailure(failureDetails.find((item) => item instanceof Error));
    const tries = (seen.tries.get(url) ?? 1) > 1 ? ` (${seen.tries.get(url)} essais)` : '';
    const page = relative(seen.folder, parent);
    const where = seen.sources.get(url)?.join(' ; ') ?? (displayText ? `« ${displayText} » (${page})` : page);
    const shown = url.startsWith(seen.folder) ? url.slice(seen.folder.length) : url;
    told.set(url, { verdict, line: `${verdict.padEnd(11)}  ${shown} : ${detail}${tries} — ${where}` });
  }
  const all = [...told.values()];
  const of = (verdict: Verdict) => all.filter((entry) => entry.verdict === verdict);
  const problems = (['BROKEN', 'UNREACHABLE', 'REDIRECTED'] as const).flatMap((verdict) => of(verdict).map((entry) => entry.line));
  const counts = (['OK', 'REDIRECTED', 'BROKEN', 'UNREACHABLE'] as const).map((verdict) => `${of(verdict).length} ${verdict}`);
  const summary = `${all.length} lien${all.length > 1 ? 's' : ''} vérifié${all.length > 1 ? 's' : ''} en ${seconds(seen.ms)} : ${counts.join(', ')}.`;
  return {
    text: [...problems, ...(problems.length ? [''] : []), summary].join('\n'),
    broken: of('BROKEN').length + of('UNREACHABLE').length > 0,
  };
}
