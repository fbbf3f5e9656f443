import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDbscanGrid, type DbscanGrid, type GridExtent, type GridSortStrategy } from '../../../../src/core/analysis/build-dbscan-grid.ts';
import { dbscanCellSizeDeg } from '../../../../src/core/analysis/cluster-dbscan.ts';
import { dbscanNeighbourCells } from '../../../../src/core/analysis/dbscan-neighbour-cells.ts';
import { TurfNeighbourhood } from '../../../../src/core/analysis/turf-neighbourhood.ts';
import { turfReaches } from '../../../bench/turf-dbscan.ts';

// The pieces behind clusterDbscan, checked one claim at a time against Turf's own relation.

const M_PER_DEG = 111_195;

interface Cloud {
  lon: Float64Array;
  lat: Float64Array;
  epsM: number;
}

/** Dense random points (0–4 eps around a few centres, some duplicates) in the given latitude band. */
function cloud(latBand: [number, number], maxPoints = 150): fc.Arbitrary<Cloud> {
  return fc.record({
    epsM: fc.oneof(fc.constantFrom(1, 500, 50_000), fc.double({ min: 1, max: 50_000, noNaN: true })),
    centres: fc.array(fc.tuple(fc.double({ min: 107, max: 109, noNaN: true }), fc.double({ min: latBand[0], max: latBand[1], noNaN: true })), { minLength: 1, maxLength: 4 }),
    points: fc.array(fc.tuple(fc.nat(), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: maxPoints, size: 'max' }),
  }).map(({ epsM, centres, points }) => {
    const lon = new Float64Array(points.length);
    const lat = new Float64Array(points.length);
    points.forEach(([c, dx, dy, copy], i) => {
      if (i > 0 && copy === 0) {
        lon[i] = lon[i - 1]!;
        lat[i] = lat[i - 1]!;
        return;
      }
      const [cx, cy] = centres[c % centres.length]!;
      lat[i] = Math.max(-90, Math.min(90, cy + (dy * epsM) / M_PER_DEG));
      lon[i] = cx + (dx * epsM) / (M_PER_DEG * Math.cos((cy * Math.PI) / 180));
    });
    return { lon, lat, epsM };
  });
}

function extentOf(lon: Float64Array, lat: Float64Array): GridExtent {
  return {
    latMin: Math.min(...lat), latMax: Math.max(...lat), lonMin: Math.min(...lon), lonMax: Math.max(...lon),
  };
}

function gridOf({ lon, lat, epsM }: Cloud, strategy: GridSortStrategy = 'auto'): DbscanGrid {
  const size = dbscanCellSizeDeg(epsM);
  return buildDbscanGrid(lon, lat, extentOf(lon, lat), size, size, strategy);
}

/** Cell of each position. */
function cellAt(grid: DbscanGrid): Int32Array {
  const out = new Int32Array(grid.order.length);
  for (let c = 0; c < grid.cellCount; c++) out.fill(c, grid.cellFirst[c]!, grid.cellFirst[c + 1]!);
  return out;
}

const BANDS: [number, number][] = [[29, 31], [52.5, 53.5], [-0.5, 0.5], [75, 80]];
const anyCloud = fc.constantFrom(...BANDS).chain((band) => cloud(band));
const smallCloud = fc.constantFrom(...BANDS).chain((band) => cloud(band, 60));

describe('buildDbscanGrid', () => {
  it('gives the same grid with every sort strategy, sorted by (row, column, index)', () => {
    fc.assert(fc.property(anyCloud, (c) => {
      // 'buckets' needs few rows, 'radix' fewer than 2^32 cells: compare those that apply.
      const grids = (['comparison', 'radix', 'buckets', 'auto'] as const).flatMap((s) => {
        try {
          return [gridOf(c, s)];
        } catch (e) {
          if (s !== 'comparison' && s !== 'auto' && e instanceof RangeError) return [];
          throw e;
        }
      });
      expect(grids.length).toBeGreaterThanOrEqual(2);
      for (const g of grids.slice(1)) expect(g).toEqual(grids[0]);
      const g = grids[0]!;
      for (let cell = 0; cell < g.cellCount; cell++) {
        for (let p = g.cellFirst[cell]! + 1; p < g.cellFirst[cell + 1]!; p++) expect(g.order[p]!).toBeGreaterThan(g.order[p - 1]!);
      }
      expect(Array.from(g.order).sort((a, b) => a - b)).toEqual(Array.from(g.order.keys()));
      g.order.forEach((i, p) => {
        expect(g.xs[p]).toBe(c.lon[i]);
        expect(g.ys[p]).toBe(c.lat[i]);
      });
    }), { numRuns: 150 });
  });

  it('puts every point inside its cell\'s bounds, and any two points of a cell are mutual Turf neighbours', () => {
    fc.assert(fc.property(anyCloud, (c) => {
      const g = gridOf(c);
      for (let cell = 0; cell < g.cellCount; cell++) {
        for (let p = g.cellFirst[cell]!; p < g.cellFirst[cell + 1]!; p++) {
          expect(g.ys[p]!).toBeGreaterThanOrEqual(g.cellLatLo[cell]!);
          expect(g.ys[p]!).toBeLessThanOrEqual(g.cellLatHi[cell]!);
          expect(g.xs[p]!).toBeGreaterThanOrEqual(g.cellLonLo[cell]!);
          expect(g.xs[p]!).toBeLessThanOrEqual(g.cellLonHi[cell]!);
          for (let q = g.cellFirst[cell]!; q < g.cellFirst[cell + 1]!; q++) {
            expect(turfReaches([g.xs[p]!, g.ys[p]!], [g.xs[q]!, g.ys[q]!], c.epsM)).toBe(true);
          }
        }
      }
    }), { numRuns: 80 });
  });

  it('holds points at the four inner corners of a cell (any row, any latitude) as mutual Turf neighbours', () => {
    fc.assert(fc.property(
      fc.constantFrom(1, 500, 5_000, 50_000), fc.constantFrom(-60, -0.2, 0, 0.2, 29, 31.9, 53, 75),
      fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }),
      (epsM, lat0, r, c) => {
        const h = dbscanCellSizeDeg(epsM);
        const origin: [number, number] = [108, lat0];
        const probe: [number, number] = [108 + (c + 0.5) * h, lat0 + (r + 0.5) * h];
        const lon1 = new Float64Array([origin[0], probe[0]]);
        const lat1 = new Float64Array([origin[1], probe[1]]);
        const g1 = buildDbscanGrid(lon1, lat1, extentOf(lon1, lat1), h, h);
        const cell = g1.order[0] === 1 ? 0 : g1.cellCount - 1; // the probe's cell
        const slot = g1.cellRow[cell]!;
        const w = g1.rowColWidthDeg[slot]!;
        const row = g1.rowNumber[slot]!;
        const col = g1.cellCol[cell]!;
        const [dy, dx] = [h * 1e-7 + 1e-13, w * 1e-7 + 1e-13]; // inside by a few ulps at least
        const [yLo, yHi] = [lat0 + row * h + dy, lat0 + (row + 1) * h - dy];
        const [xLo, xHi] = [108 + col * w + dx, 108 + (col + 1) * w - dx];
        const corners: [number, number][] = [[xLo, yLo], [xHi, yLo], [xLo, yHi], [xHi, yHi]];
        const pts = [origin, probe, ...corners];
        const lon2 = Float64Array.from(pts, (p) => p[0]);
        const lat2 = Float64Array.from(pts, (p) => p[1]);
        const g2 = buildDbscanGrid(lon2, lat2, extentOf(lon2, lat2), h, h);
        const cellOf = new Int32Array(pts.length);
        cellAt(g2).forEach((cl, p) => { cellOf[g2.order[p]!] = cl; });
        for (let i = 2; i < pts.length; i++) expect(cellOf[i]).toBe(cellOf[1]);
        for (const a of corners) for (const b of corners) expect(turfReaches(a, b, epsM)).toBe(true);
      },
    ), { numRuns: 300 });
  });

  it('keeps cells full in the corners: points at the far corners of a cell are just within eps', () => {
    // The cell is as large as the guarantee allows (within 0.1 %): the diagonal of a cell is ~eps.
    for (const lat of [0.001, 30, 53]) {
      const size = dbscanCellSizeDeg(500);
      const w = size / Math.cos((lat * Math.PI) / 180);
      const a: [number, number] = [108, lat];
      const b: [number, number] = [108 + w, lat + size];
      expect(turfReaches(a, b, 500)).toBe(true);
      expect(turfReaches(a, b, 500 * 0.995)).toBe(false);
    }
  });
});

describe('dbscanNeighbourCells and TurfNeighbourhood', () => {
  it('list every cell holding a neighbour either way, and decide every pair exactly as Turf does', () => {
    fc.assert(fc.property(smallCloud, (c) => {
      const g = gridOf(c);
      const nb = new TurfNeighbourhood(c.epsM, g);
      const adj = dbscanNeighbourCells(g, nb.rowLonHalfHi, nb.latHalf, nb.aOut);
      const cellOf = cellAt(g);
      const n = g.order.length;
      for (let p = 0; p < n; p++) {
        const sp = g.cellRow[cellOf[p]!]!;
        for (let q = 0; q < n; q++) {
          const sq = g.cellRow[cellOf[q]!]!;
          const pq = turfReaches([g.xs[p]!, g.ys[p]!], [g.xs[q]!, g.ys[q]!], c.epsM);
          const qp = turfReaches([g.xs[q]!, g.ys[q]!], [g.xs[p]!, g.ys[p]!], c.epsM);
          expect(nb.reaches(p, sp, q, sq)).toBe(pq);
          expect(nb.relation(p, sp, q, sq)).toBe((pq ? 1 : 0) | (qp ? 2 : 0));
          const whole = nb.againstCell(p, sp, cellOf[q]!, sq);
          if (whole === 0) expect(pq || qp).toBe(false);
          if (whole === 2) expect(pq && qp).toBe(true);
          if ((pq || qp) && cellOf[p] !== cellOf[q]) {
            const list = Array.from(adj.cells.subarray(adj.first[cellOf[p]!]!, adj.first[cellOf[p]! + 1]!));
            expect(list).toContain(cellOf[q]);
          }
        }
      }
    }), { numRuns: 100 });
  });
});
