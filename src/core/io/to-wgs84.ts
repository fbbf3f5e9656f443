/**
 * Converts a coordinate from the system a file was made in to WGS-84, the only system inside the
 * program (FORMATS.md §1): GCJ-02 (Amap/Gaode, Tencent, Google Maps in China — offset by a few
 * hundred metres from GPS) and BD-09 (Baidu Maps, GCJ-02 with a second offset) via `gcoord`.
 * WGS-84 input is returned as is.
 * Limits: gcoord applies the offset only inside its rough China box (lon 72.0–137.8, lat
 * 0.8–55.8) and inverts GCJ-02 iteratively to 1e-6° (~0.1 m); call it on coordinates that have
 * passed `checkCoordinates`. Cost: O(1), a few iterations.
 */
import gcoord from 'gcoord';
import type { InputCrs } from '../model/import-options.ts';

export function toWgs84(lon: number, lat: number, crs: InputCrs | undefined): [number, number] {
  if (crs === undefined || crs === 'wgs84') return [lon, lat];
  const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  const [x, y] = gcoord.transform([lon, lat] as [number, number], from, gcoord.WGS84);
  return [x, y];
}
