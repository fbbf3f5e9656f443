/**
 * `haversineM` on four numbers instead of two tuples, for hot loops (no array allocation).
 * The same arithmetic, operation for operation, so it returns bit-identical results to
 * `haversineM([lon1, lat1], [lon2, lat2])` (tested): a point exactly at a radius is inside or
 * outside by the same rule everywhere. Sphere of radius 6,371,008.8 m. Cost: O(1).
 */
import { EARTH_RADIUS_M } from './haversine-m.ts';

const RAD = Math.PI / 180;

export function haversineLonLatM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}
