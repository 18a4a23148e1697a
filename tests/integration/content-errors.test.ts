import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectReportLine } from '../support/report';
import { createTempProject, PROJECT_ROOT, type TempProject } from '../support/temp-project';

/**
 * The real content pipeline on a copy of the site, run as the owner runs it (what the terminal prints; `astro check`
 * has no programmatic API): the shipped entries pass, a logo swapped afterwards is read again, and a mistake stops
 * `astro build` and `astro check` as well as `astro sync`. The catalogue of mistakes is tests/integration/hostile-entries.test.ts.
 */

const SLOW = 180_000;
const BLAST = 'src/content/organisations/blast.md';

describe('the shipped entries', () => {
  it('pass the pipeline; a logo replaced after that by a bad one is still caught', { timeout: SLOW }, async () => {
    const project = await createTempProject();
    const result = await project.astro(['sync']);
    expect(result.code, result.output).toBe(0);
    // The loader remembers the logos that passed; one swapped for a too small image must be read again.
    const logo = (await readFile(join(project.dir, BLAST), 'utf8')).match(/^logo: \.\/(.+)$/m)?.[1] ?? '';
    await sharp({ create: { width: 200, height: 50, channels: 3, background: '#336699' } }).toFile(join(project.organisations, logo));
    const again = await project.astro(['sync']);
    await project.remove();
    expect(again.code, again.output).not.toBe(0);
    expectReportLine(again.output, BLAST, 'logo', '200×50 px');
  });
});

describe('the build and the type check stop too', { timeout: SLOW }, () => {
  let project: TempProject;

  beforeAll(async () => {
    project = await createTempProject();
    await project.edit(BLAST, (text) => text.replace(/^logo:.*$/m, 'logo: ./blast.png'));
  }, SLOW);
  afterAll(() => project.remove());

  it('`astro build` fails naming the entry of a missing logo (Astro alone does not), and writes no page', async () => {
    const result = await project.astro(['build']);
    expect(result.code).not.toBe(0);
    expectReportLine(result.output, BLAST, 'logo', 'introuvable');
    expect(result.output).not.toContain('Complete!');
  });

  it('`astro check` fails too', async () => {
    const result = await project.astro(['check']);
    expect(result.code).not.toBe(0);
    expectReportLine(result.output, BLAST, 'logo', 'introuvable');
  });
});

describe('a build after `npm run dev` on another folder of entries, in the same copy', () => {
  it('still publishes its own logos (Astro’s list of logo imports follows the entries built)', { timeout: SLOW }, async () => {
    const project = await createTempProject();
    expect((await project.astro(['build'])).code).toBe(0);
    const dev = await project.dev({ ORGANISATIONS_DIR: join(PROJECT_ROOT, 'tests/fixtures/organisations') });
    await dev.stop();
    const again = await project.astro(['build']);
    await project.remove();
    expect(again.code, again.output).toBe(0);
  });
});
