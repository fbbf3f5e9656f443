/**
 * Which households lie inside (or on the edge of) an outline: `householdsInOutline` gives their
 * indices, ascending. A bounding-box prefilter comes first: `indexHouseholdsForOutlines` (build it
 * once and reuse it for every outline) sorts the positions — objects, or the `lon`/`lat` columns
 * of a `HouseholdTable` — into a uniform lon/lat grid, copied into flat typed arrays in cell
 * order; a query reads, row by row, the run of cells the outline's bounding box touches and tests
 * each point against the box (bounds included), then against the outline in lon/lat degrees
 * (planar, as the map draws it): a strictly convex counter-clockwise ring — what `clusterOutline`
 * gives — by the sign of one cross product per edge (≥ 0 for every edge: inside or on the edge);
 * any other outline with Turf's `booleanPointInPolygon`. Both count the boundary as inside.
 * Households with a non-finite coordinate are in no cell (they lie in no finite box).
 * Given `boxes` (the analysis passes its outlines' bounding boxes), the grid spans only them and
 * holds only the homes in a cell one of them touches: a query is then right only for an outline
 * whose box lies inside one of them. `householdsInOutlineInto` writes a query's answer into a
 * buffer reused across outlines (`householdsInOutline` allocates one per call, the size of the
 * homes under the box).
 * Grid: cells of `cellDeg` (default 0.01°, ~1 km), enlarged until there are at most
 * max(n, 1024) cells for n homes given. Limits: no antimeridian handling.
 * Why not the app's point grid (`createPointGridIndex`, tried with a box query for this): it also
 * stores each point's unit vector (64 bytes a home, trigonometry per home), and at 959,490 homes
 * its build took 0.6–0.8 s against ~0.1 s for this one inside the analysis (min–median of 15,
 * interleaved in one process, Node 20 on 2 shared cores at load 5–7); this grid needs only the
 * positions.
 * Cost: build O(n + cells); a query O(cells in the box + b + k·v + f log f) for b homes in those
 * cells, k in the box, v outline corners and f found. Measured on the seeded municipality's
 * 959,825 homes and its 3,243 cluster outlines (~39 corners; Node 20, 2 shared cores at load
 * 4–5, min–median of 3–7 in one process): build over the columns 49–97 ms for every home
 * (86–128 ms from objects before issue 9's columns), 33–45 ms under the outlines' boxes (716,238
 * homes indexed, 20,352 cells); all queries with `householdsInOutlineInto` 68–92 ms (980,715
 * homes read in the cells, 467,543 in the boxes, 395,407 inside — the per-edge test of those in
 * the boxes is most of it; a 0.02–0.0025° grid changes little), 124–224 ms into growing arrays
 * with a comparator sort before; the convex test alone is ~0.6× of Turf's on ~40-corner outlines.
 * Memory: 20 bytes per indexed home + 4 per home given + 4 per cell.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { bbox } from '@turf/bbox';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Household } from '../model/types.ts';

export interface HouseholdOutlineIndex {
  readonly minLon: number;
  readonly minLat: number;
  /** 1 / cell size, per degree. */
  readonly inv: number;
  readonly cols: number;
  readonly rows: number;
  /** Offsets into `order`/`lon`/`lat` per cell (CSR), length cols × rows + 1. */
  readonly cellStart: Int32Array;
  /** Household index per position, in cell order (ascending within a cell). */
  readonly order: Int32Array;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
}

/** Positions as columns: a `HouseholdTable`, or any pair of parallel arrays. */
export interface OutlinePositions {
  readonly lon: ArrayLike<number>;
  readonly lat: ArrayLike<number>;
}

/** [west, south, east, north], degrees. */
export type OutlineBox = readonly [number, number, number, number];

/**
 * The grid of the homes' positions (`homes`: objects, or columns such as a `HouseholdTable`'s).
 * `boxes`: when given, only the homes inside one of these boxes (bounds included) — or in a grid
 * cell one touches — are indexed, over a grid spanning the boxes; a query then answers only for
 * an outline whose bounding box is inside one of them (the analysis passes its outlines' boxes).
 */
export function indexHouseholdsForOutlines(
  homes: readonly Pick<Household, 'lon' | 'lat'>[] | OutlinePositions, cellDeg = 0.01, boxes?: readonly OutlineBox[],
): HouseholdOutlineIndex {
  let x0: ArrayLike<number>, y0: ArrayLike<number>, n: number;
  if (Array.isArray(homes)) {
    const list = homes as readonly Pick<Household, 'lon' | 'lat'>[];
    n = list.length;
    const lonOf = new Float64Array(n), latOf = new Float64Array(n);
    for (let i = 0; i < n; i++) { lonOf[i] = list[i]!.lon; latOf[i] = list[i]!.lat; }
    x0 = lonOf; y0 = latOf;
  } else {
    ({ lon: x0, lat: y0 } = homes as OutlinePositions);
    n = Math.min(x0.length, y0.length);
  }
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  if (boxes) {
    for (const [w, s, e, nn] of boxes) {
      if (!(w <= e && s <= nn)) continue;
      if (w < minLon) minLon = w;
      if (e > maxLon) maxLon = e;
      if (s < minLat) minLat = s;
      if (nn > maxLat) maxLat = nn;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const x = x0[i]!, y = y0[i]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < minLon) minLon = x;
      if (x > maxLon) maxLon = x;
      if (y < minLat) minLat = y;
      if (y > maxLat) maxLat = y;
    }
  }
  if (!(minLon <= maxLon && minLat <= maxLat && Number.isFinite(maxLon - minLon) && Number.isFinite(maxLat - minLat))) {
    minLon = minLat = maxLon = maxLat = 0;
    if (boxes) boxes = [];
  }
  let cell = cellDeg;
  const maxCells = Math.max(n, 1024);
  let cols = 0, rows = 0;
  for (;;) {
    cols = Math.floor((maxLon - minLon) / cell) + 1;
    rows = Math.floor((maxLat - minLat) / cell) + 1;
    if (cols * rows <= maxCells) break;
    cell *= 2;
  }
  const inv = 1 / cell;
  const colOf = (x: number): number => Math.min(cols - 1, Math.floor((x - minLon) * inv));
  const rowOf = (y: number): number => Math.min(rows - 1, Math.floor((y - minLat) * inv));
  // The cells under a box (floor((x − min) · inv) grows with x, so they hold every point of it).
  let wanted: Uint8Array | null = null;
  if (boxes) {
    wanted = new Uint8Array(cols * rows);
    for (const [w, s, e, nn] of boxes) {
      if (!(w <= e && s <= nn)) continue;
      const c1 = colOf(e), r1 = rowOf(nn);
      for (let r = rowOf(s); r <= r1; r++) wanted.fill(1, r * cols + colOf(w), r * cols + c1 + 1);
    }
  }
  const cellOf = new Int32Array(n);
  const cellStart = new Int32Array(cols * rows + 1);
  let indexed = 0;
  for (let i = 0; i < n; i++) {
    const x = x0[i]!, y = y0[i]!;
    // Also false for NaN; with boxes, homes beyond them are left out.
    if (!(x >= minLon && x <= maxLon && y >= minLat && y <= maxLat)) {
      if (wanted || !Number.isFinite(x) || !Number.isFinite(y)) { cellOf[i] = -1; continue; }
    }
    const c = rowOf(y) * cols + colOf(x);
    if (wanted && wanted[c] === 0) { cellOf[i] = -1; continue; }
    cellOf[i] = c;
    cellStart[c + 1]!++;
    indexed++;
  }
  for (let c = 0; c < cols * rows; c++) cellStart[c + 1]! += cellStart[c]!;
  const next = cellStart.slice(0, cols * rows);
  const order = new Int32Array(indexed);
  const lon = new Float64Array(indexed);
  const lat = new Float64Array(indexed);
  for (let i = 0; i < n; i++) {
    const c = cellOf[i]!;
    if (c < 0) continue;
    const p = next[c]!++;
    order[p] = i;
    lon[p] = x0[i]!;
    lat[p] = y0[i]!;
  }
  return { minLon, minLat, inv, cols, rows, cellStart, order, lon, lat };
}

/** The households inside `outline` (or on its edge), ascending indices. */
export function householdsInOutline(index: HouseholdOutlineIndex, outline: Polygon | MultiPolygon): number[] {
  const box = bbox(outline) as OutlineBox;
  return Array.from(householdsInOutlineInto(index, outline, new Int32Array(homesUnder(index, box)), box));
}

/** How many homes the grid cells under `box` hold (what a query reads; 0 for an empty box). */
function homesUnder(index: HouseholdOutlineIndex, box: OutlineBox): number {
  const [west, south, east, north] = box;
  if (!(west <= east && south <= north)) return 0;
  const { minLon, minLat, inv, cols, rows, cellStart } = index;
  const col0 = Math.max(0, Math.min(cols - 1, Math.floor((west - minLon) * inv)));
  const col1 = Math.max(0, Math.min(cols - 1, Math.floor((east - minLon) * inv)));
  const row0 = Math.max(0, Math.min(rows - 1, Math.floor((south - minLat) * inv)));
  const row1 = Math.max(0, Math.min(rows - 1, Math.floor((north - minLat) * inv)));
  let count = 0;
  for (let r = row0; r <= row1; r++) count += cellStart[r * cols + col1 + 1]! - cellStart[r * cols + col0]!;
  return count;
}

/**
 * `householdsInOutline` written into `found` (reused across calls; `index.order.length` long
 * always suffices, at least as many as the grid cells under the box hold): the returned view of it
 * holds the indices, ascending. `box`: the outline's bounding box,
 * when the caller has it.
 */
export function householdsInOutlineInto(
  index: HouseholdOutlineIndex, outline: Polygon | MultiPolygon, found: Int32Array, box: OutlineBox = bbox(outline) as OutlineBox,
): Int32Array {
  const [west, south, east, north] = box;
  let count = 0;
  if (!(west <= east && south <= north)) return found.subarray(0, 0);
  const { minLon, minLat, inv, cols, rows, cellStart, order, lon, lat } = index;
  const edges = outline.type === 'Polygon' && outline.coordinates.length === 1 ? convexEdges(outline.coordinates[0]!) : null;
  // floor((x − min) · inv) grows with x, so these cells hold every point of the box.
  const col0 = Math.max(0, Math.min(cols - 1, Math.floor((west - minLon) * inv)));
  const col1 = Math.max(0, Math.min(cols - 1, Math.floor((east - minLon) * inv)));
  const row0 = Math.max(0, Math.min(rows - 1, Math.floor((south - minLat) * inv)));
  const row1 = Math.max(0, Math.min(rows - 1, Math.floor((north - minLat) * inv)));
  for (let r = row0; r <= row1; r++) {
    const to = cellStart[r * cols + col1 + 1]!;
    points: for (let p = cellStart[r * cols + col0]!; p < to; p++) {
      const x = lon[p]!;
      const y = lat[p]!;
      if (x < west || x > east || y < south || y > north) continue;
      if (edges) {
        for (let e = 0; e < edges.length; e += 4) {
          if (edges[e + 2]! * (y - edges[e + 1]!) - edges[e + 3]! * (x - edges[e]!) < 0) continue points;
        }
        found[count++] = order[p]!;
      } else if (booleanPointInPolygon([x, y], outline)) found[count++] = order[p]!;
    }
  }
  return found.subarray(0, count).sort();
}

/**
 * The edges (ax, ay, bx − ax, by − ay per edge) of a closed ring that turns left, by a nonzero
 * cross product, at every corner and goes round once (strictly convex, counter-clockwise); null
 * for any other ring.
 */
function convexEdges(ring: readonly Position[]): Float64Array | null {
  const v = ring.length - 1;
  if (v < 3) return null;
  const first = ring[0]!, last = ring[v]!;
  if (first[0] !== last[0] || first[1] !== last[1]) return null;
  const edges = new Float64Array(4 * v);
  for (let i = 0; i < v; i++) {
    const a = ring[i]!, b = ring[i + 1]!;
    const ax = a[0]!, ay = a[1]!;
    edges[4 * i] = ax;
    edges[4 * i + 1] = ay;
    edges[4 * i + 2] = b[0]! - ax;
    edges[4 * i + 3] = b[1]! - ay;
  }
  // Left turns everywhere, and the edges' east–west direction flips at most twice: once round
  // (a star polygon also turns left everywhere, but goes round more than once).
  let flips = 0;
  let sign = 0;
  for (let i = 0; i < v; i++) {
    const e = 4 * i, f = 4 * ((i + 1) % v);
    if (!(edges[e + 2]! * edges[f + 3]! - edges[e + 3]! * edges[f + 2]! > 0)) return null;
    const s = Math.sign(edges[e + 2]!);
    if (s !== 0 && s !== sign) {
      if (sign !== 0) flips++;
      sign = s;
    }
  }
  return flips <= 2 ? edges : null;
}
