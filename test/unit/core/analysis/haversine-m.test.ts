import { describe, expect, it } from 'vitest';
import { distance, point } from '@turf/turf';
import { haversineM } from '../../../../src/core/index.ts';

describe('haversineM', () => {
  it('agrees with @turf/distance (same Earth radius) across the county and beyond', () => {
    const pairs: [[number, number], [number, number]][] = [
      [[108.1523, 29.9981], [108.1525, 29.9983]],
      [[108.3321, 30.2012], [108.395, 30.25]],
      [[108.2789, 30.1203], [116.4074, 39.9042]],
      [[0, 0], [180, 0]],
    ];
    for (const [a, b] of pairs) {
      const turfM = distance(point(a), point(b), { units: 'meters' });
      expect(haversineM(a, b)).toBeCloseTo(turfM, 6);
    }
  });
  it('is zero for the same point and ~111.2 km per degree of latitude', () => {
    expect(haversineM([108, 30], [108, 30])).toBe(0);
    expect(haversineM([108, 30], [108, 31])).toBeCloseTo(111_195, -1);
  });
});
