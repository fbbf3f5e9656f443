/**
 * Which households lie inside (or on the edge of) an outline: `householdsInOutline` gives their
 * indices, ascending. A bounding-box prefilter comes first: `indexHouseholdsForOutlines` (build it
 * once per household array and reuse it for every outline) sorts the positions into a uniform
 * lon/lat grid, copied into flat typed arrays in cell order; a query reads only the cells the
 * outline's bounding box touches, tests each point against the box (bounds included), then with
 * Turf's `booleanPointInPolygon` (planar test in lon/lat degrees, as the map draws it).
 * Households with a non-finite coordinate are in no cell (they lie in no finite box).
 * Grid: cells of `cellDeg` (default 0.01°, ~1 km), enlarged until there are at most
 * max(n, 1024) cells. Limits: no antimeridian handling.
 * Cost: build O(n + cells), ~40 ms for 1,000,000 homes (Node 20); a query O(cells in the box +
 * b + k·v) for b homes in those cells, k in the box and v outline vertices — about 1/100 of the
 * former longitude-band scan on a municipality (3,243 outlines over 959,490 homes: ~0.15 s).
 * Memory: 24 bytes per home.
 */
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
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

export function indexHouseholdsForOutlines(households: readonly Pick<Household, 'lon' | 'lat'>[], cellDeg = 0.01): HouseholdOutlineIndex {
  const n = households.length;
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  let finite = 0;
  for (let i = 0; i < n; i++) {
    const { lon: x, lat: y } = households[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    finite++;
    if (x < minLon) minLon = x;
    if (x > maxLon) maxLon = x;
    if (y < minLat) minLat = y;
    if (y > maxLat) maxLat = y;
  }
  if (finite === 0) minLon = minLat = maxLon = maxLat = 0;
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
  const cellOf = new Int32Array(n).fill(-1);
  const cellStart = new Int32Array(cols * rows + 1);
  for (let i = 0; i < n; i++) {
    const { lon: x, lat: y } = households[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const c = Math.min(rows - 1, Math.floor((y - minLat) * inv)) * cols + Math.min(cols - 1, Math.floor((x - minLon) * inv));
    cellOf[i] = c;
    cellStart[c + 1]!++;
  }
  for (let c = 0; c < cols * rows; c++) cellStart[c + 1]! += cellStart[c]!;
  const next = cellStart.slice(0, cols * rows);
  const order = new Int32Array(finite);
  const lon = new Float64Array(finite);
  const lat = new Float64Array(finite);
  for (let i = 0; i < n; i++) {
    const c = cellOf[i]!;
    if (c < 0) continue;
    const p = next[c]!++;
    order[p] = i;
    lon[p] = households[i]!.lon;
    lat[p] = households[i]!.lat;
  }
  return { minLon, minLat, inv, cols, rows, cellStart, order, lon, lat };
}

export function householdsInOutline(index: HouseholdOutlineIndex, outline: Polygon | MultiPolygon): number[] {
  const [west, south, east, north] = bbox(outline);
  const inside: number[] = [];
  if (!(west <= east && south <= north)) return inside;
  const { minLon, minLat, inv, cols, rows, cellStart, order, lon, lat } = index;
  // floor((x − min) · inv) grows with x, so these cells hold every point of the box.
  const col0 = Math.max(0, Math.min(cols - 1, Math.floor((west - minLon) * inv)));
  const col1 = Math.max(0, Math.min(cols - 1, Math.floor((east - minLon) * inv)));
  const row0 = Math.max(0, Math.min(rows - 1, Math.floor((south - minLat) * inv)));
  const row1 = Math.max(0, Math.min(rows - 1, Math.floor((north - minLat) * inv)));
  for (let r = row0; r <= row1; r++) {
    for (let c = r * cols + col0; c <= r * cols + col1; c++) {
      for (let p = cellStart[c]!; p < cellStart[c + 1]!; p++) {
        const x = lon[p]!;
        const y = lat[p]!;
        if (x < west || x > east || y < south || y > north) continue;
        if (booleanPointInPolygon([x, y], outline)) inside.push(order[p]!);
      }
    }
  }
  return inside.sort((a, b) => a - b);
}
