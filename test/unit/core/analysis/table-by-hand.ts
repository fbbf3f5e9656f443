/**
 * A `HouseholdTable` written column by column here, not by `householdTableOf`, for the tests that
 * pin the analyses' table path: its name table is laid out differently (every name sorted
 * descending, plus names no home uses and names that differ only by blanks around them), so an
 * answer that depended on the table's layout, or on `householdTableOf`'s cache, would differ.
 */
import type { HouseholdTable } from '../../../../src/core/model/household-table.ts';
import { ATTENDANCE_CLASSES, type Household } from '../../../../src/core/model/types.ts';

export function tableByHand(households: readonly Household[]): HouseholdTable {
  const n = households.length;
  const used = new Set<string>();
  for (const h of households) for (const v of [h.county, h.township, h.village]) if (v !== undefined) used.add(v);
  const names = [...used, '  unused ', 'zz-unused', ...[...used].map((v) => ` ${v} `).filter((v) => !used.has(v))]
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  const code = (v: string | undefined): number => (v === undefined ? -1 : names.indexOf(v));
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
    county: Int32Array.from(households, (h) => code(h.county)),
    township: Int32Array.from(households, (h) => code(h.township)),
    village: Int32Array.from(households, (h) => code(h.village)),
    names,
  };
}
