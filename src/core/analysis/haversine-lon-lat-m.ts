/**
 * Great-circle distance in metres between (lon1, lat1) and (lon2, lat2), WGS-84 degrees, by the
 * haversine formula on a sphere of radius 6,371,008.8 m (the mean Earth radius Turf uses, so
 * distances agree with `@turf/distance` and `@turf/clusters-dbscan`). Four numbers, not tuples:
 * hot loops allocate nothing. `haversineM` is the same function on `[lon, lat]` pairs, so a point
 * exactly at a radius is inside or outside by the same rule everywhere.
 * Limits: spherical model, up to ~0.5 % off the ellipsoid. Cost: O(1).
 */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

export function haversineLonLatM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}
