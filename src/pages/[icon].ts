import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import iconSvg from '../assets/icon.svg?raw';
import { ICONS } from '../lib/icons';

/** The favicon set, drawn once in `src/assets/icon.svg` and rasterized by the build. */
export const getStaticPaths = (() => ICONS.map((icon) => ({ params: { icon: icon.file }, props: icon }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { type, size } = props as (typeof ICONS)[number];
  const body = new Uint8Array(
    await sharp(Buffer.from(iconSvg), { density: 72 * (size / 64) * 2 })
      .resize(size, size)
      .png()
      .toBuffer(),
  );
  return new Response(body, { headers: { 'Content-Type': type } });
};
