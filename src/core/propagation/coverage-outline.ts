/**
 * The outline of the cells of a coverage raster whose predicted RSRP is at or above a threshold:
 * the exact union of those cells (a staircase following the raster's pixels), as a GeoJSON
 * Polygon (one connected part) or MultiPolygon (several, or none: `coordinates: []`).
 *
 * Method: every side of a covered cell that borders an uncovered cell (or the grid's edge) becomes
 * a directed edge with the covered cell on its left; the edges are chained into rings, so outer
 * rings run counter-clockwise and holes clockwise (RFC 7946 §3.1.6) by construction. Cells touching
 * only at a corner are separate parts (4-connectivity): at such a saddle the ring turns left, and
 * its corner there is cut by 1 % of a cell so no ring touches itself or another ring (valid
 * simple-feature rings). Each ring is given to the part (4-connected component of covered cells,
 * labelled by flood fill) of the cell on its left, so holes land in the right polygon without
 * point-in-polygon tests. Straight runs are merged (only corners are kept).
 * Limits: NaN is uncovered; coordinates are the raster's cell corners in degrees (no smoothing —
 * the outline is exactly the thresholded raster). Cost: O(cells) time and memory.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { CoverageRaster } from './coverage-raster.ts';
import { invariant } from '../model/errors.ts';

/** Fraction of a cell cut off a ring's corner at a saddle vertex. */
const SADDLE_CUT = 0.01;
// Directions: 0 east, 1 north, 2 west, 3 south (counter-clockwise; a left turn is +1).
const DI = [1, 0, -1, 0] as const;
const DJ = [0, -1, 0, 1] as const; // rows grow southwards

export function coverageOutline(
  raster: Pick<CoverageRaster, 'rsrpDbm' | 'width' | 'height' | 'bounds' | 'cellSizeDeg'>, thresholdDbm: number,
): Polygon | MultiPolygon {
  const { width: w, height: h, rsrpDbm } = raster;
  const [west, , , north] = raster.bounds;
  const [cx, cy] = raster.cellSizeDeg;
  const covered = new Uint8Array(w * h);
  for (let c = 0; c < w * h; c++) covered[c] = rsrpDbm[c]! >= thresholdDbm ? 1 : 0;
  const isCovered = (i: number, j: number): boolean => i >= 0 && j >= 0 && i < w && j < h && covered[j * w + i] === 1;

  // 4-connected components of covered cells.
  const part = new Int32Array(w * h).fill(-1);
  const queue = new Int32Array(w * h);
  let parts = 0;
  for (let c0 = 0; c0 < w * h; c0++) {
    if (!covered[c0] || part[c0] !== -1) continue;
    let head = 0, tail = 0;
    queue[tail++] = c0; part[c0] = parts;
    while (head < tail) {
      const c = queue[head++]!, i = c % w, j = (c - i) / w;
      for (let d = 0; d < 4; d++) {
        const ni = i + DI[d]!, nj = j + DJ[d]!;
        if (isCovered(ni, nj) && part[nj * w + ni] === -1) { part[nj * w + ni] = parts; queue[tail++] = nj * w + ni; }
      }
    }
    parts++;
  }

  // Directed boundary edges, indexed by start corner (corner (i, j) = j·(w+1) + i); ≤ 2 per corner.
  const W1 = w + 1;
  const out = new Int8Array(2 * W1 * (h + 1)).fill(-1);
  const addEdge = (i: number, j: number, dir: number): void => {
    const v = 2 * (j * W1 + i);
    if (out[v] === -1) out[v] = dir; else out[v + 1] = dir;
  };
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      if (!covered[j * w + i]) continue;
      if (!isCovered(i, j + 1)) addEdge(i, j + 1, 0); // south side, eastwards
      if (!isCovered(i + 1, j)) addEdge(i + 1, j + 1, 1); // east side, northwards
      if (!isCovered(i, j - 1)) addEdge(i + 1, j, 2); // north side, westwards
      if (!isCovered(i - 1, j)) addEdge(i, j, 3); // west side, southwards
    }
  }
  // Two covered cells meeting only at corner (i, j).
  const isSaddle = (i: number, j: number): boolean => {
    const nw = isCovered(i - 1, j - 1), ne = isCovered(i, j - 1), sw = isCovered(i - 1, j), se = isCovered(i, j);
    return nw === se && ne === sw && nw !== ne;
  };
  const has = (v: number, dir: number): boolean => out[2 * v] === dir || out[2 * v + 1] === dir;
  const remove = (v: number, dir: number): void => { if (out[2 * v] === dir) out[2 * v] = -1; else out[2 * v + 1] = -1; };
  // The cell on the left of edge (i, j, dir).
  const leftCell = (i: number, j: number, dir: number): number =>
    dir === 0 ? (j - 1) * w + i : dir === 1 ? (j - 1) * w + i - 1 : dir === 2 ? j * w + i - 1 : j * w + i;

  const outers: (Position[] | null)[] = new Array<Position[] | null>(parts).fill(null);
  const holes: Position[][][] = Array.from({ length: parts }, () => []);
  const lonOf = (i: number): number => west + i * cx;
  const latOf = (j: number): number => north - j * cy;

  for (let v0 = 0; v0 < W1 * (h + 1); v0++) {
    for (;;) {
      const startDir = out[2 * v0] !== -1 ? out[2 * v0]! : out[2 * v0 + 1]!;
      if (startDir === -1) break;
      const i0 = v0 % W1, j0 = (v0 - i0) / W1;
      const owner = part[leftCell(i0, j0, startDir)]!;
      const ring: Position[] = [];
      // The start edge stays in place until the ring comes back to it (a saddle start corner
      // may be passed twice).
      let i = i0, j = j0, dir = startDir;
      for (;;) {
        i += DI[dir]!; j += DJ[dir]!;
        const v = j * W1 + i;
        const a = out[2 * v]!, b = out[2 * v + 1]!;
        const next = a !== -1 && b !== -1 ? (has(v, (dir + 1) & 3) ? (dir + 1) & 3 : a) : a !== -1 ? a : b;
        const saddle = isSaddle(i, j);
        invariant(next !== -1, 'coverageOutline: a boundary corner without an outgoing edge');
        if (next !== dir) {
          const lon = lonOf(i), lat = latOf(j);
          if (saddle) {
            ring.push([lon - DI[dir]! * SADDLE_CUT * cx, lat + DJ[dir]! * SADDLE_CUT * cy]);
            ring.push([lon + DI[next]! * SADDLE_CUT * cx, lat - DJ[next]! * SADDLE_CUT * cy]);
          } else ring.push([lon, lat]);
        }
        remove(v, next);
        if (v === v0 && next === startDir) break;
        dir = next;
      }
      ring.push([ring[0]![0]!, ring[0]![1]!]);
      let area2 = 0;
      for (let k = 0; k + 1 < ring.length; k++) {
        const [x0, y0] = ring[k]!, [x1, y1] = ring[k + 1]!;
        area2 += (x0! - west) * (y1! - north) - (x1! - west) * (y0! - north);
      }
      if (area2 > 0 && outers[owner] === null) outers[owner] = ring; else holes[owner]!.push(ring);
    }
  }
  const polygons: Position[][][] = [];
  for (let p = 0; p < parts; p++) if (outers[p]) polygons.push([outers[p]!, ...holes[p]!]);
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}
