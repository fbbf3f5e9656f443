/**
 * Great-circle distance in metres between two `[lon, lat]` points (WGS-84 degrees): `haversineLonLatM`
 * on pairs (sphere of radius 6,371,008.8 m, as Turf). Cost: O(1).
 */
import { haversineLonLatM } from './haversine-lon-lat-m.ts';

export { EARTH_RADIUS_M } from './haversine-lon-lat-m.ts';

export function haversineM(a: readonly [number, number], b: readonly [number, number]): number {
  return haversineLonLatM(a[0], a[1], b[0], b[1]);
}
