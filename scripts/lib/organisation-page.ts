import { DomUtils, parseDocument } from 'htmlparser2';
import { fromAddressMessages } from '../../src/lib/organisations/messages.ts';

const SOURCES = fromAddressMessages.sources;

/**
 * What an organisation's home page declares about itself, read with htmlparser2 (the parser the link
 * checker uses): its name, a description, and every logo candidate, best first. Pure: the page's HTML
 * and address in, data out; `npm run new` downloads and checks the candidates.
 */

/** An image the page declares as its logo: its absolute address, and where, for the owner (« icône SVG », « manifeste (512×512) »…). */
type LogoCandidate = ReturnType<typeof rasterOrVector>;

export type Found = { value: string; source: string } | undefined;

/** The first of the values a page may give, by source, that is not empty. */
const firstFound = (values: [source: string, value: string | undefined][]): Found =>
  values.flatMap(([source, value]) => (value ? [{ value, source }] : []))[0];

/** « Enercoop | Fournisseur d’électricité verte » → « Enercoop »: the title's first part, when it reads as a name. */
export function cleanTitle(title: string): string {
  const collapsed = title.replace(/\s+/g, ' ').trim();
  const [first = collapsed] = collapsed.split(/\s+[|–—·:•-]\s+/);
  return first.length >= 2 ? first : collapsed;
}

/** An icon: a vector (rank 0) or a raster (rank 1); `sizes="192x192 512x512"` or `"any"` (a vector, counted as large). */
function rasterOrVector(url: string, type: unknown, sizes: unknown, what: string) {
  const declared = typeof sizes === 'string' ? sizes : '';
  const sides = [...declared.matchAll(/(\d+)\s*x\s*(\d+)/gi)].map(([, width, height]) => Math.max(Number(width), Number(height)));
  const declaredSize = /\bany\b/i.test(declared) ? 4096 : Math.max(0, ...sides);
  return type === 'image/svg+xml' || /\.svgz?(\?|#|$)/i.test(url)
    ? { url, source: SOURCES.vector(what), rank: 0, declaredSize }
    : { url, source: declaredSize ? SOURCES.sized(what, declaredSize) : what, rank: 1, declaredSize };
}

/** Best first: vectors, then larger rasters, then the JSON-LD logo, then the social image; each address once. */
export function rankCandidates(candidates: readonly LogoCandidate[]): LogoCandidate[] {
  const seen = new Set<string>();
  return [...candidates]
    .sort((a, b) => a.rank - b.rank || b.declaredSize - a.declaredSize)
    .filter((candidate) => !seen.has(candidate.url) && seen.add(candidate.url));
}

/** The `logo` of the first schema.org organisation in a JSON-LD block (a URL or an ImageObject). */
function jsonLdLogo(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(jsonLdLogo).find(Boolean);
  if (typeof value !== 'object' || value === null) return undefined;
  const { logo, '@type': type, '@graph': graph } = value as Record<string, unknown>;
  const image = typeof logo === 'object' && logo !== null ? (logo as Record<string, unknown>) : {};
  const url = typeof logo === 'string' ? logo : (image['url'] ?? image['contentUrl']);
  return /Organization|NGO|Corporation|NewsMedia/i.test(String(type ?? '')) && typeof url === 'string' ? url : jsonLdLogo(graph);
}

export function readOrganisationPage(html: string, pageUrl: string) {
  let base = pageUrl;
  const meta = new Map<string, string>();
  const candidates: LogoCandidate[] = [];
  let manifest: string | undefined;
  const absolute = (href: string | undefined) => {
    const url = href ? URL.parse(href, base) : null;
    return url?.protocol === 'http:' || url?.protocol === 'https:' ? url.href : undefined;
  };

  // In the order of the page: a `<base>` applies to the addresses after it.
  const document = parseDocument(html);
  for (const element of DomUtils.findAll(() => true, document.children)) {
    const { name, attribs } = element;
    const href = absolute(attribs['href']);
    if (name === 'base' && href) base = href;
    if (name === 'meta') {
      const key = (attribs['property'] ?? attribs['name'] ?? '').toLowerCase();
      if (key && attribs['content'] !== undefined && !meta.has(key)) meta.set(key, attribs['content'].trim());
    }
    const rels = name === 'link' && href ? (attribs['rel'] ?? '').toLowerCase().split(/\s+/) : [];
    if (href && rels.includes('manifest')) manifest ??= href;
    else if (href && (rels.includes('apple-touch-icon') || rels.includes('apple-touch-icon-precomposed'))) {
      candidates.push(rasterOrVector(href, attribs['type'], attribs['sizes'] ?? '180x180', SOURCES.appleTouchIcon));
    } else if (href && rels.includes('icon')) candidates.push(rasterOrVector(href, attribs['type'], attribs['sizes'], SOURCES.icon));
    if (name === 'script' && attribs['type']?.toLowerCase() === 'application/ld+json') {
      try {
        const url = absolute(jsonLdLogo(JSON.parse(DomUtils.textContent(element))));
        if (url) candidates.push({ url, source: SOURCES.jsonLd, rank: 2, declaredSize: 0 });
      } catch {
        // A broken JSON-LD block says nothing.
      }
    }
  }

  const ogImageUrl = absolute(meta.get('og:image') ?? meta.get('og:image:url'));
  if (ogImageUrl)
    candidates.push({ url: ogImageUrl, source: SOURCES.ogImage, rank: 3, declaredSize: Number(meta.get('og:image:width') ?? 0) });
  const title = cleanTitle(DomUtils.textContent(DomUtils.getElementsByTagName('title', document.children)));
  return {
    name: firstFound([
      ['og:site_name', meta.get('og:site_name')],
      ['application-name', meta.get('application-name')],
      ['<title>', title],
    ]),
    description: firstFound([
      ['og:description', meta.get('og:description')],
      ['<meta name="description">', meta.get('description')],
    ]),
    /** The web manifest's address, whose icons are candidates too (`manifestCandidates`). */
    manifest,
    candidates: rankCandidates(candidates),
  };
}

/** The icons of a web manifest (JSON), as candidates; nothing when it cannot be read. */
export function manifestCandidates(json: string, manifestUrl: string): LogoCandidate[] {
  let icons: unknown;
  try {
    icons = (JSON.parse(json) as { icons?: unknown }).icons;
  } catch {
    return [];
  }
  if (!Array.isArray(icons)) return [];
  return icons.flatMap((icon: { src?: unknown; sizes?: unknown; type?: unknown; purpose?: unknown }) => {
    const url = typeof icon.src === 'string' ? URL.parse(icon.src, manifestUrl)?.href : undefined;
    // A maskable icon is cropped by the system: its edges may hold nothing of the logo.
    const maskable = typeof icon.purpose === 'string' && !/\bany\b/.test(icon.purpose) && /\bmaskable\b/.test(icon.purpose);
    return url && !maskable ? [rasterOrVector(url, icon.type, icon.sizes, SOURCES.manifestIcon)] : [];
  });
}
