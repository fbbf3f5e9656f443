/**
 * Which households lie inside (or on the edge of) an outline: `householdsInOutline` gives their
 * indices, ascending. `indexHouseholdsForOutlines` (build it once per household array and reuse
 * it for every outline) puts the homes with a finite position into the app's point grid
 * (`createPointGridIndex`, cells of `cellDeg`, default 0.01° ≈ 1 km); a query visits the homes of
 * the outline's bounding box (`forEachInBox`, bounds included), then tests each against the
 * outline in lon/lat degrees (planar, as the map draws it): a strictly convex counter-clockwise
 * ring — what `clusterOutline` gives — by the sign of one cross product per edge (≥ 0 for every
 * edge: inside or on the edge); any other outline with Turf's `booleanPointInPolygon`. Both count
 * the boundary as inside. Households with a non-finite position are in no outline.
 * Limits: no antimeridian handling.
 * Cost: build O(n + cells) (the grid's), ~0.1 s for 1,000,000 homes on a loaded 2-core VM
 * (Node 20); a query O(cells in the box + b + k·v) for b homes in those cells, k in the box and v
 * outline corners. A seeded municipality (3,243 outlines of ~40 corners over 959,490 homes):
 * queries ~0.1 s with the convex test, ~0.2 s with Turf's. Memory: the grid's 64 bytes per home,
 * and 4 for the household of each grid point.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { bbox } from '@turf/bbox';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { createPointGridIndex, type PointGridIndex } from '../coverage/create-point-grid-index.ts';
import type { Household } from '../model/types.ts';

export interface HouseholdOutlineIndex {
  readonly grid: PointGridIndex;
  /** Household index of each grid point: the households with a finite position, ascending. */
  readonly household: Int32Array;
}

export function indexHouseholdsForOutlines(households: readonly Pick<Household, 'lon' | 'lat'>[], cellDeg = 0.01): HouseholdOutlineIndex {
  const n = households.length;
  let finite = 0;
  for (let i = 0; i < n; i++) {
    const { lon, lat } = households[i]!;
    if (Number.isFinite(lon) && Number.isFinite(lat)) finite++;
  }
  const household = new Int32Array(finite);
  const lon = new Float64Array(finite);
  const lat = new Float64Array(finite);
  for (let i = 0, k = 0; i < n; i++) {
    const h = households[i]!;
    if (!Number.isFinite(h.lon) || !Number.isFinite(h.lat)) continue;
    household[k] = i;
    lon[k] = h.lon;
    lat[k] = h.lat;
    k++;
  }
  return { grid: createPointGridIndex(lon, lat, cellDeg), household };
}

export function householdsInOutline(index: HouseholdOutlineIndex, outline: Polygon | MultiPolygon): number[] {
  const [west, south, east, north] = bbox(outline);
  const inside: number[] = [];
  const { grid, household } = index;
  const edges = outline.type === 'Polygon' && outline.coordinates.length === 1 ? convexEdges(outline.coordinates[0]!) : null;
  if (edges) {
    const v = edges.length / 4;
    grid.forEachInBox(west, south, east, north, (k, x, y) => {
      for (let e = 0; e < 4 * v; e += 4) {
        if (edges[e + 2]! * (y - edges[e + 1]!) - edges[e + 3]! * (x - edges[e]!) < 0) return;
      }
      inside.push(household[k]!);
    });
  } else {
    grid.forEachInBox(west, south, east, north, (k, x, y) => {
      if (booleanPointInPolygon([x, y], outline)) inside.push(household[k]!);
    });
  }
  return inside.sort((a, b) => a - b);
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
