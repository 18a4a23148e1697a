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
  build: {
    // A small stylesheet inlined saves a render-blocking request on the only page.
    inlineStylesheets: 'always',
  },
});
