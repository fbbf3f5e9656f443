/**
 * `householdsInOutline` reads a grid of the homes (`indexHouseholdsForOutlines`, issue 9) instead
 * of a longitude-sorted list, and tests a convex outline by cross products instead of Turf's
 * point-in-polygon; the former band scan is kept as `referenceHouseholdsInOutline` (test/bench).
 * Both, and the brute force (every home: box, then Turf's point-in-polygon), must give the same
 * ascending indices — homes exactly on the box's edges and on the outline's edges and corners,
 * repeated positions, a non-finite position, outlines beyond the homes, and outlines that are not
 * convex (Turf decides those) included.
 */
import { booleanPointInPolygon, bbox } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Household } from '../../../../src/core/index.ts';
import { clusterOutline } from '../../../../src/core/analysis/cluster-outline.ts';
import { householdsInOutline, householdsInOutlineInto, indexHouseholdsForOutlines, type OutlineBox } from '../../../../src/core/analysis/households-in-outline.ts';
import { referenceHouseholdsInOutline, referenceLonOrder } from '../../../bench/reference-households-in-outline.ts';

const at = (lon: number, lat: number): Household =>
  ({ id: 'h', lon, lat, students: 1, cls: 'none', reports: [], personal: {}, line: 0 });

/** Homes on a coarse lattice (so that some lie exactly on outline boxes' edges) around 108.3°E 30.1°N. */
const homes = fc.array(fc.tuple(fc.integer({ min: -300, max: 300 }), fc.integer({ min: -300, max: 300 })), { minLength: 1, maxLength: 300 })
  .map((pts) => pts.map(([x, y]) => at(108.3 + x * 1e-4, 30.1 + y * 1e-4)));

describe('householdsInOutline', () => {
  it('equals the longitude-band scan and the brute force, for outlines around random homes', () => {
    fc.assert(fc.property(homes, fc.integer({ min: 1, max: 6 }), fc.constantFrom(50, 300, 2000), fc.constantFrom(0.01, 0.002, 0.05),
      (hs, k, epsM, cellDeg) => {
        const outline = clusterOutline(hs.slice(0, k).map((h) => [h.lon, h.lat] as [number, number]), epsM);
        const index = indexHouseholdsForOutlines(hs, cellDeg);
        const got = householdsInOutline(index, outline);
        expect(got).toEqual(referenceHouseholdsInOutline(hs, referenceLonOrder(hs), outline));
        const [w, s, e, n] = bbox(outline);
        const brute = hs.flatMap((h, i) => (h.lon >= w && h.lon <= e && h.lat >= s && h.lat <= n
          && booleanPointInPolygon([h.lon, h.lat], outline) ? [i] : []));
        expect(got).toEqual(brute);
      }), { numRuns: 500 });
  });

  it('over columns, and over only the homes under given boxes, gives the same for an outline inside a box', () => {
    fc.assert(fc.property(homes, fc.integer({ min: 1, max: 6 }), fc.constantFrom(50, 300, 2000), fc.integer({ min: 0, max: 299 }),
      (hs, k, epsM, other) => {
        const outline = clusterOutline(hs.slice(0, k).map((h) => [h.lon, h.lat] as [number, number]), epsM);
        const expected = householdsInOutline(indexHouseholdsForOutlines(hs), outline);
        const columns = { lon: Float64Array.from(hs, (h) => h.lon), lat: Float64Array.from(hs, (h) => h.lat) };
        expect(householdsInOutline(indexHouseholdsForOutlines(columns), outline)).toEqual(expected);
        const h = hs[other % hs.length]!;
        const boxes: OutlineBox[] = [[h.lon - 1e-3, h.lat - 1e-3, h.lon + 1e-3, h.lat + 1e-3], bbox(outline) as OutlineBox];
        const under = indexHouseholdsForOutlines(columns, 0.002, boxes);
        expect(under.order.length).toBeLessThanOrEqual(hs.length);
        expect(householdsInOutline(under, outline)).toEqual(expected);
        const found = new Int32Array(hs.length);
        expect([...householdsInOutlineInto(under, outline, found)]).toEqual(expected);
      }), { numRuns: 300 });
    // Homes beyond every box are left out; no box, nothing.
    const far = [at(108, 30), at(109, 31), at(NaN, 30)];
    expect(Array.from(indexHouseholdsForOutlines(far, 0.01, [[107.9, 29.9, 108.1, 30.1]]).order)).toEqual([0]);
    expect(indexHouseholdsForOutlines(far, 0.01, []).order).toHaveLength(0);
  });

  it('equals the brute force for outlines that are not strictly convex (Turf\'s test) and on a convex outline\'s edges', () => {
    const square = [[108, 30], [108.01, 30], [108.01, 30.01], [108, 30.01], [108, 30]];
    const outlines: (Polygon | MultiPolygon)[] = [
      { type: 'Polygon', coordinates: [square] },
      { type: 'Polygon', coordinates: [[...square].reverse()] }, // clockwise
      { type: 'Polygon', coordinates: [[[108, 30], [108.01, 30], [108.01, 30.005], [108.005, 30.005], [108.005, 30.01], [108, 30.01], [108, 30]]] }, // L
      { type: 'Polygon', coordinates: [[[108, 30], [108.005, 30], [108.01, 30], [108.01, 30.01], [108, 30.01], [108, 30]]] }, // a straight corner
      { // a five-pointed star drawn in one stroke: turns left at every corner, but goes round twice
        type: 'Polygon',
        coordinates: [[0, 2, 4, 1, 3, 0].map((k) => [108.005 + 0.005 * Math.cos(Math.PI / 2 + (2 * Math.PI * k) / 5),
          30.005 + 0.005 * Math.sin(Math.PI / 2 + (2 * Math.PI * k) / 5)])],
      },
      { type: 'Polygon', coordinates: [square, [[108.002, 30.002], [108.002, 30.008], [108.008, 30.008], [108.008, 30.002], [108.002, 30.002]]] }, // a hole
      { type: 'MultiPolygon', coordinates: [[square], [square.map(([x, y]) => [x! + 0.02, y!])]] },
    ];
    const hs: Household[] = [];
    for (let x = -2; x <= 32; x++) for (let y = -2; y <= 12; y++) hs.push(at(108 + x * 0.001, 30 + y * 0.001));
    const index = indexHouseholdsForOutlines(hs);
    for (const outline of outlines) {
      const brute = hs.flatMap((h, i) => (booleanPointInPolygon([h.lon, h.lat], outline) ? [i] : []));
      expect(brute.length).toBeGreaterThan(0);
      expect(householdsInOutline(index, outline)).toEqual(brute);
    }
  });

  it('counts homes exactly on the outline box and skips a home without a finite position', () => {
    const square = { type: 'Polygon' as const, coordinates: [[[108, 30], [108.1, 30], [108.1, 30.1], [108, 30.1], [108, 30]]] };
    const hs = [at(108, 30), at(108.1, 30.1), at(108.05, 30.05), at(NaN, 30.05), at(108.2, 30.05), at(108.05, 30.1000001)];
    expect(householdsInOutline(indexHouseholdsForOutlines(hs), square)).toEqual([0, 1, 2]);
    expect(householdsInOutline(indexHouseholdsForOutlines([]), square)).toEqual([]);
  });
});
