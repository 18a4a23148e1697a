/**
 * The outbound-link checker's core, without the filesystem: `extractLinks` reads the links of one HTML
 * page (with htmlparser2), `checkLinks` visits URLs and classifies them, `formatReport` prints the table.
 * The command line is `scripts/check-links.ts`; the tests are `tests/unit/links.test.ts` and `tests/integration/check-links.test.ts`.
 */
import { STATUS_CODES } from 'node:http';
import { Parser } from 'htmlparser2';

/** A plain, honest User-Agent: who is asking, and why. */
const USER_AGENT = 'je-soutiens-link-checker/1.0 (weekly check of the outbound links of the « Je soutiens » page)';
/** Hops followed before giving up. */
const MAX_REDIRECTS = 10;

type LinkStatus = 'OK' | 'REDIRECTED' | 'BROKEN' | 'UNREACHABLE';

/**
 * One outbound link of the site, de-duplicated: where it points, and where it appears
 * (link text, after the heading of the card or section that holds it).
 */
interface Link {
  url: string;
  sources: string[];
}

/** The verdict on one URL. */
export interface LinkResult {
  /** the URL as checked */
  url: string;
  status: LinkStatus;
  /** the HTTP status of each hop (empty when nothing answered) */
  codes: number[];
  /** where the redirects led (or the hop that failed) */
  finalUrl: string;
  /** what to show: codes, final URL, or the reason it is unreachable */
  detail: string;
  /** how many requests it took (HEAD, GET fallbacks, retries, hops) */
  requests: number;
  /** how long it took */
  ms: number;
}

interface CheckOptions {
  /** links in flight at once (default 4) */
  concurrency?: number;
  /** per request, until the response headers (default 10 000) */
  timeoutMs?: number;
  /** extra attempts after a network error, a timeout, a 5xx or a 429 (default 1) */
  retries?: number;
  /** pause before a retry (default 1 000) */
  retryDelayMs?: number;
  fetchImpl?: typeof fetch;
  onResult?: (result: LinkResult, done: number, total: number) => void;
}

// ---------------------------------------------------------------------------------------------------
// Reading links out of HTML

/** Elements whose content is neither the page's text nor its links: skipped whole. */
const SKIPPED = new Set(['script', 'style', 'template', 'textarea', 'title']);

interface PageHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/**
 * Reads `html` with htmlparser2 (tag and attribute names lower-cased, character references decoded),
 * outside comments and the SKIPPED elements.
 */
function readPage(html: string, handlers: PageHandlers): void {
  let skipping = 0;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (SKIPPED.has(name)) skipping++;
      else if (skipping === 0) handlers.open?.(name, attributes);
    },
    onclosetag(name) {
      if (SKIPPED.has(name)) skipping--;
      else if (skipping === 0) handlers.close?.(name);
    },
    ontext(text) {
      if (skipping === 0) handlers.text?.(text);
    },
  });
  parser.end(html);
}

const squash = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

/**
 * An address of the site as a prefix ending with `/`, without query or fragment: the root itself
 * (`https://exemple.fr/lucas` → `https://exemple.fr/lucas/`), or, for a page, its folder
 * (`https://exemple.fr/lucas/a-propos` → `https://exemple.fr/lucas/`). Undefined unless absolute http(s).
 */
function sitePrefix(url: string, kind: 'root' | 'page'): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.origin + (kind === 'root' ? parsed.pathname.replace(/\/?$/, '/') : parsed.pathname.replace(/[^/]*$/, ''));
  } catch {
    return undefined;
  }
}

/** The page's own addresses, as stated by `<link rel="canonical">` and `<meta property="og:url">`. */
export function ownUrls(html: string): string[] {
  const urls: string[] = [];
  readPage(html, {
    open(name, attributes) {
      if (name === 'link' && /(^|\s)canonical(\s|$)/i.test(attributes['rel'] ?? '')) urls.push(attributes['href'] ?? '');
      if (name === 'meta' && attributes['property'] === 'og:url') urls.push(attributes['content'] ?? '');
    },
  });
  return urls.filter(Boolean);
}

/** Where a relative URL resolves when the page's own address is unknown. */
const INTERNAL = 'https://this-site.invalid/';

/**
 * The outbound links of one page: every `<a href>` to http(s) outside the site, de-duplicated
 * (a fragment does not make another link), in the order they first appear. Internal links
 * (`#…`, `/…`, relative paths, absolute URLs under the site's own address) and other schemes
 * (`mailto:`…) are left out.
 *
 * Each source reads « heading › link text », the heading being the last `<h1>`–`<h6>` before the link
 * (on this site, the card's name), or the link text alone when it is the heading.
 *
 * `site`: the site's own address(es), root included (`https://exemple.fr/base/`); the page's
 * `<link rel="canonical">` and `og:url` count too.
 */
export function extractLinks(html: string, site?: string | string[]): Link[] {
  const roots = site === undefined ? [] : Array.isArray(site) ? site : [site];
  const own = new Set(
    [...roots.map((url) => sitePrefix(url, 'root')), ...ownUrls(html).map((url) => sitePrefix(url, 'page'))].filter(
      (prefix) => prefix !== undefined,
    ),
  );
  const links = new Map<string, Link>();
  let anchor: { href: string; text: string; label: string; inHeading: boolean } | undefined;
  let heading: { text: string } | undefined;
  let lastHeading = '';

  const closeAnchor = () => {
    if (!anchor) return;
    const { href, label } = anchor;
    // The text without a trailing decorative arrow (« Faire un don → »).
    const text = (squash(anchor.text) || squash(label)).replace(/\s*[→›»]+$/, '');
    const inHeading = anchor.inHeading;
    anchor = undefined;
    const url = outboundUrl(href, own);
    if (!url) return;
    // A link inside a heading is the card's own link: its text is the card's name.
    const context = inHeading ? '' : lastHeading;
    const source = !text ? context || '(lien sans texte)' : !context || text === context ? text : `${context} › ${text}`;
    const link = links.get(url);
    if (!link) links.set(url, { url, sources: [source] });
    else if (!link.sources.includes(source)) link.sources.push(source);
  };

  readPage(html, {
    open(name, attributes) {
      if (name === 'a') {
        closeAnchor(); // an <a> never nests: a new one ends the previous one
        const href = attributes['href'];
        if (href !== undefined) anchor = { href, text: '', label: attributes['aria-label'] ?? attributes['title'] ?? '', inHeading: !!heading };
      } else if (/^h[1-6]$/.test(name)) heading = { text: '' };
      else if (name === 'img' && anchor) anchor.label ||= attributes['alt'] ?? '';
      else if (anchor && /^(br|p|div|li)$/.test(name)) anchor.text += ' ';
    },
    close(name) {
      if (name === 'a') closeAnchor();
      else if (/^h[1-6]$/.test(name) && heading) {
        lastHeading = squash(heading.text);
        heading = undefined;
      }
    },
    text(text) {
      if (anchor) anchor.text += text;
      if (heading) heading.text += text;
    },
  });
  closeAnchor();
  return [...links.values()];
}

/**
 * The absolute http(s) URL of an outbound `href`, without its fragment; undefined for anything else.
 * `own`: the site's address prefixes (ending with `/`).
 */
function outboundUrl(href: string, own: Set<string>): string | undefined {
  let url;
  try {
    url = new URL(href.trim(), INTERNAL);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.origin === new URL(INTERNAL).origin) return undefined;
  const folder = `${url.origin}${url.pathname.replace(/\/?$/, '/')}`;
  if ([...own].some((prefix) => folder.startsWith(prefix))) return undefined;
  url.hash = '';
  return url.href;
}

/**
 * Merges the links of several pages: one entry per URL, every source kept.
 */
/** The organisations' own feeds (`feed`), from the site's `organisations.json`: they are outbound links too. */
export function feedLinks(json: string): Link[] {
  const data = JSON.parse(json) as { organisations?: { name?: unknown; feed?: unknown }[] };
  return (data.organisations ?? [])
    .filter((organisation): organisation is { name: string; feed: string } => typeof organisation.feed === 'string')
    .map((organisation) => ({ url: organisation.feed, sources: [`fil de ${organisation.name}`] }));
}

export function mergeLinks(pages: { page: string; links: Link[] }[]): Link[] {
  const merged = new Map<string, Link>();
  const label = pages.length > 1;
  for (const { page, links } of pages) {
    for (const { url, sources } of links) {
      const entry = merged.get(url) ?? { url, sources: [] };
      merged.set(url, entry);
      for (const source of sources) {
        const text = label ? `${source} (${page})` : source;
        if (!entry.sources.includes(text)) entry.sources.push(text);
      }
    }
  }
  return [...merged.values()];
}

// ---------------------------------------------------------------------------------------------------
// Visiting them

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'CERT_REVOKED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH',
]);

/**
 * A short, human reason for a failed request.
 */
export function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `pas de réponse en ${formatDuration(timeoutMs)} (délai dépassé)`;
  }
  // Node's fetch puts the system error in `cause` (an AggregateError's first error for some connections).
  const cause = (error instanceof Error && error.cause ? error.cause : error) as
    | { code?: unknown; message?: unknown; errors?: { code?: unknown }[] }
    | null
    | undefined;
  const code = String(cause?.code ?? cause?.errors?.[0]?.code ?? '');
  const message = String(cause?.message ?? error ?? '');
  if (code === 'ENOTFOUND') return 'nom de domaine introuvable (DNS ENOTFOUND)';
  if (code === 'EAI_AGAIN') return 'DNS sans réponse (EAI_AGAIN)';
  if (code === 'ECONNREFUSED') return 'connexion refusée (ECONNREFUSED)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `connexion coupée par le serveur (${code})`;
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return `connexion trop lente (${code})`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `réseau ou hôte inaccessible (${code})`;
  if (TLS_CODES.has(code) || /^ERR_(SSL|TLS)_/.test(code) || /certificate|ssl|tls/i.test(message)) {
    return `erreur TLS (${code || message})`;
  }
  if (/bad port/i.test(message)) return 'port interdit aux requêtes web (bad port)';
  return code ? `${message} (${code})` : message || 'erreur réseau';
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1).replace(/\.0$/, '').replace('.', ',')} s`;
}

const codeText = (code: number) => `${code}${STATUS_CODES[code] ? ` ${STATUS_CODES[code]}` : ''}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Answer = { status: number; location: string | null } | { error: unknown };

/** One request, headers only: the body of a GET is dropped unread. */
async function request(fetchImpl: typeof fetch, url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<Answer> {
  try {
    const response = await fetchImpl(url, {
      method,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-language': 'fr,en;q=0.5' },
    });
    const result = { status: response.status, location: response.headers.get('location') };
    await response.body?.cancel().catch(() => {});
    return result;
  } catch (error) {
    return { error };
  }
}

/** HEAD answers that mean « ask with GET instead ». */
const HEAD_REFUSED = new Set([403, 405, 501]);
const worthRetrying = (status: number) => status >= 500 || status === 429;

/**
 * Visits one URL: HEAD first, GET when HEAD is refused (403, 405, 501) or fails; retries after
 * a network error, a timeout, a 5xx or a 429 (the retry is a GET); follows redirects by hand.
 */
async function checkLink(url: string, options: Required<Omit<CheckOptions, 'onResult'>>): Promise<LinkResult> {
  const started = performance.now();
  const codes: number[] = [];
  let requests = 0;
  let current = url;
  const seen = new Set([url]);
  const done = (status: LinkStatus, detail: string): LinkResult => ({ url, status, codes, finalUrl: current, detail, requests, ms: Math.round(performance.now() - started) });

  for (let hop = 0; ; hop++) {
    let method: 'HEAD' | 'GET' = 'HEAD';
    let retriesLeft = options.retries;
    const before = requests;
    let answer: Answer;
    for (;;) {
      requests++;
      answer = await request(options.fetchImpl, current, method, options.timeoutMs);
      if (method === 'HEAD' && 'status' in answer && HEAD_REFUSED.has(answer.status)) {
        method = 'GET'; // not a retry: HEAD is simply not welcome here
        continue;
      }
      if (method === 'HEAD' && 'error' in answer && retriesLeft === 0) {
        method = 'GET'; // without retries left, a failed HEAD still gets its GET
        continue;
      }
      if (('error' in answer || worthRetrying(answer.status)) && retriesLeft > 0) {
        retriesLeft--;
        method = 'GET'; // a failed HEAD is retried as a GET, which also covers servers that mishandle HEAD
        await sleep(options.retryDelayMs);
        continue;
      }
      break;
    }
    const tries = requests - before > 1 ? ` — ${requests - before} essais` : '';
    if ('error' in answer) {
      const after = codes.length ? ` après ${codes.join(' → ')} vers ${current}` : '';
      return done('UNREACHABLE', describeNetworkError(answer.error, options.timeoutMs) + after + tries);
    }

    codes.push(answer.status);
    const chain = codes.join(' → ');
    if (answer.status >= 300 && answer.status < 400 && answer.status !== 304) {
      if (!answer.location) return done('BROKEN', `${chain} sans adresse de destination (pas d’en-tête Location)`);
      let next;
      try {
        next = new URL(answer.location, current);
      } catch {
        return done('BROKEN', `${chain} vers une adresse invalide : ${answer.location}`);
      }
      next.hash = '';
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return done('BROKEN', `${chain} vers ${next.href}`);
      if (seen.has(next.href)) return done('BROKEN', `${chain} : boucle de redirections (${next.href})`);
      if (hop + 1 > MAX_REDIRECTS) return done('BROKEN', `${chain} : plus de ${MAX_REDIRECTS} redirections`);
      seen.add(next.href);
      current = next.href;
      continue;
    }
    if (answer.status >= 400) {
      const where = codes.length > 1 ? ` après redirection vers ${current}` : '';
      return done('BROKEN', `${chain.replace(/\d+$/, codeText(answer.status))}${where}${tries}`);
    }
    if (codes.length > 1) return done('REDIRECTED', `→ ${current} (${chain})`);
    return done('OK', codeText(answer.status));
  }
}

/**
 * Checks every URL with at most `concurrency` links in flight; the results keep the order of `urls`.
 */
export async function checkLinks(urls: string[], options: CheckOptions = {}): Promise<LinkResult[]> {
  const settings = {
    concurrency: Math.max(1, Math.floor(options.concurrency ?? 4)),
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: options.retries ?? 1,
    retryDelayMs: options.retryDelayMs ?? 1000,
    fetchImpl: options.fetchImpl ?? fetch,
  };
  const unique = [...new Set(urls)];
  const results = new Map<string, LinkResult>();
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const url = unique[next++] as string;
      const result = await checkLink(url, settings);
      results.set(url, result);
      options.onResult?.(result, results.size, unique.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, unique.length) }, worker));
  return unique.map((url) => results.get(url) as LinkResult);
}

// ---------------------------------------------------------------------------------------------------
// Reporting

/** Problems first, then redirects, then the rest; the page order within each group. */
const ORDER: Record<LinkStatus, number> = { BROKEN: 0, UNREACHABLE: 1, REDIRECTED: 2, OK: 3 };

/** 0 when every link is OK or redirected, 1 when one is broken or unreachable. */
export function exitCodeFor(results: LinkResult[]): 0 | 1 {
  return results.some((r) => r.status === 'BROKEN' || r.status === 'UNREACHABLE') ? 1 : 0;
}

/** The table, problems first, and the summary line. `sources`: where each URL appears. */
export function formatReport(results: LinkResult[], sources = new Map<string, string[]>(), elapsedMs?: number): string {
  const header = ['ÉTAT', 'LIEN', 'RÉSULTAT', 'OÙ'];
  const rows = [...results]
    .sort((a, b) => ORDER[a.status] - ORDER[b.status])
    .map((r) => {
      const where = sources.get(r.url) ?? [];
      const shown = where.slice(0, 2).join(' ; ') + (where.length > 2 ? ` ; +${where.length - 2}` : '');
      return [r.status, r.url, r.detail, shown];
    });
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const counts: Record<LinkStatus, number> = { OK: 0, REDIRECTED: 0, BROKEN: 0, UNREACHABLE: 0 };
  for (const { status } of results) counts[status]++;
  const time = elapsedMs === undefined ? '' : ` en ${formatDuration(elapsedMs)}`;
  const plural = results.length > 1 ? 's' : '';
  const summary =
    `${results.length} lien${plural} sortant${plural} vérifié${plural}${time} : ` +
    `${counts.OK} OK, ${counts.REDIRECTED} REDIRECTED, ${counts.BROKEN} BROKEN, ${counts.UNREACHABLE} UNREACHABLE.`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', summary].join('\n');
}
