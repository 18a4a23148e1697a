// @ts-check
/**
 * The outbound-link checker's core, without the filesystem: `extractLinks` reads the links of one HTML
 * page, `checkLinks` visits URLs and classifies them, `formatReport` prints the table. The command line
 * is `scripts/check-links.mjs`; the tests are `tests/unit/check-links.test.ts`.
 */
import { STATUS_CODES } from 'node:http';

/** A plain, honest User-Agent: who is asking, and why. */
export const USER_AGENT = 'je-soutiens-link-checker/1.0 (weekly check of the outbound links of the « Je soutiens » page)';

/** @typedef {'OK' | 'REDIRECTED' | 'BROKEN' | 'UNREACHABLE'} LinkStatus */

/**
 * One outbound link of the site, de-duplicated: where it points, and where it appears
 * (link text, after the heading of the card or section that holds it).
 * @typedef {{ url: string, sources: string[] }} Link
 */

/**
 * The verdict on one URL.
 * @typedef {object} LinkResult
 * @property {string} url          the URL as checked
 * @property {LinkStatus} status
 * @property {number[]} codes      the HTTP status of each hop (empty when nothing answered)
 * @property {string} finalUrl     where the redirects led (or the hop that failed)
 * @property {string} detail       what to show: codes, final URL, or the reason it is unreachable
 * @property {number} requests     how many requests it took (HEAD, GET fallbacks, retries, hops)
 * @property {number} ms           how long it took
 */

/**
 * @typedef {object} CheckOptions
 * @property {number} [concurrency]  links in flight at once (default 4)
 * @property {number} [timeoutMs]    per request, until the response headers (default 10 000)
 * @property {number} [retries]      extra attempts after a network error, a timeout, a 5xx or a 429 (default 1)
 * @property {number} [retryDelayMs] pause before a retry (default 1 000)
 * @property {number} [maxRedirects] hops followed before giving up (default 10)
 * @property {string} [userAgent]
 * @property {typeof fetch} [fetchImpl]
 * @property {(result: LinkResult, done: number, total: number) => void} [onResult]
 */

// ---------------------------------------------------------------------------------------------------
// Reading links out of HTML

/** @type {Record<string, string>} */
const NAMED_ENTITIES = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '«', raquo: '»',
  rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', hellip: '…', ndash: '–', mdash: '—', eacute: 'é',
  egrave: 'è', agrave: 'à', ccedil: 'ç', ecirc: 'ê', ocirc: 'ô', rarr: '→',
};

/**
 * Decodes the character references that appear in attributes and text (`&amp;`, `&#39;`, `&#x2F;`…).
 * @param {string} text
 */
export function decodeEntities(text) {
  return text.replace(/&(#\d+|#x[\da-f]+|[a-z]+\d*);?/gi, (whole, /** @type {string} */ name) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    // Only `&amp;`-style references with their semicolon, or the very common ones without it.
    const char = NAMED_ENTITIES[name.toLowerCase()];
    return char !== undefined && (whole.endsWith(';') || name in { amp: 1, lt: 1, gt: 1, quot: 1 }) ? char : whole;
  });
}

/**
 * The attributes of a start tag, names lower-cased, values decoded.
 * @param {string} source  what follows the tag name, up to `>`
 */
export function parseAttributes(source) {
  /** @type {Map<string, string>} */
  const attributes = new Map();
  const pattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const match of source.matchAll(pattern)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

/** @param {string} text */
const squash = (text) => text.replace(/[\s\u00a0]+/g, ' ').trim();

/**
 * An address of the site as a prefix ending with `/`, without query or fragment: the root itself
 * (`https://exemple.fr/lucas` → `https://exemple.fr/lucas/`), or, for a page, its folder
 * (`https://exemple.fr/lucas/a-propos` → `https://exemple.fr/lucas/`). Undefined unless absolute http(s).
 * @param {string} url
 * @param {'root' | 'page'} kind
 */
export function sitePrefix(url, kind) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.origin + (kind === 'root' ? parsed.pathname.replace(/\/?$/, '/') : parsed.pathname.replace(/[^/]*$/, ''));
  } catch {
    return undefined;
  }
}

/**
 * The page's own addresses, as stated by `<link rel="canonical">` and `<meta property="og:url">`.
 * @param {string} html
 * @returns {string[]}
 */
export function ownUrls(html) {
  /** @type {string[]} */
  const urls = [];
  for (const match of html.matchAll(/<(link|meta)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
    const tag = match[1]?.toLowerCase();
    const attributes = parseAttributes(match[2] ?? '');
    if (tag === 'link' && /(^|\s)canonical(\s|$)/i.test(attributes.get('rel') ?? '')) urls.push(attributes.get('href') ?? '');
    if (tag === 'meta' && attributes.get('property') === 'og:url') urls.push(attributes.get('content') ?? '');
  }
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
 * @param {string} html
 * @param {string | string[]} [site]  the site's own address(es), root included (`https://exemple.fr/base/`);
 *   the page's `<link rel="canonical">` and `og:url` count too
 * @returns {Link[]}
 */
export function extractLinks(html, site) {
  const roots = site === undefined ? [] : Array.isArray(site) ? site : [site];
  const own = new Set(
    [...roots.map((url) => sitePrefix(url, 'root')), ...ownUrls(html).map((url) => sitePrefix(url, 'page'))].filter(
      (prefix) => prefix !== undefined,
    ),
  );
  /** @type {Map<string, Link>} */
  const links = new Map();
  /** @type {{ href: string, text: string, label: string, inHeading: boolean } | undefined} */
  let anchor;
  /** @type {{ level: string, text: string } | undefined} */
  let heading;
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

  // Comments, raw-text elements (skipped whole), tags; the text between them.
  const token =
    /<!--[\s\S]*?(?:-->|$)|<(script|style|template|textarea|title)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let last = 0;
  const addText = (/** @type {string} */ raw) => {
    if (!raw) return;
    const text = decodeEntities(raw);
    if (anchor) anchor.text += text;
    if (heading) heading.text += text;
  };
  for (const match of html.matchAll(token)) {
    addText(html.slice(last, match.index));
    last = match.index + match[0].length;
    const name = match[3]?.toLowerCase();
    if (!name) continue; // comment or raw-text element
    const closing = match[2] === '/';
    if (name === 'a') {
      closeAnchor(); // an <a> never nests: a new one ends the previous one
      if (!closing) {
        const attributes = parseAttributes(match[4] ?? '');
        const href = attributes.get('href');
        if (href !== undefined) {
          anchor = { href, text: '', label: attributes.get('aria-label') ?? attributes.get('title') ?? '', inHeading: !!heading };
        }
      }
    } else if (/^h[1-6]$/.test(name)) {
      if (!closing) heading = { level: name, text: '' };
      else if (heading) {
        lastHeading = squash(heading.text);
        heading = undefined;
      }
    } else if (name === 'img' && anchor && !closing) {
      anchor.label ||= parseAttributes(match[4] ?? '').get('alt') ?? '';
    } else if (anchor && !closing && /^(br|p|div|li)$/.test(name)) {
      anchor.text += ' ';
    }
  }
  addText(html.slice(last));
  closeAnchor();
  return [...links.values()];
}

/**
 * The absolute http(s) URL of an outbound `href`, without its fragment; undefined for anything else.
 * @param {string} href
 * @param {Set<string>} own  the site's address prefixes (ending with `/`)
 */
function outboundUrl(href, own) {
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
 * @param {{ page: string, links: Link[] }[]} pages
 * @returns {Link[]}
 */
export function mergeLinks(pages) {
  /** @type {Map<string, Link>} */
  const merged = new Map();
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
 * @param {unknown} error
 * @param {number} timeoutMs
 */
export function describeNetworkError(error, timeoutMs) {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `pas de réponse en ${formatDuration(timeoutMs)} (délai dépassé)`;
  }
  /** @type {any} */
  const cause = error instanceof Error && error.cause ? error.cause : error;
  /** @type {string} */
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

/** @param {number} ms */
export function formatDuration(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1).replace(/\.0$/, '').replace('.', ',')} s`;
}

/** @param {number} code */
const codeText = (code) => `${code}${STATUS_CODES[code] ? ` ${STATUS_CODES[code]}` : ''}`;

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One request, headers only: the body of a GET is dropped unread.
 * @param {typeof fetch} fetchImpl
 * @param {string} url
 * @param {'HEAD' | 'GET'} method
 * @param {number} timeoutMs
 * @param {string} userAgent
 * @returns {Promise<{ status: number, location: string | null } | { error: unknown }>}
 */
async function request(fetchImpl, url, method, timeoutMs, userAgent) {
  try {
    const response = await fetchImpl(url, {
      method,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'user-agent': userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-language': 'fr,en;q=0.5' },
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
/** @param {number} status */
const worthRetrying = (status) => status >= 500 || status === 429;

/**
 * Visits one URL: HEAD first, GET when HEAD is refused (403, 405, 501) or fails; retries after
 * a network error, a timeout, a 5xx or a 429 (the retry is a GET); follows redirects by hand.
 * @param {string} url
 * @param {Required<Omit<CheckOptions, 'onResult'>>} options
 * @returns {Promise<LinkResult>}
 */
export async function checkLink(url, options) {
  const started = performance.now();
  /** @type {number[]} */
  const codes = [];
  let requests = 0;
  let current = url;
  const seen = new Set([url]);
  /** @param {LinkStatus} status @param {string} detail */
  const done = (status, detail) => ({ url, status, codes, finalUrl: current, detail, requests, ms: Math.round(performance.now() - started) });

  for (let hop = 0; ; hop++) {
    /** @type {'HEAD' | 'GET'} */
    let method = 'HEAD';
    let retriesLeft = options.retries;
    const before = requests;
    /** @type {{ status: number, location: string | null } | { error: unknown }} */
    let answer;
    for (;;) {
      requests++;
      answer = await request(options.fetchImpl, current, method, options.timeoutMs, options.userAgent);
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
      if (hop + 1 > options.maxRedirects) return done('BROKEN', `${chain} : plus de ${options.maxRedirects} redirections`);
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
 * @param {string[]} urls
 * @param {CheckOptions} [options]
 * @returns {Promise<LinkResult[]>}
 */
export async function checkLinks(urls, options = {}) {
  const settings = {
    concurrency: Math.max(1, Math.floor(options.concurrency ?? 4)),
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: options.retries ?? 1,
    retryDelayMs: options.retryDelayMs ?? 1000,
    maxRedirects: options.maxRedirects ?? 10,
    userAgent: options.userAgent ?? USER_AGENT,
    fetchImpl: options.fetchImpl ?? fetch,
  };
  const unique = [...new Set(urls)];
  /** @type {Map<string, LinkResult>} */
  const results = new Map();
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const url = /** @type {string} */ (unique[next++]);
      const result = await checkLink(url, settings);
      results.set(url, result);
      options.onResult?.(result, results.size, unique.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, unique.length) }, worker));
  return unique.map((url) => /** @type {LinkResult} */ (results.get(url)));
}

// ---------------------------------------------------------------------------------------------------
// Reporting

/** Problems first, then redirects, then the rest; the page order within each group. */
const ORDER = { BROKEN: 0, UNREACHABLE: 1, REDIRECTED: 2, OK: 3 };

/** @param {LinkResult[]} results */
export function sortResults(results) {
  return [...results].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
}

/**
 * Counts per status.
 * @param {LinkResult[]} results
 */
export function countResults(results) {
  const counts = { OK: 0, REDIRECTED: 0, BROKEN: 0, UNREACHABLE: 0 };
  for (const { status } of results) counts[status]++;
  return counts;
}

/**
 * 0 when every link is OK or redirected, 1 when one is broken or unreachable.
 * @param {LinkResult[]} results
 */
export function exitCodeFor(results) {
  return results.some((r) => r.status === 'BROKEN' || r.status === 'UNREACHABLE') ? 1 : 0;
}

/**
 * The table, problems first, and the summary line.
 * @param {LinkResult[]} results
 * @param {Map<string, string[]>} [sources]  where each URL appears
 * @param {number} [elapsedMs]
 */
export function formatReport(results, sources = new Map(), elapsedMs) {
  const header = ['ÉTAT', 'LIEN', 'RÉSULTAT', 'OÙ'];
  const rows = sortResults(results).map((r) => {
    const where = sources.get(r.url) ?? [];
    const shown = where.slice(0, 2).join(' ; ') + (where.length > 2 ? ` ; +${where.length - 2}` : '');
    return [r.status, r.url, r.detail, shown];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (/** @type {string[]} */ cells) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const counts = countResults(results);
  const time = elapsedMs === undefined ? '' : ` en ${formatDuration(elapsedMs)}`;
  const plural = results.length > 1 ? 's' : '';
  const summary =
    `${results.length} lien${plural} sortant${plural} vérifié${plural}${time} : ` +
    `${counts.OK} OK, ${counts.REDIRECTED} REDIRECTED, ${counts.BROKEN} BROKEN, ${counts.UNREACHABLE} UNREACHABLE.`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', summary].join('\n');
}
