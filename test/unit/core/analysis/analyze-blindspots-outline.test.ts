import { area, bbox, booleanClockwise, booleanPointInPolygon, featureCollection, point } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterOutline, OUTLINE_MIN_BUFFER_M } from '../../../../src/core/analysis/cluster-outline.ts';
import { haversineM } from '../../../../src/core/analysis/haversine-m.ts';

/** Up to 40 homes within ~2 km of a point in Chongqing, repeats and straight rows included. */
const homes = fc.oneof(
  fc.array(fc.tuple(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -2000, max: 2000 })), { minLength: 1, maxLength: 40 }),
  // on one line (east-west, north-south or diagonal), possibly all at one place
  fc.tuple(fc.constantFrom([1, 0], [0, 1], [1, 1]), fc.array(fc.integer({ min: -2000, max: 2000 }), { minLength: 1, maxLength: 6 }))
    .map(([[dx, dy], ts]) => ts.map((t) => [t * dx!, t * dy!] as [number, number])),
).map((pts) => pts.map(([x, y]): [number, number] => [108.3 + x * 1e-5, 30.1 + y * 1e-5]));

describe('clusterOutline (the outline analyzeBlindspots gives each cluster)', () => {
  it('is always a counter-clockwise polygon with an area that holds every home with a margin of ~bufferM', () => {
    fc.assert(fc.property(homes, fc.constantFrom(50, 200, 500, 1500), (points, epsM) => {
      const outline = clusterOutline(points, epsM);
      expect(outline.type).toBe('Polygon');
      if (outline.type !== 'Polygon') return;
      expect(booleanClockwise(outline.coordinates[0]!)).toBe(false);
      const bufferM = Math.max(epsM / 2, OUTLINE_MIN_BUFFER_M);
      // at least the disc around one home (arcs are chords: ~1 % less)
      expect(area(outline)).toBeGreaterThan(0.97 * Math.PI * bufferM ** 2);
      for (const p of points) expect(booleanPointInPolygon(p, outline)).toBe(true);
      // No home is near the edge: every corner of the outline is about bufferM or more from each home.
      for (const v of outline.coordinates[0]!) {
        expect(Math.min(...points.map((p) => haversineM(p, [v[0]!, v[1]!])))).toBeGreaterThan(0.97 * bufferM);
      }
      // And the outline stays within bufferM of the homes' bounding box.
      const [w, s, e, n] = bbox(featureCollection(points.map((p) => point(p))));
      const [ow, os, oe, on] = bbox(outline);
      expect(haversineM([w, s], [ow, s])).toBeLessThan(1.01 * bufferM);
      expect(haversineM([w, s], [w, os])).toBeLessThan(1.01 * bufferM);
      expect(haversineM([e, n], [oe, n])).toBeLessThan(1.01 * bufferM);
      expect(haversineM([e, n], [e, on])).toBeLessThan(1.01 * bufferM);
    }), { numRuns: 150 });
  });

  it('does not change its input', () => {
    const points: [number, number][] = [[108.3, 30.1], [108.301, 30.1], [108.302, 30.1]];
    const copy = structuredClone(points);
    clusterOutline(Object.freeze(points.map((p) => Object.freeze(p) as [number, number])), 500);
    expect(points).toEqual(copy);
  });
});
