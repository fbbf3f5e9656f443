/**
 * A `HouseholdTable` written column by column here, not by `householdTableOf`, for the tests that
 * pin the analyses' table path. Its name table is laid out differently: every name sorted
 * descending and present twice (home i takes copy i % 2 of each of its names: two homes of one
 * area may carry different codes for the same text), plus names no home uses and names that
 * differ only by blanks around them. An answer that depended on the table's layout, on one code
 * per name, or on `householdTableOf`'s cache would differ.
 */
import type { HouseholdTable } from '../../../../src/core/model/household-table.ts';
import { ATTENDANCE_CLASSES, type Household } from '../../../../src/core/model/types.ts';

export function tableByHand(households: readonly Household[]): HouseholdTable {
  const n = households.length;
  const used = new Set<string>();
  for (const h of households) for (const v of [h.county, h.township, h.village]) if (v !== undefined) used.add(v);
  const distinct = [...used, '  unused ', 'zz-unused', ...[...used].map((v) => ` ${v} `).filter((v) => !used.has(v))]
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  const names = distinct.flatMap((v) => [v, v]);
  const code = (v: string | undefined, i: number): number => (v === undefined ? -1 : 2 * distinct.indexOf(v) + (i % 2));
  const idStart = new Uint32Array(n + 1);
  let ids = '';
  households.forEach((h, i) => { ids += h.id; idStart[i + 1] = ids.length; });
  return {
    count: n,
    lon: Float64Array.from(households, (h) => h.lon),
    lat: Float64Array.from(households, (h) => h.lat),
    students: Float64Array.from(households, (h) => h.students),
    cls: Uint8Array.from(households, (h) => ATTENDANCE_CLASSES.indexOf(h.cls)),
    line: Int32Array.from(households, (h) => h.line),
    ids,
    idStart,
    county: Int32Array.from(households, (h, i) => code(h.county, i)),
    township: Int32Array.from(households, (h, i) => code(h.township, i)),
    village: Int32Array.from(households, (h, i) => code(h.village, i)),
    names,
  };
}
