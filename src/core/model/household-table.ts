/**
 * Households as columns (issue 9 §1: "typed arrays and string tables, not a million JS objects").
 *
 * What the analyses read of a home — position, students, class, area names, id, first line — one
 * typed array per field, texts as indices into one table of names (−1: absent) and the ids as one
 * concatenated string cut at `idStart` (any character may be in an id). A million homes take
 * ≈ 60 MB here against ≈ 400 MB as `Household` objects, and a pass over a field is a loop over
 * one array.
 *
 * `HouseholdTable` is what the worker holds for a large dataset, what crosses to the page (copied,
 * a few `memcpy`s) and what the analyses read. `Household[]` stays the core's exchange type for
 * small data, the tests and the project file; `householdTableOf` (io/household-table-of.ts) builds
 * the table of an array once (cached by identity: arrays of households are never mutated after
 * import). The reports and personal fields of the homes are not here: `HouseholdDetailsTable`.
 */
import { ATTENDANCE_CLASSES, type AttendanceClass } from './types.ts';

export interface HouseholdTable {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  students: Float64Array;
  /** Index into `ATTENDANCE_CLASSES` (`CLASS_CODE`). */
  cls: Uint8Array;
  /** Line of the first row of each home. */
  line: Int32Array;
  /** Every id, concatenated; home i's is `ids.slice(idStart[i], idStart[i + 1])`. */
  ids: string;
  /** `count + 1` offsets into `ids`. */
  idStart: Uint32Array;
  /** Per home, index into `names` (−1: none). */
  county: Int32Array;
  township: Int32Array;
  village: Int32Array;
  /** Distinct area names (county, township and village share the table). */
  names: string[];
}

/** A class's index in `ATTENDANCE_CLASSES`: none 0, poor 1, fair 2, good 3, unknown 4. */
export const CLASS_CODE: Readonly<Record<AttendanceClass, number>> = Object.freeze(
  Object.fromEntries(ATTENDANCE_CLASSES.map((c, k) => [c, k])) as Record<AttendanceClass, number>,
);

export const householdIdAt = (table: HouseholdTable, i: number): string => table.ids.slice(table.idStart[i]!, table.idStart[i + 1]!);

export const householdClassAt = (table: HouseholdTable, i: number): AttendanceClass => ATTENDANCE_CLASSES[table.cls[i]!]!;

/** The area name of a code column (`table.county[i]` …); undefined for −1. */
export const areaNameOf = (table: HouseholdTable, code: number): string | undefined => (code < 0 ? undefined : table.names[code]);

/** One flag per class code: 1 when the class is in `classes` (for `cls`-column loops). */
export function classMask(classes: Iterable<AttendanceClass>): Uint8Array {
  const mask = new Uint8Array(ATTENDANCE_CLASSES.length);
  for (const c of classes) mask[CLASS_CODE[c]] = 1;
  return mask;
}

/**
 * One flag per area-name code, shifted by one (slot `code + 1`, for the `county` / `township` /
 * `village` columns; slot 0: no name): 1 where the name is `name`. Slot 0 is `absent`: whether a
 * home without a name matches (a filter that reads a missing name as '' says 1 for '').
 */
export function nameCodeFlags(names: readonly string[], name: string, absent: 0 | 1 = 0): Uint8Array {
  const flags = new Uint8Array(names.length + 1);
  flags[0] = absent;
  for (let k = 0; k < names.length; k++) flags[k + 1] = names[k] === name ? 1 : 0;
  return flags;
}

/** True for a table, false for an array of households (the analyses take either). */
export const isHouseholdTable = (homes: object): homes is HouseholdTable => !Array.isArray(homes);
