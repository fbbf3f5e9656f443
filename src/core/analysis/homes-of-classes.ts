/**
 * The homes of some classes, picked from a table's `cls` column: their indices into the table
 * (ascending) and their positions, for the analyses that cluster or index only those homes (the
 * uncovered ones, the ones without a report).
 * Cost: two passes over `cls` (count, then fill), O(n); no object per home.
 */
import type { AttendanceClass } from '../model/types.ts';
import { classMask, type HouseholdTable } from '../model/household-table.ts';

export interface HomesOfClasses {
  /** Index into the table of each picked home, ascending. */
  index: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
}

export function homesOfClasses(table: HouseholdTable, classes: Iterable<AttendanceClass>): HomesOfClasses {
  const chosen = classMask(classes);
  const { count: n, cls } = table;
  let m = 0;
  for (let i = 0; i < n; i++) m += chosen[cls[i]!]!;
  const index = new Int32Array(m);
  const lon = new Float64Array(m);
  const lat = new Float64Array(m);
  for (let i = 0, k = 0; i < n; i++) {
    if (chosen[cls[i]!] === 0) continue;
    index[k] = i;
    lon[k] = table.lon[i]!;
    lat[k] = table.lat[i]!;
    k++;
  }
  return { index, lon, lat };
}
