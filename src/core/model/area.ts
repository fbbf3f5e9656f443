/**
 * Area aggregates of the committee view (issue 6, FORMATS.md §6): households and students per
 * county, township or village (or per H3 hexagon), by attendance class, uncovered today and
 * uncovered once the counting proposals are built. Aggregates only: no household id, name or
 * position appears here (a centroid is the mean of an area's homes).
 */
import type { AttendanceClass } from './types.ts';

export const AREA_LEVELS = ['county', 'township', 'village'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export interface AreaCounts {
  households: number;
  students: number;
  /** Students per class (sum = students). */
  byClassStudents: Record<AttendanceClass, number>;
  /** Households per class (sum = households). */
  byClassHouseholds: Record<AttendanceClass, number>;
  /** Households (students) whose class is one of the `uncovered` classes today. */
  uncoveredHouseholds: number;
  uncoveredStudents: number;
  /** What stays uncovered once the counting proposals are built (rejected ones cover nothing). */
  uncoveredHouseholdsAfter: number;
  uncoveredStudentsAfter: number;
}

export interface AreaRow extends AreaCounts {
  /**
   * Stable key: the area's division code when the data gives codes, else its names joined with
   * '/' (county/township/village up to the row's level; missing parts ''; a coded parent stands
   * as its code, e.g. `500240101/龙池村`). A `/` or `\` inside a name is escaped with `\`.
   */
  key: string;
  level: AreaLevel;
  /**
   * As in the data ('' below the row's level, e.g. a township row has village ''; '' when the data
   * has none: shown as "(unknown)" by the UI). A code-keyed area shows its code.
   */
  county: string;
  township: string;
  village: string;
  /** Mean position of the area's homes [lon, lat]. */
  centroid: [number, number];
}

export interface AreaReport {
  level: AreaLevel;
  /** Sorted by uncoveredStudents desc, then students desc, then key. */
  rows: AreaRow[];
  /** Over all households (equal to the sum of the rows). */
  totals: AreaCounts;
}
