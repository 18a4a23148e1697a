// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { DEFAULT_LANG, LANGS } from './src/lib/i18n';
import { normaliseBase } from './src/lib/urls';

/**
 * Where the site is published, from the environment (see README « Publier le site »):
 * - SITE_URL: the origin, e.g. https://exemple.fr (default: the local preview server);
 * - BASE_PATH: the sub-path, e.g. /lucas/blog/je-soutiens/ (default: /).
 */
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = normaliseBase(process.env.BASE_PATH);

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  // One page per file of words in src/content/site/: French at /, every other language at /<code>/.
  i18n: { locales: [...LANGS], defaultLocale: DEFAULT_LANG, routing: { prefixDefaultLocale: false } },
  // Each page lists its translations (xhtml:link hreflang) in the sitemap.
  integrations: [sitemap({ i18n: { defaultLocale: DEFAULT_LANG, locales: Object.fromEntries(LANGS.map((lang) => [lang, lang])) } })],
  // No client-side JavaScript anywhere: links are plain links.
  prefetch: false,
  devToolbar: { enabled: false },
  // Optimized images and the content store are cached here, outside node_modules,
  // so that `npm ci` does not throw them away (the GitHub workflow caches this folder).
  cacheDir: './.cache/astro',
  // Descriptions hold no code: no highlighter, whose inline styles the CSP would refuse anyway.
  markdown: { syntaxHighlight: false },
  security: {
    // A Content-Security-Policy <meta> with hashes of the inlined styles: no 'unsafe-inline'.
    csp: {
      directives: [
        "default-src 'none'",
        "img-src 'self'",
        "font-src 'self'",
        // Nothing on the page fetches, but tools that audit it (Lighthouse's robots.txt check) fetch from the page.
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
      ],
    },
  },
  experimental: {
    // JSON schemas of the collections in .astro/, so the editor completes and explains the fields
    // of an entry (VS Code: the Astro extension with "astro.content-intellisense", see .vscode/).
    contentIntellisense: true,
  },
  build: {
    // A small stylesheet inlined saves a render-blocking request on the only page.
    inlineStylesheets: 'always',
  },
});
