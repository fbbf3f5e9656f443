/**
 * Finds rows far from the rest (`outside_area`). The per-axis median longitude and latitude of
 * the given points is the file's centre; a point is flagged when its haversine distance from the
 * centre exceeds the file's limit, `outlyingLimitM`: the larger of `minLimitM` and
 * `OUTLYING_SPREAD_FACTOR` times the median distance of the points from the centre.
 *
 * Why it scales with the spread: a county file (homes within ~30 km) keeps the fixed floor
 * (100 km for households, issue 5), so a mistyped degree (≈ 111 km) is caught; a whole
 * municipality (Chongqing spans ~470 km; its homes' median distance from the middle is
 * ~100–150 km) gets a limit of ~300–450 km, so its far counties are not thrown away, while a
 * typo that moves a home to another province (a slipped digit: hundreds to thousands of km) is
 * still caught. Medians ignore a minority of stray points, so typos move neither the centre nor
 * the limit. When the file holds two separate regions, the limit grows with their distance; a
 * small far region beside a large compact one is still flagged, and the message says the
 * distance and the limit so the user can judge.
 * Cost: O(n): one haversine per point, and three medians by selection (`medianOf`).
 */
import type { ImportIssue } from '../model/types.ts';
import { haversineLonLatM } from '../analysis/haversine-lon-lat-m.ts';
import { medianOf } from './median-of.ts';

/** The limit is at least this many times the median distance of the rows from their centre. */
export const OUTLYING_SPREAD_FACTOR = 3;

export interface LocatedRow {
  line: number;
  lon: number;
  lat: number;
}

/** The `outside_area` limit, metres, for rows at `distancesM` from their centre. Reorders nothing. */
function outlyingLimitM(distancesM: Float64Array, minLimitM: number): number {
  const spreadM = OUTLYING_SPREAD_FACTOR * medianOf(distancesM);
  return spreadM > minLimitM ? spreadM : minLimitM;
}

/** Returns one issue per outlying row, in the order of `rows`. */
export function flagOutlyingRows(rows: readonly LocatedRow[], minLimitM: number): ImportIssue[] {
  return flagOutlyingPositions(Float64Array.from(rows, (r) => r.lon), Float64Array.from(rows, (r) => r.lat), (k) => rows[k]!.line, minLimitM);
}

/** `flagOutlyingRows` over positions in columns (the table parser's fast path): row k at (lon[k], lat[k]) on line `lineOf(k)`. */
export function flagOutlyingPositions(lon: Float64Array, lat: Float64Array, lineOf: (k: number) => number, minLimitM: number): ImportIssue[] {
  const n = lon.length;
  if (n === 0) return [];
  const centre: [number, number] = [medianOf(lon), medianOf(lat)];
  const distancesM = new Float64Array(n);
  for (let k = 0; k < n; k++) distancesM[k] = haversineLonLatM(lon[k]!, lat[k]!, centre[0], centre[1]);
  const limitM = outlyingLimitM(distancesM, minLimitM);
  const issues: ImportIssue[] = [];
  for (let k = 0; k < n; k++) {
    if (!(distancesM[k]! > limitM)) continue;
    const line = lineOf(k);
    const given = `lon=${lon[k]}, lat=${lat[k]}`;
    issues.push({ line, field: 'row', code: 'outside_area', severity: 'error', value: given,
      message: `line ${line}: ${given} is ${Math.round(distancesM[k]! / 1000)} km from the middle of the file's rows `
        + `(lon=${centre[0].toFixed(4)}, lat=${centre[1].toFixed(4)}); more than ${Math.round(limitM / 1000)} km `
        + `(the larger of ${minLimitM / 1000} km and ${OUTLYING_SPREAD_FACTOR}× the rows' median distance from there)` });
  }
  return issues;
}
