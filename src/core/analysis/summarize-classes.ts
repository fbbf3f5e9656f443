/**
 * Households and students per attendance class, and in total. Counts every household given,
 * including `unknown` ones (they are shown and counted, never called covered). Cost: O(n).
 */
import { ATTENDANCE_CLASSES, type AttendanceClass, type Household } from '../model/types.ts';

export interface ClassCount {
  households: number;
  students: number;
}
export interface ClassSummary extends ClassCount {
  byClass: Record<AttendanceClass, ClassCount>;
}

export function summarizeClasses(households: readonly Pick<Household, 'cls' | 'students'>[]): ClassSummary {
  const byClass = Object.fromEntries(ATTENDANCE_CLASSES.map((c) => [c, { households: 0, students: 0 }])) as
    Record<AttendanceClass, ClassCount>;
  let students = 0;
  for (const h of households) {
    byClass[h.cls].households += 1;
    byClass[h.cls].students += h.students;
    students += h.students;
  }
  return { households: households.length, students, byClass };
}
