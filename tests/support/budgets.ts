/** The largest image file the page may serve: checked in the browser and on a build from press-kit logos. */
export const MAX_IMAGE_BYTES = 60 * 1024;
