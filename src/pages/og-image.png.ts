import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { APIRoute, ImageMetadata } from 'astro';
import { getCollection } from 'astro:content';
import sharp from 'sharp';
import { readFrontmatter } from '../lib/frontmatter';
import { groupByCategory, isPublished } from '../lib/organisations';
import { SITE } from '../lib/site';

/**
 * The image shown when the page is shared (Open Graph, Twitter card): the title and the organisations'
 * logos on light tiles, composed by the build with sharp; no external service.
 */
const { width: WIDTH, height: HEIGHT } = SITE.socialImage;
const COLUMNS = 5;
const TILE = { width: 200, height: 110, gap: 16, padding: 14 };

/**
 * The logo's source file, read at build time only. Raster logos carry their path (`fsPath`);
 * SVG logos do not, so their path is read from the entry's own frontmatter.
 */
async function logoSourceFile(logo: ImageMetadata, entryFile: string | undefined): Promise<string> {
  const fsPath = (logo as ImageMetadata & { fsPath?: string }).fsPath;
  if (fsPath) return fsPath;
  if (!entryFile) throw new Error(`No source file for the logo ${logo.src}.`);
  const frontmatter = readFrontmatter(await readFile(entryFile, 'utf8'));
  const written = 'data' in frontmatter ? frontmatter.data['logo'] : undefined;
  if (typeof written !== 'string') throw new Error(`No logo in ${entryFile}.`);
  return resolve(dirname(entryFile), written);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

export const GET: APIRoute = async () => {
  const organisations = groupByCategory(
    await getCollection('organisations', (entry) => isPublished(entry, { includeDrafts: false })),
  ).flatMap((group) => group.organisations);
  const shown = organisations.slice(0, COLUMNS * 2);
  const gridWidth = COLUMNS * TILE.width + (COLUMNS - 1) * TILE.gap;
  const left = (WIDTH - gridWidth) / 2;
  const top = 250;

  const background = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <rect width="100%" height="100%" fill="#f8f6f1"/>
    <rect x="${left}" y="56" width="64" height="6" fill="#a53a22"/>
    <text x="${left}" y="150" font-family="DejaVu Serif, Liberation Serif, Georgia, serif" font-weight="700" font-size="84" fill="#1d1b18">${escapeXml(SITE.title)}</text>
    <text x="${left}" y="205" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="30" fill="#57534c">${escapeXml(`${organisations.length} médias, associations et combats que je soutiens`)}</text>
    ${shown
      .map((_, index) => {
        const x = left + (index % COLUMNS) * (TILE.width + TILE.gap);
        const y = top + Math.floor(index / COLUMNS) * (TILE.height + TILE.gap);
        return `<rect x="${x}" y="${y}" width="${TILE.width}" height="${TILE.height}" rx="10" fill="#ffffff" stroke="#e2ddd3" stroke-width="2"/>`;
      })
      .join('')}
  </svg>`);

  const logos = await Promise.all(
    shown.map(async (organisation, index) => {
      const source = await logoSourceFile(organisation.data.logo, organisation.filePath);
      const input = await sharp(source, { density: 300 })
        .resize(TILE.width - 2 * TILE.padding, TILE.height - 2 * TILE.padding, { fit: 'inside' })
        .png()
        .toBuffer({ resolveWithObject: true });
      const x = left + (index % COLUMNS) * (TILE.width + TILE.gap);
      const y = top + Math.floor(index / COLUMNS) * (TILE.height + TILE.gap);
      return {
        input: input.data,
        left: Math.round(x + (TILE.width - input.info.width) / 2),
        top: Math.round(y + (TILE.height - input.info.height) / 2),
      };
    }),
  );

  const png = await sharp(background).composite(logos).png({ compressionLevel: 9, palette: true, quality: 90 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
