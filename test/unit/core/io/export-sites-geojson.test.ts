import { booleanClockwise } from '@turf/turf';
import fc from 'fast-check';
import type { Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS, parseProposalsGeoJson, PROPOSAL_STATUSES, proposalImpact, proposalsToGeoJson, round6, UserInputError, type ProposedSite,
} from '../../../../src/core/index.ts';
import { at, home, proposal } from '../coverage/fixtures.ts';

const decimals = (x: number): number => (String(x).split('.')[1] ?? '').length;

const HOMES = [home('SECRET-1', at(37, 11), 'none', 2, '龙池村'), home('SECRET-2', at(100, 23), 'poor', 1, '龙池村'), home('SECRET-3', at(5013, 7), 'none', 4)];

describe('proposalsToGeoJson', () => {
  const P = proposal('site-3f2a', [108.12345678, 29.98765432], 3000, { name: '六塘乡龙池村 1', notes: '山顶' });
  const Q = proposal('site-b', at(5000, 0), 1000, { origin: 'suggested', operator: '中国移动' });
  const impacts = proposalImpact(HOMES, [P, Q], { uncovered: ['none', 'poor'] }).proposals;
  const fcol = proposalsToGeoJson([P, Q], [{ ...impacts[0]!, clusterIds: ['c-12'], villages: ['龙池村'] }, impacts[1]!],
    { includeCoverage: true, generatedAt: '2026-03-13T08:00:00Z' });

  it('writes FORMATS §4: metadata, point features with the listed properties, coverage after each site', () => {
    expect(fcol.type).toBe('FeatureCollection');
    expect(fcol.blindspot).toEqual({ schema: 'blindspot.sites/1', generatedAt: '2026-03-13T08:00:00Z', classThresholds: { ...DEFAULT_THRESHOLDS }, coverageModel: 'radius' });
    expect(fcol.features.map((f) => f.properties.kind)).toEqual(['site', 'coverage', 'site', 'coverage']);
    const site = fcol.features[0]!;
    expect(site.id).toBe('site-3f2a');
    expect((site.geometry as Point).coordinates).toEqual([108.123457, 29.987654]);
    expect(site.properties).toEqual({
      kind: 'site', id: 'site-3f2a', name: '六塘乡龙池村 1', status: 'proposed', origin: 'manual', antennaHeightM: 30, bandMHz: 900,
      eirpDbm: 58, radiusM: 3000, costCny: 250_000, newlyCoveredHouseholds: 0, newlyCoveredStudents: 0, rank: 2,
      clusterIds: ['c-12'], villages: ['龙池村'], notes: '山顶',
    });
    expect(fcol.features[2]!.properties).toMatchObject({ id: 'site-b', rank: 1, newlyCoveredStudents: 4, operator: '中国移动' });
    expect(fcol.features[1]!.properties).toEqual({ kind: 'coverage', siteId: 'site-3f2a' });
  });
  it('follows RFC 7946: 6 decimals, closed counter-clockwise rings, no household data', () => {
    for (const f of fcol.features) {
      const coords = f.geometry.type === 'Point' ? [f.geometry.coordinates] : (f.geometry as Polygon).coordinates.flat();
      for (const c of coords) for (const x of c) expect(decimals(x)).toBeLessThanOrEqual(6);
      if (f.geometry.type === 'Polygon') {
        const ring = f.geometry.coordinates[0]!;
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        expect(booleanClockwise(ring)).toBe(false);
      }
    }
    const text = JSON.stringify(fcol);
    expect(text).not.toContain('SECRET');
    for (const h of HOMES) for (const x of [h.lon, h.lat]) expect(text).not.toContain(String(round6(x)));
  });
  it('round-trips exactly through parseProposalsGeoJson', () => {
    const text = JSON.stringify(fcol);
    const back = parseProposalsGeoJson(text);
    expect(back).toEqual([{ ...P, lon: 108.123457, lat: 29.987654 }, { ...Q, lon: round6(Q.lon), lat: round6(Q.lat) }]);
    expect(JSON.stringify(proposalsToGeoJson(back, [{ ...impacts[0]!, clusterIds: ['c-12'], villages: ['龙池村'] }, impacts[1]!], { includeCoverage: true, generatedAt: '2026-03-13T08:00:00Z' }))).toBe(text);
  });
  it('round-trips any proposals with 6-decimal coordinates (property)', () => {
    const siteArb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 8 }), name: fc.string(), lonU: fc.integer({ min: 73_000_000, max: 135_000_000 }),
      latU: fc.integer({ min: 18_000_000, max: 53_000_000 }), origin: fc.constantFrom('manual' as const, 'suggested' as const),
      antennaHeightM: fc.integer({ min: 5, max: 80 }), bandMHz: fc.constantFrom(700, 900, 1800, 2600), eirpDbm: fc.integer({ min: 30, max: 70 }),
      radiusM: fc.integer({ min: 100, max: 20_000 }), costCny: fc.integer({ min: 0, max: 10_000_000 }), notes: fc.string(),
      status: fc.constantFrom(...PROPOSAL_STATUSES),
    });
    fc.assert(fc.property(fc.uniqueArray(siteArb, { selector: (s) => s.id, maxLength: 6 }), (raw) => {
      const sites: ProposedSite[] = raw.map(({ lonU, latU, ...s }) => ({ ...s, lon: lonU / 1e6, lat: latU / 1e6 }));
      expect(parseProposalsGeoJson(JSON.stringify(proposalsToGeoJson(sites, [], { includeCoverage: true })))).toEqual(sites);
    }), { numRuns: 100 });
  });
});

describe('parseProposalsGeoJson', () => {
  const ok = (features: unknown[]): string => JSON.stringify({ type: 'FeatureCollection', features });
  const pt = (props: Record<string, unknown>, coordinates: unknown = [108, 30]): unknown => ({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties: props });
  it('fills defaults for a minimal point', () => {
    expect(parseProposalsGeoJson(ok([pt({ id: 'x' })]))).toEqual([{
      id: 'x', name: 'x', lon: 108, lat: 30, status: 'proposed', origin: 'manual', antennaHeightM: 30, bandMHz: 900, eirpDbm: 58,
      radiusM: 6000, costCny: 250_000, notes: '',
    }]);
  });
  it.each([
    ['not json', '{'],
    ['not a collection', JSON.stringify({ type: 'Feature' })],
    ['wrong schema', JSON.stringify({ type: 'FeatureCollection', blindspot: { schema: 'blindspot.clusters/1' }, features: [] })],
    ['a polygon site', ok([{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { id: 'x' } }])],
    ['coordinates out of range', ok([pt({ id: 'x' }, [200, 30])])],
    ['no id', ok([pt({})])],
    ['duplicate id', ok([pt({ id: 'x' }), pt({ id: 'x' })])],
    ['existing status', ok([pt({ id: 'x', status: 'existing' })])],
    ['unknown status', ok([pt({ id: 'x', status: 'built?' })])],
    ['bad origin', ok([pt({ id: 'x', origin: 'robot' })])],
    ['text radius', ok([pt({ id: 'x', radiusM: '3000' })])],
    ['unknown kind', ok([pt({ id: 'x', kind: 'cluster' })])],
  ])('refuses %s with UserInputError', (_, text) => {
    expect(() => parseProposalsGeoJson(text)).toThrow(UserInputError);
    try { parseProposalsGeoJson(text); } catch (e) { expect((e as UserInputError).code).toBe('invalid_sites_file'); }
  });
});
