import { describe, expect, it } from 'vitest';
import { PRIVACY_MIN_COUNT, suppressSmallCount } from '../../../../src/core/index.ts';

describe('suppressSmallCount', () => {
  it('writes 1–4 as <5 and leaves 0 and 5 or more as they are', () => {
    expect(PRIVACY_MIN_COUNT).toBe(5);
    expect([0, 1, 2, 3, 4, 5, 6, 100, 12_345].map(suppressSmallCount)).toEqual([0, '<5', '<5', '<5', '<5', 5, 6, 100, 12_345]);
  });
  it('suppresses fractions between 0 and 5 too; negative numbers and NaN are not counts and pass', () => {
    expect([0.5, 4.999, 5.0].map(suppressSmallCount)).toEqual(['<5', '<5', 5]);
    expect(suppressSmallCount(-1)).toBe(-1);
    expect(suppressSmallCount(NaN)).toBeNaN();
  });
});
