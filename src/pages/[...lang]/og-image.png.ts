import type { APIRoute } from 'astro';
import { escapeUTF8 } from 'entities';
import sharp from 'sharp';
import { getOrganisations, getSiteWords, logoSourceFile } from '../../content';
import { langStaticPaths } from '../../lib/i18n';
import { SOCIAL_IMAGE } from '../../lib/site';
import { fill } from '../../lib/templates';
import { typography } from '../../lib/typography';

export const getStaticPaths = langStaticPaths;

/**
 * The image shown when the page is shared (Open Graph, Twitter card): the title and the organisations'
 * logos on light tiles, composed by the build with sharp; no external service.
 */
const { width: WIDTH, height: HEIGHT } = SOCIAL_IMAGE;
const COLUMNS = 5;
const TILE = { width: 200, height: 110, gap: 16, padding: 14 };

/**
 * The density at which a vector logo is rasterised: twice the tile's size, at most 300 dpi. A fixed 300 dpi
 * turns an SVG declared 5000×5000 into 400 million pixels, beyond sharp's limit; raster logos ignore it.
 */
async function densityFor(source: string, box: { width: number; height: number }): Promise<number> {
  const { format, width = 1, height = 1 } = await sharp(source).metadata();
  if (format !== 'svg') return 300;
  return Math.max(1, Math.min(300, 72 * 2 * Math.min(box.width / width, box.height / height)));
}

export const GET: APIRoute<{ lang: string }> = async ({ props: { lang } }) => {
  const words = await getSiteWords(lang);
  const organisations = await getOrganisations(lang);
  const shown = organisations.slice(0, COLUMNS * 2);
  const gridWidth = COLUMNS * TILE.width + (COLUMNS - 1) * TILE.gap;
  const left = (WIDTH - gridWidth) / 2;
  const tileAt = (index: number) => ({
    x: left + (index % COLUMNS) * (TILE.width + TILE.gap),
    y: 250 + Math.floor(index / COLUMNS) * (TILE.height + TILE.gap),
  });

  const background = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <rect width="100%" height="100%" fill="#f8f6f1"/>
    <rect x="${left}" y="56" width="64" height="6" fill="#a53a22"/>
    <text x="${left}" y="150" font-family="DejaVu Serif, Liberation Serif, Georgia, serif" font-weight="700" font-size="84" fill="#1d1b18">${escapeUTF8(typography(words.title, lang))}</text>
    <text x="${left}" y="205" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="30" fill="#57534c">${escapeUTF8(typography(fill(words.socialImage.subtitle, { n: String(organisations.length) }), lang))}</text>
    ${shown
      .map((_, index) => {
        const { x, y } = tileAt(index);
        return `<rect x="${x}" y="${y}" width="${TILE.width}" height="${TILE.height}" rx="10" fill="#ffffff" stroke="#e2ddd3" stroke-width="2"/>`;
      })
      .join('')}
  </svg>`);

  const logos = await Promise.all(
    shown.map(async (organisation, index) => {
      const source = await logoSourceFile(organisation);
      const box = { width: TILE.width - 2 * TILE.padding, height: TILE.height - 2 * TILE.padding };
      const input = await sharp(source, { density: await densityFor(source, box) })
        .resize(box.width, box.height, { fit: 'inside' })
        .png()
        .toBuffer({ resolveWithObject: true });
      const { x, y } = tileAt(index);
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
