import { describe, expect, it } from 'vitest';
import { isLogoTooSmall, LOGO_BOX, logoDisplaySize, logoWidths, minimumLogoSize } from '../../src/lib/logo-size';

describe('logoDisplaySize', () => {
  it.each([
    ['fits a wide wordmark to the width of the box', { width: 2000, height: 500 }, { width: 224, height: 56 }],
    ['fits a square badge to the height of the box', { width: 1200, height: 1200 }, { width: 96, height: 96 }],
    ['fits a tall logo to the height of the box', { width: 800, height: 1000 }, { width: 77, height: 96 }],
  ])('%s', (_, source, shown) => {
    expect(logoDisplaySize(source)).toEqual(shown);
  });

  it('never leaves the box, whatever the shape', () => {
    for (const [width, height] of [
      [1, 5000],
      [5000, 1],
      [1000, 429],
      [333, 777],
    ] as const) {
      const size = logoDisplaySize({ width, height });
      expect(size.width).toBeLessThanOrEqual(LOGO_BOX.width);
      expect(size.height).toBeLessThanOrEqual(LOGO_BOX.height);
      expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses an empty image', () => {
    expect(() => logoDisplaySize({ width: 0, height: 100 })).toThrow(RangeError);
  });
});

describe('logoWidths', () => {
  it('covers 1× and 2× screens, and never upscales a small source', () => {
    expect([logoWidths(224, 2000), logoWidths(224, 300), logoWidths(224, 224)]).toEqual([[224, 448], [224, 300], [224]]);
  });
});

describe('minimumLogoSize and isLogoTooSmall', () => {
  it('asks twice the box, in the logo’s own shape', () => {
    expect(minimumLogoSize({ width: 300, height: 75 })).toEqual({ width: 448, height: 112 });
    expect(minimumLogoSize({ width: 100, height: 100 })).toEqual({ width: 192, height: 192 });
    // 200 × (224 / 200) × 2 is 448.00000000000006 in floating point.
    expect(minimumLogoSize({ width: 200, height: 50 })).toEqual({ width: 448, height: 112 });
  });

  it.each([
    [448, 112, false],
    [2000, 500, false],
    [192, 192, false],
    [447, 112, true],
    [120, 120, true],
  ])('a %i×%i logo is too small: %s (from exactly twice the box, it is not upscaled on a 2× screen)', (width, height, tooSmall) => {
    expect(isLogoTooSmall({ width, height })).toBe(tooSmall);
  });
});
