/**
 * The simple site list's columns (FORMATS.md §3): header aliases (case-, space-, `_`- and
 * `-`-insensitive), the defaults used when a value is absent or rejected, and plausible ranges.
 * Cost: O(aliases) once, at module load.
 */
import { aliasLookup, mapHeaders } from './map-headers.ts';

export type SiteField =
  | 'id' | 'name' | 'lon' | 'lat' | 'height_m' | 'band_mhz' | 'eirp_dbm' | 'operator' | 'radius_m' | 'synthetic';

/** Header aliases of the simple site CSV (case-, space-, `_`- and `-`-insensitive). */
export const SITE_COLUMN_ALIASES: Readonly<Record<SiteField, readonly string[]>> = Object.freeze({
  id: ['id', 'site_id', '编号', '站号', '基站编号'],
  name: ['name', 'site_name', '站名', '名称', '基站名称'],
  lon: ['lon', 'lng', 'longitude', 'x', '经度'],
  lat: ['lat', 'latitude', 'y', '纬度'],
  height_m: ['height_m', 'height', 'antenna_height_m', '高度', '天线高度', '挂高'],
  band_mhz: ['band_mhz', 'band', 'frequency_mhz', '频段'],
  eirp_dbm: ['eirp_dbm', 'eirp'],
  operator: ['operator', 'carrier', '运营商'],
  radius_m: ['radius_m', 'radius', '覆盖半径'],
  synthetic: ['synthetic', '模拟'],
});

/** Values used when a column is absent or a cell is rejected. */
export const SITE_DEFAULTS = Object.freeze({
  antennaHeightM: 30, // a typical rural lattice tower
  bandMHz: 900, // the long-reach band rural China relies on
  eirpDbm: 58, // ≈ 40 W into a 17 dBi sector antenna, minus feeder loss
  radiusM: 3000, // rural macro cell radius in hilly terrain
});

/** Plausible ranges (inclusive); outside them the value is `out_of_range` and the default used. */
export const SITE_LIMITS = Object.freeze({
  antennaHeightM: [1, 500],
  bandMHz: [300, 6000],
  eirpDbm: [0, 90],
  radiusM: [1, 100_000],
} as const);

export const SITE_LOOKUP = aliasLookup(SITE_COLUMN_ALIASES);

/** Whether header cells name both a longitude and a latitude column of a site list. */
export function looksLikeSiteHeader(cells: readonly string[]): boolean {
  const fields = mapHeaders<SiteField>(cells, SITE_LOOKUP);
  return fields.includes('lon') && fields.includes('lat');
}

