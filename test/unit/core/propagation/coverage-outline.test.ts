import { booleanClockwise, booleanPointInPolygon, point } from '@turf/turf';
import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { coverageOutline } from '../../../../src/core/index.ts';

const CELL = 0.001;
/** A raster from rows of '#' (−90 dBm, covered at −105) and '.' (NaN); row 0 is north. */
function raster(rows: string[]): Parameters<typeof coverageOutline>[0] {
  const height = rows.length, width = rows[0]!.length;
  const rsrpDbm = new Float32Array(width * height);
  rows.forEach((r, j) => [...r].forEach((c, i) => { rsrpDbm[j * width + i] = c === '#' ? -90 : c === '-' ? -110 : NaN; }));
  const west = 108, north = 30;
  return { rsrpDbm, width, height, bounds: [west, north - height * CELL, west + width * CELL, north], cellSizeDeg: [CELL, CELL] };
}
const parts = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const ringArea = (ring: Position[]): number => {
  let a = 0;
  for (let k = 0; k + 1 < ring.length; k++) a += (ring[k]![0]! - 108) * (ring[k + 1]![1]! - 30) - (ring[k + 1]![0]! - 108) * (ring[k]![1]! - 30);
  return a / 2;
};

describe('coverageOutline', () => {
  it('one cell: a counter-clockwise square of its corners', () => {
    const g = coverageOutline(raster(['...', '.#.', '...']), -105);
    expect(g.type).toBe('Polygon');
    const ring = (g as Polygon).coordinates[0]!;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(booleanClockwise(ring)).toBe(false);
    const xs = ring.map((p) => Math.round((p[0]! - 108) / CELL)), ys = ring.map((p) => Math.round((30 - p[1]!) / CELL));
    expect(new Set(xs.map((x, k) => `${x},${ys[k]}`))).toEqual(new Set(['1,1', '2,1', '2,2', '1,2']));
  });

  it('a ring of cells: an outer ring with a clockwise hole; cells below the threshold are not covered', () => {
    const g = coverageOutline(raster(['###', '#-#', '###']), -105) as Polygon;
    expect(g.type).toBe('Polygon');
    expect(g.coordinates).toHaveLength(2);
    expect(booleanClockwise(g.coordinates[0]!)).toBe(false);
    expect(booleanClockwise(g.coordinates[1]!)).toBe(true);
    expect(g.coordinates[0]).toHaveLength(5); // straight runs merged
    expect(ringArea(g.coordinates[0]!) + ringArea(g.coordinates[1]!)).toBeCloseTo(8 * CELL * CELL, 12);
    expect(coverageOutline(raster(['###', '#-#', '###']), -115).type).toBe('Polygon');
    expect((coverageOutline(raster(['###', '#-#', '###']), -115) as Polygon).coordinates).toHaveLength(1);
  });

  it('cells touching at a corner are separate parts whose corners are cut apart; nothing covered → empty MultiPolygon', () => {
    const g = coverageOutline(raster(['#.', '.#']), -105) as MultiPolygon;
    expect(g.type).toBe('MultiPolygon');
    expect(g.coordinates).toHaveLength(2);
    const all = g.coordinates.flatMap((p) => p[0]!.slice(0, -1).map((q) => `${q[0]},${q[1]}`));
    expect(new Set(all).size).toBe(all.length); // no shared vertex
    expect(coverageOutline(raster(['..', '..']), -105)).toEqual({ type: 'MultiPolygon', coordinates: [] });
  });

  it('is exactly the covered cells: every cell centre is inside iff covered, rings oriented, area = cells (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.array(fc.boolean(), { minLength: 81, maxLength: 81 }),
      (w, h, bits) => {
        const rows = Array.from({ length: h }, (_, j) => Array.from({ length: w }, (_, i) => (bits[j * 9 + i] ? '#' : '.')).join(''));
        const g = coverageOutline(raster(rows), -105);
        let saddles = 0;
        const cov = (i: number, j: number): boolean => i >= 0 && j >= 0 && i < w && j < h && rows[j]![i] === '#';
        for (let j = 0; j <= h; j++) for (let i = 0; i <= w; i++) {
          const nw = cov(i - 1, j - 1), ne = cov(i, j - 1), sw = cov(i - 1, j), se = cov(i, j);
          if ((nw && se && !ne && !sw) || (ne && sw && !nw && !se)) saddles++;
        }
        let area = 0;
        for (const poly of parts(g)) {
          expect(booleanClockwise(poly[0]!)).toBe(false);
          for (const hole of poly.slice(1)) expect(booleanClockwise(hole)).toBe(true);
          for (const ring of poly) {
            expect(ring[0]).toEqual(ring[ring.length - 1]);
            const keys = ring.slice(0, -1).map((q) => `${q[0]},${q[1]}`);
            expect(new Set(keys).size).toBe(keys.length); // simple: no vertex repeated
            area += ringArea(ring);
          }
        }
        const cells = rows.join('').split('').filter((c) => c === '#').length;
        // Each saddle corner cuts a triangle of (0.01 cell)²/2 off each of its two cells.
        expect(area).toBeCloseTo((cells - saddles * 1e-4) * CELL * CELL, 12);
        for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) {
          const c = point([108 + (i + 0.5) * CELL, 30 - (j + 0.5) * CELL]);
          const inside = parts(g).some((poly) => booleanPointInPolygon(c, { type: 'Polygon', coordinates: poly }));
          expect(inside).toBe(cov(i, j));
        }
      },
    ), { numRuns: 300 });
  });
});
