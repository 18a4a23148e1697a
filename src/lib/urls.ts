/**
 * URLs under the site's base path: the site may live at the root of a domain or under a sub-path
 * such as `/lucas/blog/je-soutiens/` (`BASE_PATH`). Every internal URL goes through here.
 */

/** `/`, `/a/b` or `a/b/` → `/a/b/`: a base path with exactly one slash at each end. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** A path of the site under its base: `withBase('/lucas/', 'rss.xml')` → `/lucas/rss.xml`. */
export function withBase(base: string, path = ''): string {
  return `${normaliseBase(base)}${path.replace(/^\/+/, '')}`;
}

/** The absolute URL of a site path (which already includes the base), for feeds, tags and JSON-LD. */
export function absoluteUrl(site: URL | string | undefined, path: string): string {
  if (!site) throw new Error('`site` must be set (SITE_URL) to build absolute URLs.');
  return new URL(path, site).href;
}

/** Two addresses lead to the same page if they differ only by a trailing slash or the fragment. */
export function sameDestination(a: string, b: string): boolean {
  const normalise = (address: string) => {
    const url = new URL(address);
    url.hash = '';
    return url.href.replace(/\/$/, '');
  };
  return normalise(a) === normalise(b);
}
