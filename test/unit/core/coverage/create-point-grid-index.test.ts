import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPointGridIndex, haversineLonLatM, haversineM } from '../../../../src/core/index.ts';

const lonArb = fc.double({ min: 105, max: 110.5, noNaN: true });
const latArb = fc.double({ min: 28, max: 32.5, noNaN: true });

describe('haversineLonLatM', () => {
  it('is bit-identical to haversineM', () => {
    fc.assert(fc.property(lonArb, latArb, lonArb, latArb, (a, b, c, d) => {
      expect(haversineLonLatM(a, b, c, d)).toBe(haversineM([a, b], [c, d]));
    }));
  });
});

describe('createPointGridIndex', () => {
  it('returns exactly the brute-force haversine filter, ascending', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.double({ min: 108, max: 108.3, noNaN: true }), fc.double({ min: 29.8, max: 30.1, noNaN: true })), { maxLength: 300 }),
      fc.tuple(fc.double({ min: 107.9, max: 108.4, noNaN: true }), fc.double({ min: 29.7, max: 30.2, noNaN: true })),
      fc.double({ min: 0, max: 20_000, noNaN: true }),
      fc.constantFrom(0.001, 0.02, 0.5),
      (pts, [qLon, qLat], radiusM, cellDeg) => {
        const index = createPointGridIndex(Float64Array.from(pts, (p) => p[0]), Float64Array.from(pts, (p) => p[1]), cellDeg);
        const expected = pts.flatMap((p, i) => (haversineM([qLon, qLat], p) <= radiusM ? [i] : []));
        expect([...index.withinM(qLon, qLat, radiusM)]).toEqual(expected);
      },
    ), { numRuns: 300 });
  });
  it('decides points at (or a rounding away from) the query radius exactly as haversineM does', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(lonArb, latArb), { minLength: 1, maxLength: 60 }),
      fc.tuple(lonArb, latArb), fc.nat(), fc.constantFrom(1, 1 - 2 ** -52, 1 + 2 ** -52, 1 - 1e-9, 1 + 1e-9),
      (pts, [qLon, qLat], pick, scale) => {
        const radiusM = haversineM([qLon, qLat], pts[pick % pts.length]!) * scale;
        const index = createPointGridIndex(Float64Array.from(pts, (p) => p[0]), Float64Array.from(pts, (p) => p[1]));
        const expected = pts.flatMap((p, i) => (haversineM([qLon, qLat], p) <= radiusM ? [i] : []));
        expect([...index.withinM(qLon, qLat, radiusM)]).toEqual(expected);
      },
    ), { numRuns: 500 });
  });
  it('finds a point at exactly the query radius and at distance 0', () => {
    const lon = Float64Array.of(108.1, 108.13, 108.5);
    const lat = Float64Array.of(30, 30.01, 30);
    const index = createPointGridIndex(lon, lat);
    const d = haversineM([108.1, 30], [108.13, 30.01]);
    expect([...index.withinM(108.1, 30, d)]).toEqual([0, 1]);
    expect([...index.withinM(108.1, 30, 0)]).toEqual([0]);
    expect(index.size).toBe(3);
  });
  it('handles no points and huge radii', () => {
    expect([...createPointGridIndex(new Float64Array(0), new Float64Array(0)).withinM(108, 30, 1000)]).toEqual([]);
    const index = createPointGridIndex(Float64Array.of(-170, 170, 0), Float64Array.of(80, -80, 0));
    expect([...index.withinM(0, 89, 30_000_000)]).toEqual([0, 1, 2]);
  });
});
