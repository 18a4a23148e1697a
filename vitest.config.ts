/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so unit tests can import `src/content.config.ts` and its `astro:*` modules.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
  },
});
