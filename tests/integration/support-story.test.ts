import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempProject, type CommandResult, type TempProject } from '../support/temp-project';

/**
 * The story of a support through the real pipeline, on a copy of the shipped site: an entry that ends
 * (`until: 2024-05`) moves to « Soutenus par le passé » and into the feed, the JSON and the OPML; bad
 * values of each new field stop the build with the file, the field and the fix.
 */

const SLOW = 180_000;

async function editHeader(project: TempProject, file: string, lines: string): Promise<void> {
  const path = join(project.organisations, file);
  await writeFile(path, (await readFile(path, 'utf8')).replace(/\n---\n/, `\n${lines}\n---\n`));
}

describe('an ended support, built', () => {
  let project: TempProject;
  let html = '';

  beforeAll(async () => {
    project = await createTempProject();
    await editHeader(project, 'blast.md', 'support: don-mensuel\nsince: 2021-03\nuntil: 2024-05\nfeed: https://www.blast-info.fr/feed');
    await editHeader(project, 'framasoft.md', 'support: adhesion\nsince: 2022-01-15\nwhy: Pour des outils libres, pour tout le monde.\nfeed: https://framablog.org/feed/');
    const build = await project.astro(['build']);
    expect(build.code, build.output).toBe(0);
    html = await readFile(join(project.dir, 'dist/index.html'), 'utf8');
  }, SLOW);
  afterAll(() => project.remove());

  it('moves to « Soutenus par le passé », the last section, with its period and no call to action', () => {
    const past = html.slice(html.indexOf('id="soutenus-par-le-passe"'));
    expect(past).not.toBe('');
    expect(past).toMatch(/Don mensuel de <time datetime="2021-03"[^>]*>mars 2021<\/time> à <time datetime="2024-05"[^>]*>mai 2024<\/time>/);
    expect(past).toContain('id="blast"');
    expect(past.slice(0, past.indexOf('</section>'))).not.toContain('class="cta"');
    // The table of contents counts it apart.
    expect(html).toMatch(/href="#soutenus-par-le-passe"[^>]*>Soutenus par le passé<span class="count"[^>]*>1<\/span>/);
  });

  it('adds an end item to the feed, and no item for the entries without dates', async () => {
    const feed = await readFile(join(project.dir, 'dist/rss.xml'), 'utf8');
    const titles = [...feed.matchAll(/<item><title>([^<]+)<\/title>/g)].map(([, title]) => title);
    expect(titles).toEqual(['Fin de mon soutien à BLAST', 'Je soutiens Framasoft', 'Je soutiens BLAST']);
  });

  it('organisations.json and the OPML parse and list what the page lists', async () => {
    const data = JSON.parse(await readFile(join(project.dir, 'dist/organisations.json'), 'utf8')) as { organisations: { id: string; current: boolean }[] };
    const cardIds = [...html.matchAll(/<li class="card h-card" id="([^"]+)"/g)].map(([, id]) => id);
    expect(data.organisations.map((organisation) => organisation.id)).toEqual(cardIds);
    expect(data.organisations.find((organisation) => organisation.id === 'blast')?.current).toBe(false);

    const opml = parseDocument(await readFile(join(project.dir, 'dist/organisations.opml'), 'utf8'), { xmlMode: true });
    const outlines: Record<string, string>[] = [];
    const visit = (node: { children?: unknown[]; name?: string; attribs?: Record<string, string> }) => {
      if (node.name === 'outline' && node.attribs) outlines.push(node.attribs);
      for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
    };
    visit(opml as unknown as Parameters<typeof visit>[0]);
    // BLAST's support ended: only Framasoft's feed is followed.
    expect(outlines).toEqual([
      { type: 'rss', text: 'Framasoft', title: 'Framasoft', xmlUrl: 'https://framablog.org/feed/', htmlUrl: 'https://fr.wikipedia.org/wiki/Framasoft' },
    ]);
    expect(html).toContain('rel="outline" type="text/x-opml"');
  });
});

describe('bad values of the new fields', () => {
  let project: TempProject;
  let sync: CommandResult;

  beforeAll(async () => {
    project = await createTempProject();
    await editHeader(project, 'blast.md', 'support: don mensuel');
    await editHeader(project, 'le-media.md', 'since: 2024-05\nuntil: 2021-03');
    await editHeader(project, 'spark.md', 'until: 2099-12');
    await editHeader(project, 'framasoft.md', `why: ${'Parce que. '.repeat(40)}`);
    await editHeader(project, 'croix-rouge.md', 'feed: croix-rouge.fr/rss');
    await editHeader(project, 'la-quadrature-du-net.md', 'why: "Ils sont **formidables**."');
    sync = await project.astro(['sync']);
  }, SLOW);
  afterAll(() => project.remove());

  it.each([
    ['blast.md', 'support', '« don mensuel » n’est pas une façon de soutenir que la page connaît (« support »). Vouliez-vous écrire « don-mensuel » ?'],
    ['le-media.md', 'until', '« until » est avant « since »'],
    ['spark.md', 'until', '« 2099-12 » est dans le futur (« until »)'],
    ['framasoft.md', 'why', 'caractères, 280 au plus'],
    ['croix-rouge.md', 'feed', '« croix-rouge.fr/rss » n’est pas une adresse complète : écrivez « https://croix-rouge.fr/rss »'],
    ['la-quadrature-du-net.md', 'why', 's’écrit en texte simple'],
  ])('%s — « %s »', (file, field, message) => {
    const line = sync.output.split('\n').find((text) => text.includes(`src/content/organisations/${file} — champ « ${field} »`));
    expect(line, sync.output).toContain(message);
  });
});
