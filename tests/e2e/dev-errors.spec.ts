import { cp, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createTempProject, PROJECT_ROOT, type TempProject } from '../support/temp-project';

/**
 * While the owner edits: under `npm run dev`, a draft shows with the others (a build leaves it out: fixtures.spec.ts), and an entry that
 * becomes invalid shows the build's message in the browser (Astro's error overlay), not only in the terminal; fixed, the page comes
 * back. On a copy of the site.
 */

test.describe('npm run dev, on a copy of the site', () => {
  // One dev server, one browser: the desktop project is enough.
  test.skip(({ isMobile }) => isMobile, 'the same in every browser size');
  // One worker, one dev server for both tests.
  test.describe.configure({ mode: 'default' });

  let project: TempProject;
  let server: Awaited<ReturnType<TempProject['dev']>> | undefined;
  let url = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    project = await createTempProject();
    // The fixture draft, whose logo is the shipped spark.webp.
    await cp(join(PROJECT_ROOT, 'tests/fixtures/organisations/brouillon.md'), join(project.organisations, 'brouillon.md'));
    server = await project.dev({ ORGANISATIONS_DIR: '' });
    url = server.url;
  });

  test.afterAll(async () => {
    await server?.stop();
    await project?.remove();
  });

  test('shows the draft entry with the others', async ({ page }) => {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 3, name: 'Brouillon en cours' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'BLAST' })).toBeVisible();
  });

  test('the browser shows what is wrong, where and how to fix it, then the page again', async ({ page }) => {
    test.setTimeout(90_000);
    const entry = join(project.organisations, 'blast.md');
    const original = await readFile(entry, 'utf8');
    // Saved as editors with « atomic save » do (a new file renamed over the old one): a file written in place is
    // empty for an instant, and a change event may read it so (the loader waits for it to settle; Astro's glob does not).
    const save = async (text: string) => {
      await writeFile(`${entry}.tmp`, text);
      await rename(`${entry}.tmp`, entry);
    };
    // An edit saved before Vite's client has connected its socket is never pushed to the page (the test was
    // flaky when a write came too early): after each load of the page, the next edit waits for the client.
    const connected = () =>
      page.waitForEvent('console', { predicate: (message) => message.text().includes('[vite] connected'), timeout: 30_000 });
    const heading = page.getByRole('heading', { level: 3, name: 'BLAST' });
    let ready = connected();
    await page.goto(url);
    await ready;
    await expect(heading).toBeVisible();

    const mistakes = [
      // The owner mistypes the address; then writes a header that is no longer YAML (Astro cannot even read it).
      [
        /^url: .*$/m,
        'url: blast-info.fr',
        '« url » : « blast-info.fr » n’est pas une adresse complète : écrivez « https://blast-info.fr ».',
      ],
      [/^name: .*$/m, 'name: [BLAST', '« en-tête » : l’en-tête est mal écrit'],
    ] as const;
    const overlay = page.locator('vite-error-overlay');
    for (const [line, mistake, says] of mistakes) {
      // Saved, the page reloads by itself into Astro's error overlay, which says what is wrong, where and how to fix it.
      ready = connected();
      await save(original.replace(line, mistake));
      await expect(overlay).toBeVisible({ timeout: 20_000 });
      await ready;
      await expect(overlay).toContainText(`src/content/organisations/blast.md — champ ${says}`);

      // Fixed and saved: the page comes back, without the owner reloading it.
      ready = connected();
      await save(original);
      await expect(heading).toBeVisible({ timeout: 20_000 });
      await expect(overlay).toHaveCount(0);
      await ready;
    }
  });
});
