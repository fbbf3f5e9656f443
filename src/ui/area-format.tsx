/**
 * How the committee view writes areas and counts: counts 1–4 as "<5" in privacy mode (the same
 * rule as the CSV export), shares as whole percents (not shown for fewer than 5 students in
 * privacy mode: a share of 2 students would give the count away), and an area's name with its
 * parent ("龙池村 · 六塘乡").
 */
import { ATTENDANCE_CLASSES, PRIVACY_MIN_COUNT, suppressSmallCount, type AreaCounts, type AreaRow, type AttendanceClass } from '../core/index.ts';
import { formatNumber } from '../i18n/translate.ts';
import { useApp } from '../state/app-store.ts';
import { areaName, selectPrivacy, uncoveredShare } from '../state/committee-selectors.ts';
import { useLang, useT } from './use-t.ts';

export function useCountText(): (n: number) => string {
  const lang = useLang();
  const privacy = useApp(selectPrivacy);
  return (n) => {
    const shown = privacy ? suppressSmallCount(n) : n;
    return typeof shown === 'number' ? formatNumber(lang, shown) : shown;
  };
}

/** "23%" of the students uncovered today (before the plan). */
export function useShareText(): (counts: AreaCounts) => string {
  const privacy = useApp(selectPrivacy);
  return (counts) => {
    const share = uncoveredShare(counts, false);
    if (share === null || (privacy && counts.students < PRIVACY_MIN_COUNT)) return '—';
    return `${Math.round(share * 100)}%`;
  };
}

export function AreaNameCell({ row }: { row: AreaRow }) {
  const t = useT();
  const parent = row.level === 'village' ? row.township : row.level === 'township' ? row.county : '';
  return (
    <td>
      {areaName(row) || t('committee.unknownArea')}
      {parent && <span className="muted"> · {parent}</span>}
    </td>
  );
}

/** The totals of some rows (the table's totals row follows the search). */
export function sumCounts(rows: readonly AreaCounts[]): AreaCounts {
  const byClass = (): Record<AttendanceClass, number> => Object.fromEntries(ATTENDANCE_CLASSES.map((c) => [c, 0])) as Record<AttendanceClass, number>;
  const total: AreaCounts = {
    households: 0, students: 0, byClassStudents: byClass(), byClassHouseholds: byClass(),
    uncoveredHouseholds: 0, uncoveredStudents: 0, uncoveredHouseholdsAfter: 0, uncoveredStudentsAfter: 0,
  };
  for (const r of rows) {
    total.households += r.households;
    total.students += r.students;
    total.uncoveredHouseholds += r.uncoveredHouseholds;
    total.uncoveredStudents += r.uncoveredStudents;
    total.uncoveredHouseholdsAfter += r.uncoveredHouseholdsAfter;
    total.uncoveredStudentsAfter += r.uncoveredStudentsAfter;
    for (const c of ATTENDANCE_CLASSES) {
      total.byClassStudents[c] += r.byClassStudents[c];
      total.byClassHouseholds[c] += r.byClassHouseholds[c];
    }
  }
  return total;
}
