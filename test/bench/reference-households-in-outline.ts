/**
 * `householdsInOutline` as it was before issue 9 (commit 15d1d3e): every household index sorted by
 * longitude (`referenceLonOrder`, a comparator sort over the objects), then per outline a binary
 * search and a scan of its whole longitude band. Kept as the reference the grid index is compared
 * with (`test/unit/core/analysis/households-in-outline.test.ts`).
 */
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Household } from '../../src/core/model/types.ts';

/** Every household index, sorted by longitude (ties by index). */
export function referenceLonOrder(households: readonly Household[]): Int32Array {
  const order = Int32Array.from(households.keys());
  return order.sort((a, b) => households[a]!.lon - households[b]!.lon || a - b);
}

export function referenceHouseholdsInOutline(
  households: readonly Household[], byLon: Int32Array, outline: Polygon | MultiPolygon,
): number[] {
  const [west, south, east, north] = bbox(outline);
  let lo = 0;
  let hi = byLon.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (households[byLon[mid]!]!.lon < west) lo = mid + 1;
    else hi = mid;
  }
  const inside: number[] = [];
  for (let k = lo; k < byLon.length; k++) {
    const i = byLon[k]!;
    const h = households[i]!;
    if (h.lon > east) break;
    if (h.lat < south || h.lat > north) continue;
    if (booleanPointInPolygon([h.lon, h.lat], outline)) inside.push(i);
  }
  return inside.sort((a, b) => a - b);
}
