import { Parser } from 'htmlparser2';
import { fromAddressMessages } from '../../src/lib/organisations/messages.ts';

const SOURCES = fromAddressMessages.sources;

/**
 * What an organisation's home page declares about itself, read with htmlparser2 (the parser the link
 * checker uses): its name, a description, and every logo candidate, best first. Pure: the page's HTML
 * and address in, data out; `npm run new` downloads and checks the candidates.
 */

export interface LogoCandidate {
  /** Absolute address of the image. */
  url: string;
  /** Where the page declares it, for the owner: « icône SVG », « manifeste (512×512) »… */
  source: string;
  /** 0 a vector icon, 1 a raster icon (larger first), 2 the JSON-LD logo, 3 the social image (last resort). */
  rank: number;
  /** The largest side the page declares, when it says. */
  declaredSize: number;
}

export interface OrganisationPage {
  name?: { value: string; source: string } | undefined;
  description?: { value: string; source: string } | undefined;
  /** The web manifest's address, whose icons are candidates too (`manifestCandidates`). */
  manifest?: string | undefined;
  candidates: LogoCandidate[];
}

/** « Enercoop | Fournisseur d’électricité verte » → « Enercoop »: the title's first part, when it reads as a name. */
export function cleanTitle(title: string): string {
  const collapsed = title.replace(/\s+/g, ' ').trim();
  const [first = collapsed] = collapsed.split(/\s+[|–—·:•-]\s+/);
  return first.length >= 2 ? first : collapsed;
}

/** `sizes="192x192 512x512"` or `"any"` → the largest side declared (`any`: a vector, counted as large). */
function largestSide(sizes: string | undefined): number {
  if (!sizes) return 0;
  if (/\bany\b/i.test(sizes)) return 4096;
  return Math.max(
    0,
    ...[...sizes.matchAll(/(\d+)\s*x\s*(\d+)/gi)].map(([, width = '0', height = '0']) => Math.max(Number(width), Number(height))),
  );
}

const isSvg = (url: string, type: string | undefined) => type === 'image/svg+xml' || /\.svgz?(\?|#|$)/i.test(url);

function rasterOrVector(url: string, type: string | undefined, sizes: string | undefined, what: string): LogoCandidate {
  const declaredSize = largestSide(sizes);
  return isSvg(url, type)
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
  const node = value as Record<string, unknown>;
  const logo = node['logo'];
  if (logo !== undefined && /Organization|NGO|Corporation|NewsMedia/i.test(String(node['@type'] ?? ''))) {
    if (typeof logo === 'string') return logo;
    const url = (logo as Record<string, unknown> | null)?.['url'] ?? (logo as Record<string, unknown> | null)?.['contentUrl'];
    if (typeof url === 'string') return url;
  }
  return jsonLdLogo(node['@graph']);
}

export function readOrganisationPage(html: string, pageUrl: string): OrganisationPage {
  let base = pageUrl;
  const meta = new Map<string, string>();
  const candidates: LogoCandidate[] = [];
  let manifest: string | undefined;
  let title = '';
  let inTitle = false;
  let jsonLd: string | undefined;
  const absolute = (href: string) => {
    try {
      const url = new URL(href, base);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'base' && attributes['href']) base = absolute(attributes['href']) ?? base;
        if (name === 'title') inTitle = true;
        if (name === 'script' && attributes['type']?.toLowerCase() === 'application/ld+json') jsonLd = '';
        if (name === 'meta') {
          const key = (attributes['property'] ?? attributes['name'] ?? '').toLowerCase();
          if (key && attributes['content'] !== undefined && !meta.has(key)) meta.set(key, attributes['content'].trim());
        }
        if (name === 'link' && attributes['href']) {
          const rels = (attributes['rel'] ?? '').toLowerCase().split(/\s+/);
          const url = absolute(attributes['href']);
          if (!url) return;
          if (rels.includes('manifest')) manifest ??= url;
          else if (rels.includes('apple-touch-icon') || rels.includes('apple-touch-icon-precomposed')) {
            candidates.push(rasterOrVector(url, attributes['type'], attributes['sizes'] ?? '180x180', SOURCES.appleTouchIcon));
          } else if (rels.includes('icon')) candidates.push(rasterOrVector(url, attributes['type'], attributes['sizes'], SOURCES.icon));
        }
      },
      ontext(text) {
        if (inTitle) title += text;
        if (jsonLd !== undefined) jsonLd += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'script' && jsonLd !== undefined) {
          try {
            const logo = jsonLdLogo(JSON.parse(jsonLd));
            const url = logo ? absolute(logo) : undefined;
            if (url) candidates.push({ url, source: SOURCES.jsonLd, rank: 2, declaredSize: 0 });
          } catch {
            // A broken JSON-LD block says nothing.
          }
          jsonLd = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);

  const ogImage = meta.get('og:image') ?? meta.get('og:image:url');
  const ogImageUrl = ogImage ? absolute(ogImage) : undefined;
  if (ogImageUrl)
    candidates.push({ url: ogImageUrl, source: SOURCES.ogImage, rank: 3, declaredSize: Number(meta.get('og:image:width') ?? 0) });

  const siteName = meta.get('og:site_name');
  const applicationName = meta.get('application-name');
  const cleanedTitle = cleanTitle(title);
  const name = siteName
    ? { value: siteName, source: 'og:site_name' }
    : applicationName
      ? { value: applicationName, source: 'application-name' }
      : cleanedTitle
        ? { value: cleanedTitle, source: '<title>' }
        : undefined;
  const ogDescription = meta.get('og:description');
  const metaDescription = meta.get('description');
  const description = ogDescription
    ? { value: ogDescription, source: 'og:description' }
    : metaDescription
      ? { value: metaDescription, source: '<meta name="description">' }
      : undefined;
  return { name, description, manifest, candidates: rankCandidates(candidates) };
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
    if (typeof icon.src !== 'string') return [];
    // A maskable icon is cropped by the system: its edges may hold nothing of the logo.
    if (typeof icon.purpose === 'string' && !/\bany\b/.test(icon.purpose) && /\bmaskable\b/.test(icon.purpose)) return [];
    try {
      const url = new URL(icon.src, manifestUrl).href;
      return [
        rasterOrVector(
          url,
          typeof icon.type === 'string' ? icon.type : undefined,
          typeof icon.sizes === 'string' ? icon.sizes : undefined,
          SOURCES.manifestIcon,
        ),
      ];
    } catch {
      return [];
    }
  });
}
