/**
 * Derived data of the committee view: the area report (households, students, classes, uncovered
 * before and after the plan) at the chosen level, the table rows after search and sort, and the
 * H3 hexagons of the aggregate map. Cached by input identity; the report costs O(n + the plan's
 * circles) and is recomputed only when the households, the level, the uncovered classes or the
 * plan's coverage (`selectPlanCoverage`: the proposals, or the worker's terrain answers) change.
 */
import {
  aggregateAreas, aggregateHexagons, type AreaLevel, type AreaReport, type AreaRow, type AttendanceClass, type HexCell,
  type HouseholdTable,
} from '../core/index.ts';
import type { AppState, CommitteeSortKey } from './store.ts';
import { memoLast } from './selectors.ts';
import { selectPlanCoverage, type PlanCoverage } from './plan-impact.ts';

export const selectPrivacy = (s: AppState): boolean => s.ui.privacy[s.ui.view];

const report = memoLast(
  (households: HouseholdTable, level: AreaLevel, uncovered: readonly AttendanceClass[], plan: PlanCoverage): AreaReport =>
    aggregateAreas(households, { level, uncovered, proposals: plan.proposals, model: plan.model }),
);

export const selectAreaReport = (s: AppState): AreaReport =>
  report(s.dataset.households, s.committee.level, s.analysis.settings.uncovered, selectPlanCoverage(s));

/** The area's own name at its level ("" when the data has none). */
export function areaName(row: AreaRow): string {
  return row.level === 'village' ? row.village : row.level === 'township' ? row.township : row.county;
}

/** Share of the area's students uncovered (before or after the plan), 0…1; null without students. */
export function uncoveredShare(row: { students: number; uncoveredStudents: number; uncoveredStudentsAfter: number }, after: boolean): number | null {
  return row.students > 0 ? (after ? row.uncoveredStudentsAfter : row.uncoveredStudents) / row.students : null;
}

const collator = new Intl.Collator('zh-CN');

function sortValue(row: AreaRow, key: CommitteeSortKey): number {
  switch (key) {
    case 'none':
      return row.byClassStudents.none;
    case 'poor':
      return row.byClassStudents.poor;
    case 'uncoveredShare':
      return uncoveredShare(row, false) ?? -1;
    case 'name':
      return 0;
    default:
      return row[key];
  }
}

const rows = memoLast((all: AreaRow[], search: string, key: CommitteeSortKey, descending: boolean): AreaRow[] => {
  const needle = search.trim().toLowerCase();
  const found = needle
    ? all.filter((r) => [r.county, r.township, r.village].some((name) => name.toLowerCase().includes(needle)))
    : all;
  const sign = descending ? -1 : 1;
  return [...found].sort((a, b) => {
    const byName = collator.compare(`${a.county}/${a.township}/${a.village}`, `${b.county}/${b.township}/${b.village}`);
    return key === 'name' ? sign * byName : sign * (sortValue(a, key) - sortValue(b, key)) || byName;
  });
});

/** The table's rows: the report's areas whose names contain the search text, sorted. */
export const selectCommitteeRows = (s: AppState): AreaRow[] =>
  rows(selectAreaReport(s).rows, s.committee.search, s.committee.sort.key, s.committee.sort.descending);

const hexes = memoLast(
  (households: HouseholdTable, resolution: number, uncovered: readonly AttendanceClass[], plan: PlanCoverage, privacy: boolean): HexCell[] =>
    aggregateHexagons(households, { resolution, uncovered, proposals: plan.proposals, model: plan.model, privacy }),
);

export const selectHexCells = (s: AppState, resolution: number): HexCell[] =>
  hexes(s.dataset.households, resolution, s.analysis.settings.uncovered, selectPlanCoverage(s), selectPrivacy(s));
