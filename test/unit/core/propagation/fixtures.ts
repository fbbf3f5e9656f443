/** Test fixtures for the propagation core: synthetic DEMs made from functions, sites, offsets. */
import type { Dem, Household, Site } from '../../../../src/core/index.ts';

const R = 6_371_008.8;
const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

/** 3 arc-seconds, SRTM3's spacing. */
export const CELL_3S = 1 / 1200;
export const SITE_LON = 107.8;
export const SITE_LAT = 30.0;

/** A DEM whose elevation is `f(eastM, northM)` in a local frame around (SITE_LON, SITE_LAT). */
export function functionDem(
  f: (eastM: number, northM: number) => number, halfSizeDeg = 0.25, cellSizeDeg = CELL_3S, label = 'test terrain',
): Dem {
  const bounds = [SITE_LON - halfSizeDeg, SITE_LAT - halfSizeDeg, SITE_LON + halfSizeDeg, SITE_LAT + halfSizeDeg] as const;
  const cosLat = Math.cos(SITE_LAT * RAD);
  return {
    bounds, cellSizeDeg: [cellSizeDeg, cellSizeDeg], label, synthetic: true,
    elevationM(lon, lat) {
      if (!(lon >= bounds[0] && lon <= bounds[2] && lat >= bounds[1] && lat <= bounds[3])) return NaN;
      return f((lon - SITE_LON) * RAD * R * cosLat, (lat - SITE_LAT) * RAD * R);
    },
  };
}

/**
 * A DEM stored like a real one: `f` sampled on a grid of `cellSizeDeg` into a Float32Array, read
 * back bilinearly (NaN outside).
 */
export function gridDem(f: (eastM: number, northM: number) => number, halfSizeDeg = 0.2, cellSizeDeg = CELL_3S): Dem {
  const west = SITE_LON - halfSizeDeg, south = SITE_LAT - halfSizeDeg;
  const n = Math.round((2 * halfSizeDeg) / cellSizeDeg) + 1;
  const cosLat = Math.cos(SITE_LAT * RAD);
  const z = new Float32Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) {
    z[j * n + i] = f((west + i * cellSizeDeg - SITE_LON) * RAD * R * cosLat, (south + j * cellSizeDeg - SITE_LAT) * RAD * R);
  }
  const east = west + (n - 1) * cellSizeDeg, north = south + (n - 1) * cellSizeDeg;
  return {
    bounds: [west, south, east, north], cellSizeDeg: [cellSizeDeg, cellSizeDeg], label: 'test grid terrain', synthetic: true,
    elevationM(lon, lat) {
      const x = (lon - west) / cellSizeDeg, y = (lat - south) / cellSizeDeg;
      if (!(x >= 0 && y >= 0 && x <= n - 1 && y <= n - 1)) return NaN;
      const i = Math.min(n - 2, Math.floor(x)), j = Math.min(n - 2, Math.floor(y));
      const fx = x - i, fy = y - j;
      const a = z[j * n + i]!, b = z[j * n + i + 1]!, c = z[(j + 1) * n + i]!, d = z[(j + 1) * n + i + 1]!;
      return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    },
  };
}

/** A north–south ridge `heightM` high (Gaussian, `widthM` standard deviation) `eastM` east of the site, on a 300 m plain. */
export const ridge = (eastM = 3000, heightM = 400, widthM = 250) => (x: number): number =>
  300 + heightM * Math.exp(-(((x - eastM) / widthM) ** 2) / 2);

/** Rolling hills: three wave trains, relief ≈ ±270 m around 400 m. */
export const hills = (x: number, y: number): number =>
  400 + 150 * Math.sin(x / 1700) * Math.cos(y / 2300) + 80 * Math.sin((x + 2 * y) / 900) + 40 * Math.cos((3 * x - y) / 500);

/** The point `distanceM` from (lon, lat) at `bearingDeg` (great circle). */
export function destination(lon: number, lat: number, bearingDeg: number, distanceM: number): [number, number] {
  const d = distanceM / R, t = bearingDeg * RAD, p1 = lat * RAD;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(t));
  const l2 = lon * RAD + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [l2 * DEG, p2 * DEG];
}

export function site(overrides: Partial<Site> = {}): Site {
  return {
    id: 's', name: 'site', lon: SITE_LON, lat: SITE_LAT, status: 'proposed', antennaHeightM: 30, bandMHz: 900, eirpDbm: 58,
    radiusM: 6000, ...overrides,
  };
}

/**
 * Homes at 1, 2, 4, 5 and 6 km east, west, north and south of the site (behind `ridge()` to the
 * east, open to the west), every fourth without a report (`unknown`), the others `none`.
 */
export function homesAroundSite(): Household[] {
  const out: Household[] = [];
  let n = 0;
  for (const bearing of [90, 270, 0, 180]) {
    for (const km of [1, 2, 4, 5, 6]) {
      const [lon, lat] = destination(SITE_LON, SITE_LAT, bearing, km * 1000);
      out.push({ id: `H${n}`, lon, lat, students: 1 + (n % 3), reports: [], cls: n % 4 === 3 ? 'unknown' : 'none', personal: {}, line: n + 2, village: `V${bearing}` });
      n++;
    }
  }
  return out;
}
