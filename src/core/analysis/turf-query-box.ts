/**
 * The search box of `@turf/clusters-dbscan`'s region query (units `'meters'`), operation for
 * operation. Turf first takes the points inside this box from an R-tree and only then keeps those
 * with `distance <= eps`; a point outside the box is never a neighbour, even if its haversine
 * distance is ≤ eps. The box can therefore matter for pairs at (almost) exactly eps: due north or
 * south (`lat ± latHalfDeg` is rounded) and near the equator (where Turf's longitude half-width
 * is `latHalfDeg` itself, a hair narrower than the haversine disc). The box is centred on the
 * querying point, so "j is in i's box" and "i is in j's box" can differ.
 *
 * - `turfLatHalfDeg(epsM)`: `lengthToDegrees(eps, 'meters')` = `((eps / R) % 2π) · 180 / π`.
 * - `turfLonHalfDeg(lat, latHalfDeg)`: the longitude half-width of the box around a point at
 *   `lat`. The box is `max(lat − latHalfDeg, −90) ≤ lat' ≤ min(lat + latHalfDeg, 90)` and
 *   `max(lon − lonHalfDeg, −360) ≤ lon' ≤ min(lon + lonHalfDeg, 360)`, bounds included (rbush
 *   `intersects`); callers evaluate those four bounds with exactly these operations.
 * Limits: no validation. Cost: O(1), one cosine.
 */
import { EARTH_RADIUS_M } from './haversine-m.ts';

export function turfLatHalfDeg(epsM: number): number {
  const radians = epsM / EARTH_RADIUS_M;
  const normalisedRadians = radians % (2 * Math.PI);
  return normalisedRadians * 180 / Math.PI;
}

/** Longitude half-width (degrees) of Turf's region-query box around a point at `lat`. */
export function turfLonHalfDeg(lat: number, latHalfDeg: number): number {
  const minY = Math.max(lat - latHalfDeg, -90);
  const maxY = Math.min(lat + latHalfDeg, 90);
  if (minY < 0 && maxY > 0) return latHalfDeg;
  if (Math.abs(minY) < Math.abs(maxY)) return latHalfDeg / Math.cos(((maxY % 360) * Math.PI) / 180);
  return latHalfDeg / Math.cos(((minY % 360) * Math.PI) / 180);
}
