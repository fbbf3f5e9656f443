/**
 * Households and students per attendance class, and in total. Counts every household given,
 * including `unknown` ones (they are shown and counted, never called covered).
 * Input: a `HouseholdTable` (reads `cls` and `students`; only the homes at `indices` when given) or
 * any array of `{cls, students}` (read as is: a filtered array is not worth a table). Cost: O(n); 959,825 homes: 7–10 ms on the table,
 * 30–50 ms on the objects (before: 50–500 ms, a record look-up per home; Node 20, 2 shared cores).
 */
import { ATTENDANCE_CLASSES, type AttendanceClass, type Household } from '../model/types.ts';
import { CLASS_CODE, isHouseholdTable, type HouseholdTable } from '../model/household-table.ts';

export interface ClassCount {
  households: number;
  students: number;
}
export interface ClassSummary extends ClassCount {
  byClass: Record<AttendanceClass, ClassCount>;
}

export function summarizeClasses(homes: readonly Pick<Household, 'cls' | 'students'>[] | HouseholdTable, indices?: ArrayLike<number>): ClassSummary {
  const households = new Float64Array(ATTENDANCE_CLASSES.length), students = new Float64Array(ATTENDANCE_CLASSES.length);
  let total = 0, n = 0;
  if (isHouseholdTable(homes)) {
    const { cls, students: s } = homes;
    n = indices ? indices.length : homes.count;
    for (let k = 0; k < n; k++) {
      const i = indices ? indices[k]! : k;
      households[cls[i]!]! += 1; students[cls[i]!]! += s[i]!; total += s[i]!;
    }
  } else {
    n = homes.length;
    for (const h of homes) { const c = CLASS_CODE[h.cls]; households[c]! += 1; students[c]! += h.students; total += h.students; }
  }
  const byClass = Object.fromEntries(ATTENDANCE_CLASSES.map((c, k) => [c, { households: households[k]!, students: students[k]! }])) as
    Record<AttendanceClass, ClassCount>;
  return { households: n, students: total, byClass };
}
