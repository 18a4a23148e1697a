/**
 * Every logo is shown inside the same box on every card, whatever its shape, so the grid stays calm.
 * The box is fixed in CSS pixels at every viewport width (it fits a 320 px phone), which makes the
 * right image sizes exact: one candidate at 1× and one at 2× the CSS size.
 * `OrganisationLogo.astro` uses these numbers both for the image transforms and for its CSS.
 */
export const LOGO_BOX = { width: 224, height: 96 } as const;

export interface Size {
  width: number;
  height: number;
}

/** The CSS size a logo is shown at: as large as possible inside the box, never distorted. */
export function logoDisplaySize(source: Size, box: Size = LOGO_BOX): Size {
  if (source.width <= 0 || source.height <= 0) {
    throw new RangeError(`A logo needs a positive size, got ${source.width}×${source.height}.`);
  }
  const scale = Math.min(box.width / source.width, box.height / source.height);
  return {
    width: Math.max(1, Math.round(source.width * scale)),
    height: Math.max(1, Math.round(source.height * scale)),
  };
}

/**
 * The widths to generate: 1× and 2× the CSS width, never wider than the source
 * (upscaling adds bytes, not detail).
 */
export function logoWidths(displayWidth: number, sourceWidth: number): number[] {
  const widths = [displayWidth, displayWidth * 2].map((width) => Math.min(width, sourceWidth));
  return [...new Set(widths)];
}

/**
 * The smallest source, in this logo's shape, that stays sharp on a 2× screen: twice the box it is
 * shown in. Below it the browser would upscale a blurry logo.
 */
export function minimumLogoSize(source: Size, box: Size = LOGO_BOX): Size {
  const scale = Math.min(box.width / source.width, box.height / source.height);
  // The epsilon keeps floating-point noise (448.00000000000006) from asking one pixel too many.
  const atTwice = (length: number) => Math.ceil(length * scale * 2 - 1e-9);
  return { width: atTwice(source.width), height: atTwice(source.height) };
}

export function isLogoTooSmall(source: Size, box: Size = LOGO_BOX): boolean {
  const minimum = minimumLogoSize(source, box);
  return source.width < minimum.width || source.height < minimum.height;
}
