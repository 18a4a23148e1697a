import { expect, test } from '@playwright/test';
import { allCards, scrollToBottom } from './helpers';

for (const deviceScaleFactor of [1, 2]) {
  test.describe(() => {
    // This project's device, with this pixel density.
    test.use({ deviceScaleFactor });

    test(`logos are right-sized on a ${deviceScaleFactor}× screen`, async ({ page }) => {
      // Load the page and every lazy logo.
      await page.goto('/');
      await scrollToBottom(page);

      // For every logo: the file the browser chose, its real width, and the room it is shown in.
      const logos = await allCards(page)
        .locator('img')
        .evaluateAll((images: HTMLImageElement[]) =>
          Promise.all(
            images.map(async (img) => {
              // `naturalWidth` is divided by the srcset density: load the same file bare to get its real width
              // (a file that cannot be decoded is reported with a width of 0, and fails below).
              const probe = new Image();
              probe.src = img.currentSrc;
              await probe.decode().catch(() => undefined);
              return { src: img.currentSrc, fileWidth: probe.naturalWidth, cssWidth: img.getBoundingClientRect().width };
            }),
          ),
        );
      expect(logos.length).toBeGreaterThan(0);

      for (const logo of logos) {
        // Sharp enough for the screen (density capped at 2×), yet never more than twice the room it has.
        const needed = logo.cssWidth * Math.min(deviceScaleFactor, 2);
        const label = `${logo.src ? new URL(logo.src).pathname : '(no file chosen)'}: file ${logo.fileWidth}px for ${logo.cssWidth} CSS px at ${deviceScaleFactor}×`;
        expect.soft(logo.fileWidth, `${label} is too small`).toBeGreaterThanOrEqual(needed - 1);
        expect.soft(logo.fileWidth, `${label} is too large`).toBeLessThanOrEqual(2 * logo.cssWidth + 1);
      }
    });
  });
}
