import { area, booleanClockwise, booleanPointInPolygon, clustersDbscan, featureCollection, point } from '@turf/turf';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  analyzeBlindspots, DEFAULT_ANALYSIS_SETTINGS, haversineM, UserInputError,
  type AnalysisSettings, type AttendanceClass, type Household, type Site,
} from '../../../../src/core/index.ts';

const M_PER_DEG_LAT = 6_371_008.8 * Math.PI / 180;
const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos(30 * Math.PI / 180);
/** A point `eastM` / `northM` metres from (108.2, 30.0). */
const at = (eastM: number, northM: number): [number, number] => [108.2 + eastM / M_PER_DEG_LON, 30 + northM / M_PER_DEG_LAT];

function home(id: string, [lon, lat]: [number, number], cls: AttendanceClass, students: number,
  village?: string, township?: string): Household {
  return {
    id, lon, lat, students, cls, line: 0, personal: { 姓名: `name of ${id}` }, reports: [{ line: 0, cls }],
    ...(village ? { village } : {}), ...(township ? { township } : {}),
  };
}

/** Clumps A, B, D, C (input order), two isolated homes, covered and unknown homes inside clumps. */
const HOUSEHOLDS: readonly Household[] = [
  home('iso-far', at(20_000, 20_000), 'none', 2, '远村', '远乡'), // 0
  home('A1', at(0, 0), 'none', 2, '龙池村', '六塘乡'), // 1
  home('A2', at(100, 0), 'poor', 1, '龙池村', '六塘乡'), // 2
  home('A-good', at(50, 50), 'good', 3, '龙池村', '六塘乡'), // 3: covered, inside A
  home('A3', at(0, 100), 'none', 0, '桥头村', '六塘乡'), // 4: no students, still a member
  home('A4', at(100, 100), 'poor', 3, '龙池村'), // 5: no township
  home('B1', [108.25, 30], 'none', 1, '新村', '黄水镇'), // 6
  home('B2', [108.251, 30], 'none', 1, '新村', '黄水镇'), // 7
  home('B3', [108.249, 30], 'none', 2, '新村', '黄水镇'), // 8
  home('B4', [108.25, 30.001], 'poor', 1, '新村', '黄水镇'), // 9
  home('B5', [108.25, 29.999], 'poor', 1, '新村', '黄水镇'), // 10
  home('fair', at(2000, 3000), 'fair', 4), // 11
  home('D1', at(0, 5000), 'none', 2, '乙村', '丙乡'), // 12
  home('D2', at(150, 5000), 'none', 1, '甲村', '丙乡'), // 13
  home('D3', at(75, 5130), 'none', 0, '乙村', '丙乡'), // 14
  home('C1', at(10_000, 0), 'poor', 1, '路村', '丁乡'), // 15
  home('C2', at(10_200, 0), 'poor', 1, '路村', '丁乡'), // 16
  home('C3', at(10_400, 0), 'poor', 1, '路村', '丁乡'), // 17
  home('iso-near', at(1000, 0), 'poor', 1, '龙池村', '六塘乡'), // 18: 900 m from A2
  home('B-unknown', [108.2505, 30.0005], 'unknown', 2), // 19: inside B
];

function site(id: string, lon: number, lat: number): Site {
  return { id, name: id, lon, lat, status: 'existing', antennaHeightM: 30, bandMHz: 900, eirpDbm: 58, radiusM: 3000 };
}
const SITES: readonly Site[] = [site('far', 109, 31), site('near-B', 108.25, 30.01)];

const byId = (analysis: ReturnType<typeof analyzeBlindspots>, id: string) => {
  const cluster = analysis.clusters.find((c) => c.id === id);
  if (!cluster) throw new Error(`no cluster ${id}`);
  return cluster;
};
const outerRings = (g: GeoJSON.Polygon | GeoJSON.MultiPolygon): Position[][] =>
  g.type === 'Polygon' ? [g.coordinates[0]!] : g.coordinates.map((p) => p[0]!);

describe('analyzeBlindspots', () => {
  const analysis = analyzeBlindspots(HOUSEHOLDS, SITES);

  it('finds each clump as a cluster, numbered in DBSCAN order, with its members ascending', () => {
    expect(analysis.clusters.map((c) => [c.id, c.memberIndices])).toEqual([
      ['c-2', [6, 7, 8, 9, 10]],
      ['c-1', [1, 2, 4, 5]],
      ['c-3', [12, 13, 14]],
      ['c-4', [15, 16, 17]],
    ]);
    expect(byId(analysis, 'c-1').householdIds).toEqual(['A1', 'A2', 'A3', 'A4']);
  });

  it('ranks by uncovered students, then uncovered households, then DBSCAN order', () => {
    expect(analysis.clusters.map((c) => [c.id, c.rank, c.uncoveredStudents, c.uncoveredHouseholds])).toEqual([
      ['c-2', 1, 6, 5], // B: 6 students in 5 homes
      ['c-1', 2, 6, 4], // A: 6 students in 4 homes
      ['c-3', 3, 3, 3], // D and C tie on both: D's first core point comes first
      ['c-4', 4, 3, 3],
    ]);
  });

  it('lists the uncovered homes DBSCAN left alone, and totals over every uncovered home', () => {
    expect(analysis.isolatedIndices).toEqual([0, 18]);
    expect(analysis.isolatedHouseholdIds).toEqual(['iso-far', 'iso-near']);
    expect(analysis.uncoveredHouseholds).toBe(17);
    expect(analysis.uncoveredStudents).toBe(21);
    expect(analysis.settings).toEqual(DEFAULT_ANALYSIS_SETTINGS);
  });

  it('keeps a home without students as a member (students only weigh the ranking)', () => {
    expect(byId(analysis, 'c-1').memberIndices).toContain(4);
    // D needs its 0-student home to have 3 members at all.
    expect(byId(analysis, 'c-3').householdIds).toEqual(['D1', 'D2', 'D3']);
  });

  it('counts every household inside the outline, covered and unknown ones included', () => {
    const a = byId(analysis, 'c-1');
    expect([a.households, a.students]).toEqual([5, 9]); // + A-good (3 students)
    const b = byId(analysis, 'c-2');
    expect([b.households, b.students]).toEqual([6, 8]); // + B-unknown (2 students)
    const c = byId(analysis, 'c-4');
    expect([c.households, c.students]).toEqual([3, 3]);
  });

  it('names villages and townships by member count, ties by name', () => {
    expect(byId(analysis, 'c-1').villages).toEqual(['龙池村', '桥头村']);
    expect(byId(analysis, 'c-1').townships).toEqual(['六塘乡']);
    expect(byId(analysis, 'c-3').villages).toEqual(['乙村', '甲村']);
  });

  it('gives the centroid and the haversine distance to the nearest site', () => {
    const b = byId(analysis, 'c-2');
    expect(b.centroid[0]).toBeCloseTo(108.25, 12);
    expect(b.centroid[1]).toBeCloseTo(30, 12);
    // 0.01° of latitude on a sphere of 6,371,008.8 m.
    expect(b.nearestSiteM).toBeCloseTo(1111.951, 2);
    for (const c of analysis.clusters) {
      expect(c.nearestSiteM).toBeCloseTo(Math.min(...SITES.map((s) => haversineM(c.centroid, [s.lon, s.lat]))), 6);
    }
    expect(analyzeBlindspots(HOUSEHOLDS, []).clusters.every((c) => c.nearestSiteM === null)).toBe(true);
  });

  it('outlines every cluster with an RFC 7946 polygon that holds its members', () => {
    for (const c of analysis.clusters) {
      expect(['Polygon', 'MultiPolygon']).toContain(c.outline.type);
      for (const ring of outerRings(c.outline)) expect(booleanClockwise(ring)).toBe(false);
      for (const i of c.memberIndices) {
        expect(booleanPointInPolygon([HOUSEHOLDS[i]!.lon, HOUSEHOLDS[i]!.lat], c.outline)).toBe(true);
      }
    }
  });

  it('gives 3 homes in a row a polygon with an area (line buffered by eps / 2)', () => {
    const c = byId(analysis, 'c-4');
    expect(c.outline.type).toBe('Polygon');
    const m2 = area(c.outline);
    // 400 m × 500 m plus a 250 m disc, a little less for the arcs' chords.
    expect(m2).toBeGreaterThan(380_000);
    expect(m2).toBeLessThan(400 * 500 + Math.PI * 250 ** 2);
  });

  it('gives 3 homes at one place a disc of radius max(eps / 2, 100 m)', () => {
    const same = [0, 1, 2].map((i) => home(`S${i}`, at(0, 0), 'none', 1));
    const [c] = analyzeBlindspots(same, [], { ...DEFAULT_ANALYSIS_SETTINGS, epsM: 100 }).clusters;
    expect(c?.memberIndices).toEqual([0, 1, 2]);
    expect(area(c!.outline)).toBeGreaterThan(0.97 * Math.PI * 100 ** 2);
    expect(area(c!.outline)).toBeLessThan(Math.PI * 100 ** 2);
  });

  it('follows settings.uncovered: with none only, poor homes drop out and clusters change', () => {
    const noneOnly: AnalysisSettings = { ...DEFAULT_ANALYSIS_SETTINGS, uncovered: ['none'] };
    const r = analyzeBlindspots(HOUSEHOLDS, SITES, noneOnly);
    expect(r.clusters.map((c) => [c.id, c.rank, c.householdIds])).toEqual([
      ['c-1', 1, ['B1', 'B2', 'B3']],
      ['c-2', 2, ['D1', 'D2', 'D3']],
    ]);
    expect(r.isolatedIndices).toEqual([0, 1, 4]); // A keeps only 2 'none' homes: too few
    expect([r.uncoveredHouseholds, r.uncoveredStudents]).toEqual([9, 11]);
    expect(r.settings.uncovered).toEqual(['none']);
  });

  it('follows epsM and minHouseholds', () => {
    const one = analyzeBlindspots(HOUSEHOLDS, SITES, { ...DEFAULT_ANALYSIS_SETTINGS, minHouseholds: 1 });
    expect(one.isolatedIndices).toEqual([]);
    expect(one.clusters.reduce((n, c) => n + c.uncoveredHouseholds, 0)).toBe(17);
    const wide = analyzeBlindspots(HOUSEHOLDS, SITES, { ...DEFAULT_ANALYSIS_SETTINGS, epsM: 1000 });
    expect(byId(wide, 'c-1').householdIds).toEqual(['A1', 'A2', 'A3', 'A4', 'iso-near']);
  });

  it('returns no cluster when nothing is uncovered', () => {
    const covered = HOUSEHOLDS.map((h) => ({ ...h, cls: 'good' as const }));
    expect(analyzeBlindspots(covered, SITES)).toEqual({
      settings: DEFAULT_ANALYSIS_SETTINGS, clusters: [], isolatedIndices: [], isolatedHouseholdIds: [],
      uncoveredHouseholds: 0, uncoveredStudents: 0,
    });
    expect(analyzeBlindspots([], []).clusters).toEqual([]);
  });

  it('never changes its inputs and shares nothing mutable with them', () => {
    const households = structuredClone(HOUSEHOLDS) as Household[];
    const sites = structuredClone(SITES) as Site[];
    const settings: AnalysisSettings = { epsM: 500, minHouseholds: 3, uncovered: ['none', 'poor'] };
    const deepFreeze = <T>(x: T): T => {
      if (x && typeof x === 'object') { Object.values(x).forEach(deepFreeze); Object.freeze(x); }
      return x;
    };
    deepFreeze(households); deepFreeze(sites); deepFreeze(settings);
    const r = analyzeBlindspots(households, sites, settings);
    expect(households).toEqual(HOUSEHOLDS);
    expect(r.settings).not.toBe(settings);
    expect(r.settings.uncovered).not.toBe(settings.uncovered);
    expect(JSON.stringify(r)).not.toMatch(/name of/);
  });

  it.each([
    [{ epsM: 0 }], [{ epsM: -5 }], [{ epsM: Number.NaN }], [{ minHouseholds: 0 }], [{ minHouseholds: 2.5 }],
    [{ epsM: 2_000_000 }], [{ uncovered: [] }], [{ uncovered: ['none', 'bad'] }],
  ])('rejects bad settings %j with invalid_analysis_settings', (patch) => {
    const settings = { ...DEFAULT_ANALYSIS_SETTINGS, ...patch } as AnalysisSettings;
    expect(() => analyzeBlindspots(HOUSEHOLDS, SITES, settings)).toThrow(UserInputError);
    try { analyzeBlindspots(HOUSEHOLDS, SITES, settings); } catch (err) {
      expect((err as UserInputError).code).toBe('invalid_analysis_settings');
    }
  });

  it('has exactly the membership of @turf/clusters-dbscan over the uncovered homes in input order', () => {
    const classes: AttendanceClass[] = ['none', 'poor', 'fair', 'good', 'unknown'];
    const homes = fc.array(fc.record({
      e: fc.integer({ min: 0, max: 3000 }), n: fc.integer({ min: 0, max: 3000 }),
      cls: fc.constantFrom(...classes), students: fc.integer({ min: 0, max: 4 }),
    }), { maxLength: 80 });
    fc.assert(fc.property(homes, fc.constantFrom(150, 300, 500), fc.integer({ min: 1, max: 4 }), (rows, epsM, minHouseholds) => {
      const households = rows.map((r, i) => home(`h${i}`, at(r.e, r.n), r.cls, r.students));
      const r = analyzeBlindspots(households, [], { epsM, minHouseholds, uncovered: ['none', 'poor'] });
      const uncovered = households.flatMap((h, i) => (h.cls === 'none' || h.cls === 'poor' ? [i] : []));
      const turf = clustersDbscan(featureCollection(uncovered.map((i) => point([households[i]!.lon, households[i]!.lat]))),
        epsM, { units: 'meters', minPoints: minHouseholds });
      const expected = new Map<string, number[]>();
      const isolated: number[] = [];
      turf.features.forEach((f, k) => {
        const c = f.properties.cluster;
        if (c === undefined) isolated.push(uncovered[k]!);
        else expected.set(`c-${c + 1}`, [...(expected.get(`c-${c + 1}`) ?? []), uncovered[k]!]);
      });
      expect(new Map(r.clusters.map((c) => [c.id, c.memberIndices]))).toEqual(expected);
      expect(r.isolatedIndices).toEqual(isolated);
    }), { numRuns: 60 });
  });
});
