import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { untrackedMetadata } from './astro-internals';
import { logoDisplaySize, logoWidths } from './logo-size';

/**
 * How a logo is served, in one place for the card's `<Picture>` and the JSON-LD: at the size it is
 * shown in its box, with a 1× and a 2× candidate, in AVIF and WebP. A vector logo stays a vector.
 */
export function logoImageOptions(logo: ImageMetadata) {
  // Only the optimized logos are published, never the full-size originals (see untrackedMetadata).
  const metadata = untrackedMetadata(logo);
  const { width, height } = logoDisplaySize(metadata);
  return {
    isVector: metadata.format === 'svg',
    width,
    height,
    widths: logoWidths(width, metadata.width),
    // The box has a fixed CSS size, so `sizes` is exact.
    sizes: `${width}px`,
    formats: ['avif', 'webp'] as const,
    fallbackFormat: 'webp' as const,
  };
}

/**
 * The URL of the largest file the card serves for this logo (its 2× WebP; an SVG as it is): the same
 * options as the card's WebP `<source>` give the very same file, not a near-duplicate encode.
 */
export async function largestLogoUrl(logo: ImageMetadata): Promise<string> {
  const { isVector, width, height, widths } = logoImageOptions(logo);
  if (isVector) return untrackedMetadata(logo).src;
  const image = await getImage({ src: logo, width, height, widths, format: 'webp' });
  return image.srcSet.values.at(-1)?.url ?? image.src;
}
