/**
 * Checks one row's longitude/latitude cells (or a GeoJSON point) and says what is wrong first:
 * `missing_coordinate` / `not_a_number` per empty or unreadable field (decimal degrees or
 * degrees-minutes-seconds, see `parseCoordinate`); then `swapped_lat_lon` when lat lies in
 * China's longitude range (73–136) and lon in its latitude range (3–54) — the issue's value keeps
 * the coordinates as given ("lon=29.98, lat=108.12") so a one-click fix can swap them; then
 * `out_of_range` for lon outside −180…180 or lat outside −90…90; then `outside_area` outside
 * China's bounding box (lon 73–136, lat 3–54). All are errors: a row with any of them is not used.
 * With `fixSwapped` (the user agreed to the fix for this row), a swapped row is used with lon and
 * lat swapped back and its `swapped_lat_lon` issue becomes a warning saying so (`ok: true` with
 * `issues`). The distance-from-the-rest test needs every row and lives in `flagOutlyingRows`.
 * Shared by the household and site readers. Cost: O(1).
 */
import type { ImportIssue } from '../model/types.ts';
import { parseCoordinate } from './parse-coordinate.ts';
import { quoteValue } from './quote-value.ts';

/** China's bounding box, degrees (FORMATS.md §1). */
export const CHINA_BOUNDS = Object.freeze({ minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 });

export type CoordinateCheck =
  /** `issues`: only the warning of a fixed swap. */
  | { ok: true; lon: number; lat: number; issues?: ImportIssue[] }
  | { ok: false; issues: ImportIssue[] };

const inside = (v: number, lo: number, hi: number) => v >= lo && v <= hi;

/** `lonText`/`latText` are the cells as given (or the point's numbers written out). */
export function checkCoordinates(
  line: number, lonText: string, latText: string, options: { fixSwapped?: boolean } = {},
): CoordinateCheck {
  const issues: ImportIssue[] = [];
  const values: Partial<Record<'lon' | 'lat', number>> = {};
  for (const [field, text] of [['lon', lonText], ['lat', latText]] as const) {
    if (text.trim() === '') {
      issues.push({ line, field, code: 'missing_coordinate', severity: 'error',
        message: `line ${line}: ${field} is empty; a coordinate is required` });
      continue;
    }
    const value = parseCoordinate(text);
    if (value === null) {
      issues.push({ line, field, code: 'not_a_number', severity: 'error', value: text,
        message: `line ${line}: ${field} ${quoteValue(text)} is not a number (decimal degrees such as 108.12, `
          + `or degrees-minutes-seconds such as 108°07'30"E)` });
      continue;
    }
    values[field] = value;
  }
  const { lon, lat } = values;
  if (issues.length > 0 || lon === undefined || lat === undefined) return { ok: false, issues };
  const given = `lon=${lonText.trim()}, lat=${latText.trim()}`;
  const b = CHINA_BOUNDS;
  if (inside(lat, b.minLon, b.maxLon) && inside(lon, b.minLat, b.maxLat)) {
    if (options.fixSwapped === true) {
      return { ok: true, lon: lat, lat: lon, issues: [{ line, field: 'row', code: 'swapped_lat_lon', severity: 'warning',
        value: given, message: `line ${line}: ${given} looked swapped (lat in China's longitude range, lon in its latitude `
          + `range); fixed as asked: lon=${latText.trim()}, lat=${lonText.trim()}` }] };
    }
    return { ok: false, issues: [{ line, field: 'row', code: 'swapped_lat_lon', severity: 'error', value: given,
      message: `line ${line}: ${given} look swapped (lat is in China's longitude range, lon in its latitude range); `
        + `swapped: lon=${latText.trim()}, lat=${lonText.trim()}` }] };
  }
  if (!inside(lon, -180, 180)) {
    issues.push({ line, field: 'lon', code: 'out_of_range', severity: 'error', value: lonText.trim(),
      message: `line ${line}: lon ${quoteValue(lonText)} is outside -180…180` });
  }
  if (!inside(lat, -90, 90)) {
    issues.push({ line, field: 'lat', code: 'out_of_range', severity: 'error', value: latText.trim(),
      message: `line ${line}: lat ${quoteValue(latText)} is outside -90…90` });
  }
  if (issues.length > 0) return { ok: false, issues };
  if (!inside(lon, b.minLon, b.maxLon) || !inside(lat, b.minLat, b.maxLat)) {
    return { ok: false, issues: [{ line, field: 'row', code: 'outside_area', severity: 'error', value: given,
      message: `line ${line}: ${given} is outside China (lon 73…136, lat 3…54)` }] };
  }
  return { ok: true, lon, lat };
}
