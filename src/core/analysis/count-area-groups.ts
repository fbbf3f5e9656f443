/**
 * The counts of `AreaCounts` (households, students, per class, uncovered today and after the
 * plan) per group of homes, and over all homes, read from a `HouseholdTable`'s columns — the
 * counting shared by `aggregateAreas` (groups: areas) and `aggregateHexagons` (groups: H3 cells).
 *
 * Rules (as `addToAreaCounts`): a home counts in its group and in the totals; "uncovered today"
 * when `uncoveredMask[cls]` is 1; "uncovered after" when also `coveredAfter[i]` is 0. Every sum is
 * taken in home order, so the floating-point results equal adding the homes one by one with
 * `addToAreaCounts` (the reports stay byte-identical). Also the sums of lon and lat per group
 * (for centroids). The returned objects are new; inputs are not changed.
 * Cost: O(n) integer and float additions into typed arrays (no string, no map, no object per home)
 * + O(groups) objects (one literal shape); measured 40–60 ms for 959,825 homes in 8,677 groups
 * (Node 20, 2 cores shared with other jobs).
 */
import type { AreaCounts } from '../model/area.ts';
import type { HouseholdTable } from '../model/household-table.ts';
import { ATTENDANCE_CLASSES, type AttendanceClass } from '../model/types.ts';

export interface AreaGroupCounts {
  /** Per group, in group order. */
  groups: AreaCounts[];
  /** Over all homes (equal to the sum of the groups). */
  totals: AreaCounts;
  /** Per group, the sums of its homes' longitudes and latitudes (degrees). */
  sumLonDeg: Float64Array;
  sumLatDeg: Float64Array;
}

const CLASSES = ATTENDANCE_CLASSES.length;

function perClass(values: Float64Array, at: number): Record<AttendanceClass, number> {
  const out = {} as Record<AttendanceClass, number>;
  for (let k = 0; k < CLASSES; k++) out[ATTENDANCE_CLASSES[k]!] = values[at + k]!;
  return out;
}

/**
 * `groupOfHome[i]`: home i's group, 0 … groupCount − 1. `uncoveredMask`: one flag per class code
 * (`classMask`). `coveredAfter[i]`: 1 when the plan newly covers home i (`householdsAfterCovered`).
 */
export function countAreaGroups(
  table: HouseholdTable, groupOfHome: Int32Array, groupCount: number, uncoveredMask: Uint8Array, coveredAfter: Uint8Array,
): AreaGroupCounts {
  const { count: n, cls, students: homeStudents, lon, lat } = table;
  const households = new Float64Array(groupCount), students = new Float64Array(groupCount);
  const byClassHouseholds = new Float64Array(groupCount * CLASSES), byClassStudents = new Float64Array(groupCount * CLASSES);
  /** Per group: uncovered households, students, and the same after the plan. */
  const uncovered = new Float64Array(groupCount * 4);
  const sumLonDeg = new Float64Array(groupCount), sumLatDeg = new Float64Array(groupCount);
  // The totals: the same four blocks for the one group of all homes.
  const all = new Float64Array(2), allByClassHouseholds = new Float64Array(CLASSES), allByClassStudents = new Float64Array(CLASSES);
  const allUncovered = new Float64Array(4);
  for (let i = 0; i < n; i++) {
    const g = groupOfHome[i]!, c = cls[i]!, s = homeStudents[i]!;
    households[g]! += 1; students[g]! += s;
    byClassHouseholds[g * CLASSES + c]! += 1; byClassStudents[g * CLASSES + c]! += s;
    all[0]! += 1; all[1]! += s;
    allByClassHouseholds[c]! += 1; allByClassStudents[c]! += s;
    if (uncoveredMask[c] === 1) {
      const u = g * 4;
      uncovered[u]! += 1; uncovered[u + 1]! += s;
      allUncovered[0]! += 1; allUncovered[1]! += s;
      if (coveredAfter[i] !== 1) {
        uncovered[u + 2]! += 1; uncovered[u + 3]! += s;
        allUncovered[2]! += 1; allUncovered[3]! += s;
      }
    }
    sumLonDeg[g]! += lon[i]!; sumLatDeg[g]! += lat[i]!;
  }
  const groups: AreaCounts[] = new Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    groups[g] = {
      households: households[g]!, students: students[g]!,
      byClassStudents: perClass(byClassStudents, g * CLASSES), byClassHouseholds: perClass(byClassHouseholds, g * CLASSES),
      uncoveredHouseholds: uncovered[g * 4]!, uncoveredStudents: uncovered[g * 4 + 1]!,
      uncoveredHouseholdsAfter: uncovered[g * 4 + 2]!, uncoveredStudentsAfter: uncovered[g * 4 + 3]!,
    };
  }
  const totals: AreaCounts = {
    households: all[0]!, students: all[1]!,
    byClassStudents: perClass(allByClassStudents, 0), byClassHouseholds: perClass(allByClassHouseholds, 0),
    uncoveredHouseholds: allUncovered[0]!, uncoveredStudents: allUncovered[1]!,
    uncoveredHouseholdsAfter: allUncovered[2]!, uncoveredStudentsAfter: allUncovered[3]!,
  };
  return { groups, totals, sumLonDeg, sumLatDeg };
}
