/**
 * The worst known class of a list (none < poor < fair < good), ignoring `unknown`; `unknown` when
 * the list holds no known class. Cost: O(n).
 */
import type { AttendanceClass } from '../model/types.ts';

const RANK: Readonly<Record<AttendanceClass, number>> = { none: 0, poor: 1, fair: 2, good: 3, unknown: 4 };

export function worstClass(classes: Iterable<AttendanceClass>): AttendanceClass {
  let worst: AttendanceClass = 'unknown';
  for (const c of classes) if (RANK[c] < RANK[worst]) worst = c;
  return worst;
}
