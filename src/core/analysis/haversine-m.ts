/**
 * Great-circle distance in metres between two `[lon, lat]` points (WGS-84 degrees), by the
 * haversine formula on a sphere of radius 6,371,008.8 m (the mean Earth radius Turf uses, so
 * distances agree with `@turf/distance` and `@turf/clusters-dbscan`).
 * Limits: spherical model, up to ~0.5 % off the ellipsoid; fine for the 500 m / 400 km checks and
 * clustering radii used here. Cost: O(1).
 */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

export function haversineM(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}
