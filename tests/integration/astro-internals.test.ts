import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasLogoExtension } from '../../src/lib/organisations/logo-check';
import { createTempProject, type TempProject } from '../support/temp-project';

/**
 * Contract tests of `src/lib/astro-internals.ts` and of the Astro behaviour the page relies on without a
 * documented promise. Each failure says which assumption an Astro upgrade broke, and where it is used.
 */

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

let project: TempProject;
let html = '';

beforeAll(async () => {
  project = await createTempProject();
  const result = await project.astro(['build']);
  expect(result.code, result.output).toBe(0);
  html = await readFile(join(project.dir, 'dist/index.html'), 'utf8');
}, 180_000);
afterAll(() => project.remove());

describe('Astro internals behind src/lib/astro-internals.ts', () => {
  it('an imported image has an untracked `clone`: reading a logo’s size does not publish its original', async () => {
    const originals = new Set<string>();
    for (const name of (await readdir(project.organisations)).filter(hasLogoExtension)) {
      originals.add(sha256(await readFile(join(project.organisations, name))));
    }
    const published = await readdir(join(project.dir, 'dist/_astro'));
    const copies: string[] = [];
    for (const name of published) {
      if (originals.has(sha256(await readFile(join(project.dir, 'dist/_astro', name))))) copies.push(name);
    }
    expect(
      copies,
      'An original logo was published beside the optimized ones: Astro’s imported images no longer expose the untracked ' +
        '`clone` that untrackedMetadata() reads (src/lib/astro-internals.ts; Astro defines it in astro/dist/assets/utils/proxy.js).',
    ).toEqual([]);
  });
});

describe('Astro behaviour the page relies on', () => {
  it('getImage() with the options of the card’s WebP <source> returns the very file the card serves', () => {
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as {
      itemListElement: { item: { logo: string } }[];
    };
    const served = new Set(
      [...html.matchAll(/srcset="([^"]+)"/g)].flatMap(([, srcset]) =>
        (srcset ?? '').split(',').map((candidate) => candidate.trim().split(' ')[0]),
      ),
    );
    const logos = jsonLd.itemListElement.map(({ item }) => new URL(item.logo).pathname);
    expect(logos.length).toBeGreaterThan(0);
    expect(
      logos.filter((logo) => !served.has(logo)),
      'The JSON-LD logos are no longer files the cards serve: getImage() with the same options as <Picture>’s WebP source ' +
        'now gives another file (src/lib/logo-image.ts, largestLogoUrl), so each logo is encoded twice.',
    ).toEqual([]);
  });
});
