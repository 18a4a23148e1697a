import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/temp-project';
import { freePort } from '../support/free-port';

/**
 * `draft: true` shows an entry while writing (`astro dev`) and never publishes it. The production side
 * is checked on the built fixture site (tests/e2e/fixtures.spec.ts); here, the dev server.
 */

/** The environment without what Vitest sets for itself (NODE_ENV=test, VITEST…), which the dev server would inherit. */
function withoutVitestEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && name !== 'TEST'),
  );
}

async function fetchWhenReady(url: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.text();
      lastError = new Error(`HTTP ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The dev server did not answer at ${url}: ${String(lastError)}`);
}

describe('drafts in `npm run dev`', () => {
  let stop: () => void = () => {};
  let html = '';

  beforeAll(async () => {
    const port = await freePort();
    // A child process, not Astro's `dev()`: with `process.env.VITEST` set, Astro's dev-server plugin serves nothing (every page 404s).
    // --ignore-lock keeps the server in the foreground (Astro backgrounds it when it thinks an agent runs it).
    const child = spawn(
      process.execPath,
      [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'],
      {
        cwd: PROJECT_ROOT,
        env: { ...withoutVitestEnv(), ASTRO_TELEMETRY_DISABLED: '1', ORGANISATIONS_DIR: './tests/fixtures/organisations' },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stop = () => child.kill('SIGTERM');
    html = await fetchWhenReady(`http://127.0.0.1:${port}/`, 90_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${output}`);
    });
  }, 120_000);
  afterAll(() => stop());

  it('shows the draft entry with the others', () => {
    expect(html).toContain('Brouillon en cours');
    expect(html).toContain('Collectif Vectoriel');
  });
});
