/**
 * A local metric frame: WGS-84 lon/lat ↔ x/y metres east/north of an origin (equirectangular,
 * scaled at the origin's latitude, on the same sphere as haversine). Within a county (≈ 100 km)
 * its distances are within about 1 % of haversine, which is all the demo's placement needs; it is not a survey projection.
 * Being affine in lon/lat, it keeps "inside a polygon" unchanged.
 * Cost: two multiplications per conversion.
 */

/** Metres per degree along a great circle, on the sphere the app's haversine uses (R = 6,371,008.8 m). */
const M_PER_DEG = (Math.PI / 180) * 6_371_008.8;

export interface LocalMetricFrame {
  /** [lon, lat] → [x, y] metres. */
  toXY(lon: number, lat: number): [number, number];
  /** [x, y] metres → [lon, lat]. */
  toLonLat(x: number, y: number): [number, number];
}

export function createLocalMetricFrame(originLon: number, originLat: number): LocalMetricFrame {
  const mPerDegLon = M_PER_DEG * Math.cos((originLat * Math.PI) / 180);
  return {
    toXY: (lon, lat) => [(lon - originLon) * mPerDegLon, (lat - originLat) * M_PER_DEG],
    toLonLat: (x, y) => [originLon + x / mPerDegLon, originLat + y / M_PER_DEG],
  };
}
