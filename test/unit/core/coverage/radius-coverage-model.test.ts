import { booleanClockwise } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { defaultRadiusM, haversineM, radiusCoverageModel } from '../../../../src/core/index.ts';
import { at, proposal } from './fixtures.ts';

describe('radiusCoverageModel', () => {
  const site = proposal('p', at(0, 0), 3000);
  it('covers a household exactly at the radius, not one a hair beyond', () => {
    const h = at(2000, 2000);
    const d = haversineM([site.lon, site.lat], h);
    expect(radiusCoverageModel.covers({ ...site, radiusM: d }, h[0], h[1])).toBe(true);
    expect(radiusCoverageModel.covers({ ...site, radiusM: d * (1 - 1e-12) }, h[0], h[1])).toBe(false);
    expect(radiusCoverageModel.covers(site, ...at(2900, 0))).toBe(true);
    expect(radiusCoverageModel.covers(site, ...at(3100, 0))).toBe(false);
  });
  it('draws a closed counter-clockwise geodesic circle of 64 steps at the radius', () => {
    const poly = radiusCoverageModel.outline(site);
    const ring = poly.coordinates[0]!;
    expect(poly.coordinates).toHaveLength(1);
    expect(ring).toHaveLength(65);
    expect(ring[0]).toEqual(ring[64]);
    expect(booleanClockwise(ring)).toBe(false);
    for (const p of ring) expect(haversineM([site.lon, site.lat], [p[0]!, p[1]!])).toBeCloseTo(3000, 3);
    expect(radiusCoverageModel.id).toBe('radius');
  });
});

describe('defaultRadiusM', () => {
  it('follows the documented table at 30 m', () => {
    expect(defaultRadiusM(700, 30)).toBe(8000);
    expect(defaultRadiusM(800, 30)).toBe(7000);
    expect(defaultRadiusM(900, 30)).toBe(6000);
    expect(defaultRadiusM(1800, 30)).toBe(3000);
    expect(defaultRadiusM(2100, 30)).toBe(2000);
    expect(defaultRadiusM(2600, 30)).toBe(2000);
    expect(defaultRadiusM(450, 30)).toBe(8000);
    expect(defaultRadiusM(1900, 30)).toBe(3000);
  });
  it('grows with the square root of antenna height, clamped to 10…100 m', () => {
    expect(defaultRadiusM(1800, 120)).toBe(defaultRadiusM(1800, 100));
    expect(defaultRadiusM(1800, 120)).toBe(5500);
    expect(defaultRadiusM(1800, 7.5)).toBe(1700);
    expect(defaultRadiusM(900, 60)).toBeGreaterThan(defaultRadiusM(900, 30));
  });
});
