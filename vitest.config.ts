import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

/**
 * Two rooms, both run by `vitest run` (`--project unit` or `--project integration` for one):
 * - unit: pure functions of `src/lib/`, the schema and `scripts/lib/`, in milliseconds;
 * - integration: suites that copy the site, run Astro (sync, build, check, dev) or a command, in minutes.
 */
export default defineConfig({
  test: {
    projects: [
      // Astro's Vite config, so unit tests can import `src/content.config.ts` and its `astro:*` modules.
      getViteConfig({ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } }),
      // Plain Vite: these suites start Astro themselves, and inside Astro's Vite config `import { build } from
      // 'astro'` does not resolve to Astro's programmatic API.
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
    ],
  },
});
