import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitForAnswer } from '../support/servers';
import { PROJECT_ROOT } from '../support/temp-project';

/**
 * `draft: true` shows an entry while writing (`astro dev`) and never publishes it. The production side
 * is checked on the built fixture site (tests/e2e/fixtures.spec.ts); here, the dev server.
 */

describe('drafts in `npm run dev`', () => {
  let stop = () => {};
  let html = '';

  beforeAll(async () => {
    const port = await freePort();
    // Without what Vitest sets for itself (NODE_ENV=test, VITEST…), which the dev server would inherit.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|TEST|VITEST.*)$/.test(name)));
    // A child process, not Astro's `dev()`: with `process.env.VITEST` set, Astro's dev-server plugin serves nothing (every page 404s).
    // --ignore-lock keeps the server in the foreground (Astro backgrounds it when it thinks an agent runs it).
    const child = spawn(
      process.execPath,
      [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'],
      { cwd: PROJECT_ROOT, env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', ORGANISATIONS_DIR: './tests/fixtures/organisations' } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stop = () => child.kill('SIGTERM');
    html = await waitForAnswer(`http://127.0.0.1:${port}/`, 90_000, () => output);
  }, 120_000);
  afterAll(() => stop());

  it('shows the draft entry with the others', () => {
    expect(html).toContain('Brouillon en cours');
    expect(html).toContain('Collectif Vectoriel');
  });
});
