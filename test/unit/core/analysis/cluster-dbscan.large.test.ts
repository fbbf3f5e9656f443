import { describe, expect, it } from 'vitest';
import { clusterDbscan } from '../../../../src/core/index.ts';
import { syntheticCounty } from '../../../bench/synthetic-county.ts';
import { turfDbscan } from '../../../bench/turf-dbscan.ts';

// 20,000 homes in village-like clumps over one county (~100 × 110 km), seeded.
const COUNTY = { west: 108, east: 109, south: 29.5, north: 30.5 };

describe('clusterDbscan on a seeded county of 20,000 homes', () => {
  for (const [seed, epsM, minPoints] of [[7, 500, 3], [8, 200, 5]] as const) {
    it(`equals Turf with eps ${epsM} m, minPoints ${minPoints}`, () => {
      const { lon, lat } = syntheticCounty(20_000, seed, COUNTY);
      const ours = clusterDbscan(lon, lat, { epsM, minPoints });
      const turf = turfDbscan(lon, lat, epsM, minPoints);
      expect(ours.clusterCount).toBeGreaterThan(100);
      expect(Array.from(ours.clusterOf)).toEqual(Array.from(turf.clusterOf));
      turf.label.forEach((label, i) => { if (label !== 'core') expect(ours.isCore[i]).toBe(0); });
    }, 60_000);
  }
});
