import type { APIRoute } from 'astro';
import { absoluteUrl, withBase } from '../lib/urls';

/** Everything may be indexed; the sitemap is announced with its absolute URL (site + base). */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site, withBase(import.meta.env.BASE_URL, 'sitemap-index.xml'))}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
