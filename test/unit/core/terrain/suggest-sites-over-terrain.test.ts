/**
 * Site suggestion with a coverage model, on a hand-checkable line of homes and a fake model (a
 * site covers the homes within 2 km on its own side of a "ridge" at 108.1° E), and with the
 * terrain model over a small synthetic DEM (the exact search against the greedy, HiGHS against
 * the brute force).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { suggestSitesOverTerrain } from '../../../../src/core/terrain/suggest-sites-over-terrain.ts';
import { candidateCoverageSets } from '../../../../src/core/terrain/candidate-coverage-sets.ts';
import { createGridDem } from '../../../../src/core/terrain/grid-dem.ts';
import { terrainCoverageModel } from '../../../../src/core/propagation/terrain-coverage-model.ts';
import { haversineLonLatM } from '../../../../src/core/analysis/haversine-lon-lat-m.ts';
import type { HighsLike } from '../../../../src/core/analysis/milp-max-cover.ts';
import { UserInputError } from '../../../../src/core/model/errors.ts';
import type { AttendanceClass, Household, Site } from '../../../../src/core/model/types.ts';
import { at } from '../coverage/fixtures.ts';

let highs: HighsLike;
beforeAll(async () => {
  highs = await (await import('highs')).default();
});

const RIDGE_LON = 108.1;
const model = {
  id: 'ridge',
  reachM: (s: Site) => (s.antennaHeightM >= 60 ? 4_000 : 2_000),
  covers(s: Site, lon: number, lat: number) {
    return haversineLonLatM(s.lon, s.lat, lon, lat) <= this.reachM(s) && (lon < RIDGE_LON) === (s.lon < RIDGE_LON);
  },
  outline: () => ({ type: 'Polygon' as const, coordinates: [] }),
};

const home = (id: string, lon: number, students: number, cls: AttendanceClass = 'none', lat = 30): Household => ({
  id, lon, lat, students, cls, reports: [], personal: {}, line: 1,
});
// 0.01° of longitude at 30° N ≈ 963 m.
const HOMES = [
  home('W1', 108.08, 2), home('W2', 108.09, 2), home('W3', 108.095, 1), // west of the ridge: 5 students
  home('E1', 108.105, 3), home('E2', 108.11, 3), // east, next to the ridge: 6 students
  home('F1', 108.2, 1), // far east, alone
  home('G1', 108.085, 9, 'good'), // covered today: never counted
];

describe('candidateCoverageSets', () => {
  it('asks only points within reach and reports progress', () => {
    const asked: [number, number][] = [];
    const spy = { ...model, covers(s: Site, lon: number, lat: number) { asked.push([s.lon, lon]); return model.covers.call(model, s, lon, lat); } };
    const progress: number[] = [];
    const sets = candidateCoverageSets(
      { lon: Float64Array.from([108.08, 108.105, 108.2]), lat: Float64Array.from([30, 30, 30]) },
      { lon: Float64Array.from([108.09, 108.2]), lat: Float64Array.from([30, 30]) },
      spy, { antennaHeightM: 30, bandMHz: 900, eirpDbm: 58 }, (done, total) => progress.push(done / total),
    );
    expect(sets.map((s) => [...s])).toEqual([[0], [2]]);
    // Each candidate is asked only about the homes within its 2 km reach.
    expect(asked).toEqual([[108.09, 108.08], [108.09, 108.105], [108.2, 108.2]]);
    expect(progress).toEqual([0.5, 1]);
  });
});

describe('suggestSitesOverTerrain', () => {
  it('picks one side of the ridge at a time, most students first, with the homes each newly covers', () => {
    const r = suggestSitesOverTerrain(HOMES, { count: 3, model });
    expect(r.sites.map((s) => [s.site.id, s.site.lon, s.newlyCoveredStudents, s.newlyCoveredHouseholds, s.source])).toEqual([
      ['suggested-1', 108.105, 6, 2, 'household'],
      ['suggested-2', 108.08, 5, 3, 'household'],
      ['suggested-3', 108.2, 1, 1, 'household'],
    ]);
    expect(r.newlyCoveredIndices).toEqual([[3, 4], [0, 1, 2], [5]]);
    // Six candidates, K = 3: the brute force is cheap, so 'auto' checks the greedy answer with it.
    expect(r).toMatchObject({
      method: 'exact', exactMethod: 'brute-force', milpStatus: null, candidates: 6, uncoveredHouseholdsBefore: 6, uncoveredStudentsBefore: 12,
      newlyCoveredStudents: 12, newlyCoveredHouseholds: 6, remainingStudents: 0, greedyStudents: 12, optimumStudents: 12, greedyGapPercent: 0,
    });
    expect(suggestSitesOverTerrain(HOMES, { count: 3, model, exact: 'never' })).toMatchObject({
      method: 'greedy', exactMethod: null, milpStatus: null, greedyStudents: 12, optimumStudents: null, greedyGapPercent: null,
      newlyCoveredIndices: [[3, 4], [0, 1, 2], [5]],
    });
    expect(r.sites.every((s) => s.site.radiusM === 2_000 && s.site.origin === 'suggested' && s.site.antennaHeightM === 30)).toBe(true);
  });

  it('stops when nothing more can be covered; the reach follows the site defaults', () => {
    const r = suggestSitesOverTerrain(HOMES, { count: 10, model, siteDefaults: { antennaHeightM: 60 } });
    expect(r.sites).toHaveLength(3);
    expect(r.sites[0]!.site.radiusM).toBe(4_000);
  });

  it('removes the homes a fixed proposal covers by the model, and skips its id', () => {
    const fixed: Site = {
      id: 'suggested-1', name: 'kept', lon: 108.095, lat: 30, status: 'proposed', antennaHeightM: 30, bandMHz: 900, eirpDbm: 58, radiusM: 99_999,
    };
    const r = suggestSitesOverTerrain(HOMES, { count: 1, model, fixed: [fixed] });
    // The fixed site covers the west side only (not E1 170 m away across the ridge).
    expect(r.uncoveredStudentsBefore).toBe(7);
    expect(r.sites.map((s) => [s.site.id, s.site.lon, s.newlyCoveredStudents])).toEqual([['suggested-2', 108.105, 6]]);
  });

  it('takes cluster centroids and pinned points as candidates, dropping exact duplicates', () => {
    const r = suggestSitesOverTerrain(HOMES, {
      count: 1, model, clusterCentroids: [[108.08, 30], [108.107, 30]], pinned: [[108.107, 30]],
    });
    expect(r.candidates).toBe(7);
  });

  it('refuses a bad count', () => {
    expect(() => suggestSitesOverTerrain(HOMES, { count: -1, model })).toThrow(UserInputError);
    expect(() => suggestSitesOverTerrain(HOMES, { count: 1.5, model })).toThrow(/whole number/);
  });
});

describe('suggestSitesOverTerrain, exact search', () => {
  it('finds the optimum where the greedy falls into the middle trap (HiGHS, else the brute force)', () => {
    // Homes 0, 1000, 1500, 2000, 3000 m east (students 2, 2, 1, 2, 2); pinned 500 and 2500 m; a model covering 550 m.
    const circle = {
      id: 'circle-550', reachM: () => 550, outline: () => ({ type: 'Polygon' as const, coordinates: [] }),
      covers: (s: Site, lon: number, lat: number) => haversineLonLatM(s.lon, s.lat, lon, lat) <= 550,
    };
    const homes = [[0, 2], [1000, 2], [1500, 1], [2000, 2], [3000, 2]].map(([e, n], i) => home(`h${i}`, at(e!, 0)[0], n!, 'none', at(e!, 0)[1]));
    const opts = { count: 2, model: circle, pinned: [at(500, 0), at(2500, 0)] };
    const milp = suggestSitesOverTerrain(homes, { ...opts, milp: highs });
    expect(milp).toMatchObject({ method: 'exact', exactMethod: 'milp', milpStatus: 'optimal', greedyStudents: 7, optimumStudents: 8, newlyCoveredStudents: 8 });
    expect(milp.greedyGapPercent).toBeCloseTo(12.5, 10);
    expect(milp.sites.map((x) => [x.source, x.newlyCoveredStudents, x.site.radiusM])).toEqual([['pinned', 4, 550], ['pinned', 4, 550]]);
    expect(milp.newlyCoveredIndices).toEqual([[0, 1], [3, 4]]);
    expect(suggestSitesOverTerrain(homes, opts)).toMatchObject({ method: 'exact', exactMethod: 'brute-force', milpStatus: null, newlyCoveredStudents: 8 });
    expect(suggestSitesOverTerrain(homes, { ...opts, milp: highs, milpOptions: { maxNonzeros: 1 } }))
      .toMatchObject({ method: 'exact', exactMethod: 'brute-force', milpStatus: 'too_large', newlyCoveredStudents: 8 });
    const greedy = suggestSitesOverTerrain(homes, { ...opts, milp: highs, exact: 'never' });
    expect(greedy).toMatchObject({ method: 'greedy', exactMethod: null, milpStatus: null, newlyCoveredStudents: 7, newlyCoveredIndices: [[1, 2, 3], [0]] });
  });

  it("'always' throws when neither HiGHS nor the brute force can answer; 'auto' then keeps the greedy", () => {
    const pinned = Array.from({ length: 40 }, (_, i): [number, number] => [108.0 + i * 0.001, 30.01]);
    expect(() => suggestSitesOverTerrain(HOMES, { count: 5, model, pinned, exact: 'always' })).toThrow(/subsets/);
    expect(suggestSitesOverTerrain(HOMES, { count: 5, model, pinned })).toMatchObject({ method: 'greedy', exactMethod: null, milpStatus: null });
  });

  // A 0.3° × 0.2° synthetic DEM (≈ 250 m cells): plains at 300 m, a 500 m ridge running north–south
  // at 108.15° E and a 350 m hill at (108.08°, 30.03°); the terrain model with a stricter threshold
  // (−95 dBm: reach ≈ 6 km) so that sites reach parts of the area only.
  const dem = createGridDem({
    samples: Float32Array.from({ length: 121 * 81 }, (_, i) => {
      const lon = 108 + (i % 121) * 0.0025, lat = 30.1 - Math.floor(i / 121) * 0.0025;
      return 300 + 500 * Math.exp(-(((lon - 108.15) / 0.006) ** 2)) + 350 * Math.exp(-(((lon - 108.08) ** 2 + (lat - 30.03) ** 2) / 0.01 ** 2));
    }),
    width: 121, height: 81, westLon: 108, northLat: 30.1, cellSizeDeg: [0.0025, 0.0025], registration: 'point', label: 'ridge and hill',
  });
  const terrain = terrainCoverageModel(dem, { thresholdDbm: -95 });
  const homesArb = fc.record({
    homes: fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 14 }),
    pinned: fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 100 })), { maxLength: 3 }),
    k: fc.integer({ min: 1, max: 4 }),
  }).map(({ homes, pinned, k }) => ({
    // Homes and pinned points on a 0.001° lattice over 108.05–108.25° E, 29.95–30.05° N.
    homes: homes.map(([x, y, n], i) => home(`t${i}`, 108.05 + x * 0.001, n, i % 4 === 3 ? 'poor' : 'none', 29.95 + y * 0.001)),
    pinned: pinned.map(([x, y]): [number, number] => [108.05 + x * 0.001, 29.95 + y * 0.001]),
    k,
  }));

  it('over a synthetic DEM: HiGHS = brute force, optimum ≥ greedy, methods reported, each site’s homes really its own', () => {
    fc.assert(fc.property(homesArb, ({ homes, pinned, k }) => {
      const base = { count: k, model: terrain, pinned };
      const greedy = suggestSitesOverTerrain(homes, { ...base, exact: 'never' });
      const milp = suggestSitesOverTerrain(homes, { ...base, milp: highs, exact: 'always' });
      const brute = suggestSitesOverTerrain(homes, { ...base, exact: 'always' });
      expect(greedy).toMatchObject({ method: 'greedy', exactMethod: null, milpStatus: null, optimumStudents: null });
      expect(milp).toMatchObject({ method: 'exact', exactMethod: 'milp', milpStatus: 'optimal' });
      expect(brute).toMatchObject({ method: 'exact', exactMethod: 'brute-force', milpStatus: null });
      expect([milp.newlyCoveredStudents, milp.newlyCoveredHouseholds]).toEqual([brute.newlyCoveredStudents, brute.newlyCoveredHouseholds]);
      expect(milp.optimumStudents).toBe(milp.newlyCoveredStudents);
      expect(milp.newlyCoveredStudents).toBeGreaterThanOrEqual(greedy.newlyCoveredStudents);
      expect(milp.greedyStudents).toBe(greedy.newlyCoveredStudents);
      expect(milp.greedyGapPercent).toBeGreaterThanOrEqual(0);
      expect(milp.sites.length).toBeLessThanOrEqual(k);
      // Each site's newly covered homes: covered by it, by no site before it, and its counts.
      const seen = new Set<number>();
      milp.sites.forEach((s, i) => {
        const mine = milp.newlyCoveredIndices[i]!;
        expect(mine.length).toBe(s.newlyCoveredHouseholds);
        expect(mine.reduce((n, h) => n + homes[h]!.students, 0)).toBe(s.newlyCoveredStudents);
        for (const h of mine) {
          expect(seen.has(h)).toBe(false);
          expect(terrain.covers(s.site, homes[h]!.lon, homes[h]!.lat)).toBe(true);
          seen.add(h);
        }
      });
      // No uncovered home outside those lists is covered by a suggested site.
      homes.forEach((h, i) => {
        if (!seen.has(i)) expect(milp.sites.some((s) => terrain.covers(s.site, h.lon, h.lat))).toBe(false);
      });
    }), { numRuns: 40 });
  }, 60_000);

  it('over the DEM the ridge shapes the sets: a site reaches across the plain but not behind the ridge', () => {
    const west = home('W', 108.12, 3, 'none', 30), far = home('E', 108.18, 3, 'none', 30), near = home('N', 108.1, 1, 'none', 30);
    const r = suggestSitesOverTerrain([west, far, near], { count: 1, model: terrain, milp: highs });
    expect(terrain.reachM(r.sites[0]!.site)).toBeGreaterThan(haversineLonLatM(108.12, 30, 108.18, 30));
    expect(r).toMatchObject({ method: 'exact', exactMethod: 'milp', newlyCoveredStudents: 4, newlyCoveredIndices: [[0, 2]] });
  });
});
