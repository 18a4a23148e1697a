import type { ImageMetadata } from 'astro';

/**
 * An imported image's metadata, read without marking its original file as used: reading the
 * imported object's fields makes Astro copy the full-size original into dist/ beside the optimized
 * files. Astro's own <Picture> reads the hidden `clone` for the same reason.
 */
export function metadataOf(image: ImageMetadata): ImageMetadata {
  return (image as ImageMetadata & { clone?: ImageMetadata }).clone ?? image;
}
