import { expect, test, type Page } from '@playwright/test';
import { allCards, scrollToBottom, SITE_URL } from './helpers';

interface Chosen {
  src: string;
  /** The true pixel width of the file the browser picked. */
  fileWidth: number;
  /** The logo's rendered width, in CSS pixels. */
  cssWidth: number;
  devicePixelRatio: number;
}

/** For every logo: the file the browser chose, its real width, and the room it is shown in. */
async function chosenLogos(page: Page): Promise<Chosen[]> {
  return allCards(page)
    .locator('img')
    .evaluateAll((images) =>
      Promise.all(
        images.map(async (element) => {
          const img = element as HTMLImageElement;
          // `naturalWidth` is divided by the srcset density: load the same file bare to get its real width.
          const probe = new Image();
          probe.src = img.currentSrc;
          // A file that cannot be decoded is reported with a width of 0 (and fails below).
          await probe.decode().catch(() => undefined);
          return {
            src: img.currentSrc,
            fileWidth: probe.naturalWidth,
            cssWidth: img.getBoundingClientRect().width,
            devicePixelRatio: window.devicePixelRatio,
          };
        }),
      ),
    );
}

for (const deviceScaleFactor of [1, 2]) {
  test(`logos are right-sized on a ${deviceScaleFactor}× screen`, async ({ browser, baseURL, viewport, isMobile, hasTouch, userAgent }) => {
    // A fresh browser context like this project's device, but with this pixel density.
    const context = await browser.newContext({
      baseURL: baseURL ?? SITE_URL,
      viewport,
      isMobile,
      hasTouch,
      deviceScaleFactor,
      ...(userAgent ? { userAgent } : {}),
    });
    try {
      const page = await context.newPage();

      // Load the page and every lazy logo.
      await page.goto('/');
      await scrollToBottom(page);
      const logos = await chosenLogos(page);
      expect(logos.length).toBeGreaterThan(0);

      for (const logo of logos) {
        // Sharp enough for the screen (density capped at 2×), yet never more than twice the room it has.
        const needed = logo.cssWidth * Math.min(logo.devicePixelRatio, 2);
        const label = `${logo.src ? new URL(logo.src).pathname : '(no file chosen)'}: file ${logo.fileWidth}px for ${logo.cssWidth} CSS px at ${logo.devicePixelRatio}×`;
        expect.soft(logo.fileWidth, `${label} is too small`).toBeGreaterThanOrEqual(needed - 1);
        expect.soft(logo.fileWidth, `${label} is too large`).toBeLessThanOrEqual(2 * logo.cssWidth + 1);
      }
    } finally {
      await context.close();
    }
  });
}
