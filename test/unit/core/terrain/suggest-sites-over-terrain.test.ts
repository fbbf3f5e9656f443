/**
 * Site suggestion with a coverage model, on a hand-checkable line of homes and a fake model: a
 * site covers the homes within 2 km on its own side of a "ridge" at 108.1° E.
 */
import { describe, expect, it } from 'vitest';
import { suggestSitesOverTerrain } from '../../../../src/core/terrain/suggest-sites-over-terrain.ts';
import { candidateCoverageSets } from '../../../../src/core/terrain/candidate-coverage-sets.ts';
import { haversineLonLatM } from '../../../../src/core/analysis/haversine-lon-lat-m.ts';
import { UserInputError } from '../../../../src/core/model/errors.ts';
import type { AttendanceClass, Household, Site } from '../../../../src/core/model/types.ts';

const RIDGE_LON = 108.1;
const model = {
  id: 'ridge',
  reachM: (s: Site) => (s.antennaHeightM >= 60 ? 4_000 : 2_000),
  covers(s: Site, lon: number, lat: number) {
    return haversineLonLatM(s.lon, s.lat, lon, lat) <= this.reachM(s) && (lon < RIDGE_LON) === (s.lon < RIDGE_LON);
  },
  outline: () => ({ type: 'Polygon' as const, coordinates: [] }),
};

const home = (id: string, lon: number, students: number, cls: AttendanceClass = 'none'): Household => ({
  id, lon, lat: 30, students, cls, reports: [], personal: {}, line: 1,
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
    expect(r).toMatchObject({
      method: 'greedy', exactMethod: null, milpStatus: null, candidates: 6, uncoveredHouseholdsBefore: 6, uncoveredStudentsBefore: 12,
      newlyCoveredStudents: 12, newlyCoveredHouseholds: 6, remainingStudents: 0, greedyStudents: 12, optimumStudents: null,
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
