/**
 * Finds rows far from the rest: the per-axis median longitude and latitude of the given points is
 * the file's centre, and each point further than `maxDistanceM` from it (haversine) gets an
 * `outside_area` error. The median ignores a minority of stray points, so one typo cannot move
 * the centre; when more than half the points are far apart (two separate regions in one file),
 * the smaller region is flagged — the message says the distance so the user can judge.
 * Cost: O(n) for the medians (`medianOf`, by selection).
 */
import type { ImportIssue } from '../model/types.ts';
import { haversineM } from '../analysis/haversine-m.ts';
import { medianOf } from './median-of.ts';

export interface LocatedRow {
  line: number;
  lon: number;
  lat: number;
}

/** Returns one issue per outlying row, in the order of `rows`. */
export function flagOutlyingRows(rows: readonly LocatedRow[], maxDistanceM: number): ImportIssue[] {
  if (rows.length === 0) return [];
  const centre: [number, number] = [medianOf(Float64Array.from(rows, (r) => r.lon)), medianOf(Float64Array.from(rows, (r) => r.lat))];
  const issues: ImportIssue[] = [];
  for (const r of rows) {
    const d = haversineM([r.lon, r.lat], centre);
    if (d > maxDistanceM) {
      const given = `lon=${r.lon}, lat=${r.lat}`;
      issues.push({ line: r.line, field: 'row', code: 'outside_area', severity: 'error', value: given,
        message: `line ${r.line}: ${given} is ${Math.round(d / 1000)} km from the middle of the file's rows `
          + `(lon=${centre[0].toFixed(4)}, lat=${centre[1].toFixed(4)}); more than ${maxDistanceM / 1000} km` });
    }
  }
  return issues;
}
