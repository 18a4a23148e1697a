import type { ImageMetadata } from 'astro';

/**
 * The one door to Astro behaviour that is not part of its documented API. Each assumption here has a
 * contract test (`tests/integration/astro-internals.test.ts`) that names it when an Astro upgrade breaks it.
 */

/**
 * An imported image's metadata, read without marking its original file as used. Reading a field of
 * the imported object (a Proxy) records the original, and Astro then copies the full-size file into
 * `dist/` beside the optimized ones; the hidden `clone` is a plain copy. Astro's own `<Picture>` reads
 * `clone` for the same reason (astro/dist/assets/utils/proxy.js).
 */
export function untrackedMetadata(image: ImageMetadata): ImageMetadata {
  return (image as ImageMetadata & { clone?: ImageMetadata }).clone ?? image;
}
