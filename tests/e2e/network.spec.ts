import { expect, test } from '@playwright/test';
import { collectNetwork, MAX_IMAGE_BYTES, scrollToBottom, SITE_URL } from './helpers';

test('the page only talks to its own origin, without errors, and its images are small', async ({ page }) => {
  // Record every request, response, console message and page error from the first byte.
  const origin = new URL(SITE_URL).origin;
  const network = await collectNetwork(page, origin);

  // Load the page, then read it to the bottom so every lazy logo loads.
  await page.goto('/');
  await scrollToBottom(page);
  await network.settled();

  // Something was loaded (the recorder works), and nothing from elsewhere.
  expect(network.requested.length).toBeGreaterThan(1);
  expect.soft(network.foreign, 'requests to another host').toEqual([]);

  // No failure of any kind (each list is checked, so one failure does not hide the others).
  expect.soft(network.failed, 'failed requests').toEqual([]);
  expect.soft(network.badStatus, 'responses with status ≥ 400').toEqual([]);
  expect.soft(network.consoleErrors, 'console errors').toEqual([]);
  expect.soft(network.pageErrors, 'page errors').toEqual([]);

  // Every image downloaded weighs at most 60 KB.
  const images = await network.imageSizes();
  expect(images.length, 'images were downloaded').toBeGreaterThan(0);
  const tooBig = images.filter((image) => image.bytes > MAX_IMAGE_BYTES);
  expect.soft(tooBig, `images over ${MAX_IMAGE_BYTES} bytes`).toEqual([]);
});
