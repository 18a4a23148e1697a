import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * The browser: `PLAYWRIGHT_CHROMIUM_PATH` when set (an empty value means « Playwright's own browser »),
 * else Debian's chromium when installed (`.ci/run` installs it: Playwright cannot download its browser
 * on our CI machines), else the Playwright-managed browser (`npx playwright install chromium`).
 */
const chromiumPath = process.env['PLAYWRIGHT_CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');

export const launchOptions = {
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: [
    // Chromium refuses to start as root with its sandbox (our CI runs as root).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    // On a closed network these background services only produce noise and delays.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/**
 * The shipped site, at the root; and a fixture site built from `tests/fixtures/organisations` (SVG logo,
 * long texts, a draft) under a sub-path, as when the page is published inside a blog.
 */
export const SITE_PORT = Number(process.env['E2E_PORT'] ?? 4321);
export const FIXTURE_PORT = SITE_PORT + 1;
export const FIXTURE_BASE = '/lucas/blog/je-soutiens/';

const isCI = Boolean(process.env['CI']);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  // Two cores on our CI machines.
  ...(isCI ? { workers: 2 } : {}),
  reporter: isCI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${SITE_PORT}`,
    launchOptions,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      testIgnore: 'lighthouse.spec.ts',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 }, launchOptions },
    },
    {
      name: 'phone',
      testIgnore: 'lighthouse.spec.ts',
      use: { ...devices['Pixel 7'], launchOptions },
    },
    {
      // Last and alone: Lighthouse measures main-thread time, which other tests running beside it would inflate.
      name: 'lighthouse',
      testMatch: 'lighthouse.spec.ts',
      dependencies: ['desktop', 'phone'],
      use: { launchOptions },
    },
  ],
  // Playwright owns both servers (`--ignore-lock` keeps `astro preview` in the foreground, see its --help).
  // They start one after the other, so the two builds never share Astro's cache at the same time.
  webServer: [
    {
      command: `npm run build && npm run preview -- --port ${SITE_PORT}`,
      url: `http://localhost:${SITE_PORT}/`,
      reuseExistingServer: !isCI,
      timeout: 180_000,
      env: { ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: `http://localhost:${SITE_PORT}` },
    },
    {
      command: `npm run build -- --outDir dist-fixtures && npm run preview -- --outDir dist-fixtures --port ${FIXTURE_PORT}`,
      url: `http://localhost:${FIXTURE_PORT}${FIXTURE_BASE}`,
      reuseExistingServer: !isCI,
      timeout: 180_000,
      env: {
        ASTRO_TELEMETRY_DISABLED: '1',
        ORGANISATIONS_DIR: './tests/fixtures/organisations',
        SITE_URL: `http://localhost:${FIXTURE_PORT}`,
        BASE_PATH: FIXTURE_BASE,
      },
    },
  ],
});
