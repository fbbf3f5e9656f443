/**
 * `@turf/distance` with `units: 'meters'`, operation for operation, on raw coordinates: the
 * haversine great-circle distance in metres (sphere of radius 6,371,008.8 m) from `from` to `to`.
 *
 * Why a copy and not `haversineM`: DBSCAN must make the same `distance <= eps` decision as
 * `@turf/clusters-dbscan` even for a pair exactly eps apart, so every floating-point step is Turf's:
 * `degreesToRadians(d) = (d % 360) * PI / 180`, `a = sin²(dLat/2) + sin²(dLon/2) · cos(lat1) ·
 * cos(lat2)` (left to right, so the result may differ in the last bit when `from` and `to` are
 * swapped), `2 · atan2(√a, √(1 − a)) · R`. Same engine ⇒ same bits as Turf.
 * Limits: no validation (NaN in, NaN out). Cost: O(1), 5 trigonometric calls.
 */
import { EARTH_RADIUS_M } from './haversine-m.ts';

function degreesToRadians(degrees: number): number {
  const normalisedDegrees = degrees % 360;
  return normalisedDegrees * Math.PI / 180;
}

export function turfDistanceM(fromLon: number, fromLat: number, toLon: number, toLat: number): number {
  const dLat = degreesToRadians(toLat - fromLat);
  const dLon = degreesToRadians(toLon - fromLon);
  const lat1 = degreesToRadians(fromLat);
  const lat2 = degreesToRadians(toLat);
  const a = Math.pow(Math.sin(dLat / 2), 2) + Math.pow(Math.sin(dLon / 2), 2) * Math.cos(lat1) * Math.cos(lat2);
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_RADIUS_M;
}
