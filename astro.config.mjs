// @ts-check
import { defineConfig } from 'astro/config';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  // Overridden by the deployment (see README « Déployer »).
  site: process.env.SITE_URL ?? 'https://je-soutiens.example',
  // No client-side JavaScript anywhere: links are plain links.
  prefetch: false,
  // Optimized images and the content store are cached here, outside node_modules,
  // so that `npm ci` does not throw them away (the GitHub workflow caches this folder).
  cacheDir: './.cache/astro',
  devToolbar: { enabled: false },
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
