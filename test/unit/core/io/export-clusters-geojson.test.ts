import { booleanClockwise } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { clustersToGeoJson, CLUSTERS_SCHEMA } from '../../../../src/core/io/export-clusters-geojson.ts';
import type { BlindspotAnalysis, BlindspotCluster } from '../../../../src/core/model/analysis.ts';

/** A square ring around (lon, lat), half-side d degrees, clockwise when `cw`. */
function square(lon: number, lat: number, d: number, cw: boolean): Position[] {
  const ccw: Position[] = [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]];
  return cw ? ccw.reverse() : ccw;
}

function cluster(patch: Partial<BlindspotCluster>): BlindspotCluster {
  return {
    id: 'c-1', rank: 1, memberIndices: [0, 1, 2], householdIds: ['H1', 'H2', 'H3'],
    uncoveredHouseholds: 3, uncoveredStudents: 4, households: 5, students: 7,
    villages: ['龙池村'], townships: ['六塘乡'], centroid: [108.123456789, 29.987654321],
    outline: { type: 'Polygon', coordinates: [square(108.123456789, 29.987654321, 0.004, false)] },
    nearestSiteM: 1234.56, ...patch,
  };
}

const ANALYSIS: BlindspotAnalysis = {
  settings: { epsM: 500, minHouseholds: 3, uncovered: ['none', 'poor'] },
  clusters: [
    cluster({ id: 'c-2', rank: 2, householdIds: ['H7', 'H8', 'H9'], nearestSiteM: null, villages: ['新村', '老村'],
      outline: { type: 'MultiPolygon', coordinates: [
        // clockwise exterior with a counter-clockwise hole: both must be turned round
        [square(108.3, 30.1, 0.01, true), square(108.3, 30.1, 0.002, false)],
        [square(108.4, 30.1, 0.003, false)],
      ] } }),
    cluster({ id: 'c-1', rank: 1, outline: { type: 'Polygon', coordinates: [square(108.123456789, 29.987654321, 0.004, true)] } }),
  ],
  isolatedIndices: [5, 9],
  isolatedHouseholdIds: ['H5', 'H9x'],
  uncoveredHouseholds: 8,
  uncoveredStudents: 11,
};

const rings = (g: Polygon | MultiPolygon): Position[][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());
const decimals = (x: number) => (String(x).split('.')[1] ?? '').length;

describe('clustersToGeoJson', () => {
  const fc = clustersToGeoJson(ANALYSIS, { generatedAt: '2026-03-13T08:00:00Z' });

  it('writes one feature per cluster in rank order, id = cluster id', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => [f.id, f.properties.id, f.properties.rank])).toEqual([['c-1', 'c-1', 1], ['c-2', 'c-2', 2]]);
    expect(fc.features.map((f) => f.geometry.type)).toEqual(['Polygon', 'MultiPolygon']);
  });

  it('writes the cluster properties of FORMATS §5, rounded', () => {
    expect(fc.features[0]!.properties).toEqual({
      kind: 'cluster', id: 'c-1', rank: 1, households: 5, students: 7, uncoveredHouseholds: 3, uncoveredStudents: 4,
      villages: ['龙池村'], townships: ['六塘乡'], nearestSiteM: 1235, centroid: [108.123457, 29.987654],
      householdIds: ['H1', 'H2', 'H3'],
    });
    expect(Object.keys(fc.features[0]!.properties)).toEqual(['kind', 'id', 'rank', 'households', 'students',
      'uncoveredHouseholds', 'uncoveredStudents', 'villages', 'townships', 'nearestSiteM', 'centroid', 'householdIds']);
    expect(fc.features[1]!.properties.nearestSiteM).toBeNull();
  });

  it('carries the schema, settings, isolated homes and totals in the blindspot member', () => {
    expect(fc.blindspot).toEqual({
      schema: CLUSTERS_SCHEMA, generatedAt: '2026-03-13T08:00:00Z',
      settings: { epsM: 500, minHouseholds: 3, uncovered: ['none', 'poor'] },
      isolatedHouseholds: 2, isolatedHouseholdIds: ['H5', 'H9x'], uncoveredHouseholds: 8, uncoveredStudents: 11,
    });
    expect(CLUSTERS_SCHEMA).toBe('blindspot.clusters/1');
    expect(Object.keys(fc)).toEqual(['type', 'blindspot', 'features']);
  });

  it('is RFC 7946: closed rings, exterior counter-clockwise, holes clockwise, 6 decimals', () => {
    for (const f of fc.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const polygon of polygons) {
        polygon.forEach((ring, r) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          expect(booleanClockwise(ring)).toBe(r > 0);
        });
      }
      for (const ring of rings(f.geometry)) {
        for (const p of ring) {
          expect(p).toHaveLength(2);
          expect(Math.max(decimals(p[0]!), decimals(p[1]!))).toBeLessThanOrEqual(6);
        }
      }
    }
    expect(fc.features[0]!.geometry.coordinates[0]![0]).toEqual([108.119457, 29.983654]);
  });

  it('leaves out every household id in privacy mode', () => {
    const p = clustersToGeoJson(ANALYSIS, { privacy: true, generatedAt: '2026-03-13T08:00:00Z' });
    for (const f of p.features) expect(f.properties).not.toHaveProperty('householdIds');
    expect(p.blindspot).not.toHaveProperty('isolatedHouseholdIds');
    expect(p.blindspot.isolatedHouseholds).toBe(2);
    expect(JSON.stringify(p)).not.toMatch(/"H\d/);
  });

  it('drops positions that rounding made repeat', () => {
    const ring: Position[] = [[108, 30], [108.0000001, 30.0000001], [108.01, 30], [108.01, 30.01], [108, 30]];
    const out = clustersToGeoJson({ ...ANALYSIS, clusters: [cluster({ outline: { type: 'Polygon', coordinates: [ring] } })] },
      { generatedAt: 'x' });
    expect(out.features[0]!.geometry.coordinates).toEqual([[[108, 30], [108.01, 30], [108.01, 30.01], [108, 30]]]);
  });

  it('stamps the current time by default, in whole seconds', () => {
    const now = clustersToGeoJson(ANALYSIS).blindspot.generatedAt;
    expect(now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(now) - Date.now())).toBeLessThan(5000);
  });

  it('does not change the analysis and shares no arrays with it', () => {
    const frozen = structuredClone(ANALYSIS);
    const deepFreeze = <T>(x: T): T => {
      if (x && typeof x === 'object') { Object.values(x).forEach(deepFreeze); Object.freeze(x); }
      return x;
    };
    deepFreeze(frozen);
    const out = clustersToGeoJson(frozen, { generatedAt: 'x' });
    expect(frozen).toEqual(ANALYSIS);
    out.features[0]!.properties.householdIds!.push('extra');
    out.blindspot.settings.uncovered.push('fair');
    expect(frozen.clusters[1]!.householdIds).toEqual(['H1', 'H2', 'H3']);
  });

  it('writes an empty collection when there is no cluster', () => {
    const out = clustersToGeoJson({ ...ANALYSIS, clusters: [], isolatedIndices: [], isolatedHouseholdIds: [] }, { generatedAt: 'x' });
    expect(out.features).toEqual([]);
    expect(out.blindspot.isolatedHouseholds).toBe(0);
  });
});
