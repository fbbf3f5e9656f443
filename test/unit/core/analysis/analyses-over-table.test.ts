/**
 * Issue 9: the analyses read `HouseholdTable` columns. Over a table built by hand (not by
 * `householdTableOf`, its names laid out differently) and over the equivalent array they give
 * exactly what they gave over the array before the change: the shas below were taken from the
 * code of commit 2a11c71 on the same seeded households (JSON of the whole answer, so ids, order,
 * outlines and the sums to the last bit count).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AnalysisSettings } from '../../../../src/core/model/analysis.ts';
import type { Site } from '../../../../src/core/model/types.ts';
import { analyzeBlindspots } from '../../../../src/core/analysis/analyze-blindspots.ts';
import { haversineLonLatM } from '../../../../src/core/analysis/haversine-lon-lat-m.ts';
import { homesToCover } from '../../../../src/core/analysis/homes-to-cover.ts';
import { suggestSites } from '../../../../src/core/analysis/suggest-sites.ts';
import { createHouseholdsCoverage } from '../../../../src/core/terrain/households-covered-by-sites.ts';
import { suggestSitesOverTerrain } from '../../../../src/core/terrain/suggest-sites-over-terrain.ts';
import { MESSY_SITES, seededMessyHouseholds } from './seeded-messy-households.ts';
import { tableByHand } from './table-by-hand.ts';

const sha = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
const HOMES = seededMessyHouseholds();
const TABLE = tableByHand(HOMES);
const FIXED: Site[] = [{ ...MESSY_SITES[0]!, id: 'p1', status: 'proposed' }];
/** Covers within 1.2 km on the same side of a "ridge" at 108.2° E. */
const MODEL = {
  id: 'fake', reachM: () => 1200, outline: () => ({ type: 'Polygon' as const, coordinates: [] }),
  covers: (s: Site, lon: number, lat: number) => haversineLonLatM(s.lon, s.lat, lon, lat) <= 1200 && (lon <= 108.2) === (s.lon <= 108.2),
};

describe('the analyses over a HouseholdTable', () => {
  it.each<[AnalysisSettings, number, string]>([
    [{ epsM: 500, minHouseholds: 3, uncovered: ['none', 'poor'] }, 12, 'e99fe621a10d255a'],
    [{ epsM: 300, minHouseholds: 2, uncovered: ['none', 'poor', 'unknown'] }, 33, '7bddd11071eb2c4c'],
    [{ epsM: 1500, minHouseholds: 5, uncovered: ['none'] }, 9, '79d47e7dc88e62a0'],
  ])('analyzeBlindspots %j: %i clusters, the answer of the array before the change', (settings, clusters, expected) => {
    const overTable = analyzeBlindspots(TABLE, MESSY_SITES, settings);
    expect(overTable.clusters).toHaveLength(clusters);
    expect(sha(overTable)).toBe(expected);
    expect(sha(analyzeBlindspots(HOMES, MESSY_SITES, settings))).toBe(expected);
  });

  it('analyzeBlindspots merges names that differ by blanks and skips blank ones, as over the array', () => {
    const names = analyzeBlindspots(TABLE, [], { epsM: 1500, minHouseholds: 5, uncovered: ['none'] }).clusters.flatMap((c) => c.villages);
    expect(names).toContain('龙池村');
    expect(names).toContain('Alpha');
    expect(names).toContain('alpha');
    expect(names.every((v) => v === v.trim() && v !== '')).toBe(true);
  });

  it('homesToCover, suggestSites and suggestSitesOverTerrain: the answers of the array before the change', () => {
    expect(sha(homesToCover(TABLE, ['none', 'poor'], FIXED))).toBe('c2b2a34ff0a40f80');
    const options = { count: 5, radiusM: 1500, exact: 'never' as const, fixed: FIXED, clusterCentroids: [[108.2, 30.15]] as [number, number][], pinned: [[108.25, 30.05]] as [number, number][] };
    const suggested = suggestSites(TABLE, options);
    expect(suggested.newlyCoveredStudents).toBeCloseTo(988.1, 6);
    expect(sha(suggested)).toBe('5ba92c193e3cec3b');
    expect(sha(suggestSites(HOMES, options))).toBe('5ba92c193e3cec3b');
    const terrain = suggestSitesOverTerrain(TABLE, { count: 4, model: MODEL, exact: 'never', fixed: FIXED, pinned: [[108.25, 30.05]] });
    expect(terrain.newlyCoveredStudents).toBeCloseTo(779.8, 6);
    expect(sha(terrain)).toBe('66f43ca9ce5da667');
  });

  it('createHouseholdsCoverage: the homes of the classes asked that the model covers, as over the array', () => {
    const sites = [0, 100, 200, 300].map((i) => ({ ...MESSY_SITES[0]!, id: `at-${i}`, lon: HOMES[i]!.lon, lat: HOMES[i]!.lat }));
    const overTable = createHouseholdsCoverage(TABLE, ['none', 'unknown'], MODEL);
    const overArray = createHouseholdsCoverage(HOMES, ['none', 'unknown'], MODEL);
    for (const site of sites) {
      const expected = HOMES.flatMap((h, i) => ((h.cls === 'none' || h.cls === 'unknown') && MODEL.covers(site, h.lon, h.lat) ? [i] : []));
      expect(expected.length).toBeGreaterThan(0);
      expect([...overTable.coveredBy(site)]).toEqual(expected);
      expect([...overArray.coveredBy(site)]).toEqual(expected);
    }
  });
});
