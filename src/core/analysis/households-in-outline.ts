/**
 * Indices of the households whose point lies inside (or on the edge of) an outline, ascending.
 * A bounding-box prefilter comes first: `byLon` lists every household index sorted by longitude
 * (build it once per household array and reuse it for every outline), so a binary search finds
 * the outline's longitude band and only homes in it are tested for latitude, then with Turf's
 * `booleanPointInPolygon` (planar test in lon/lat degrees, as the map draws it).
 * Limits: no antimeridian handling. Cost: O(log n + b + k·v) for n households, b in the
 * longitude band, k in the bounding box and v outline vertices.
 */
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Household } from '../model/types.ts';

export function householdsInOutline(
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
