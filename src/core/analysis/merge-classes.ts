/**
 * The class of a household from the classes of its reports (FORMATS.md §2, MergeRule).
 * - `worst`: the worst known class; `unknown` only when every report is unknown (or none given).
 * - `latest`: the class of the latest report that has a known class, by `reportedAt`; reports
 *   without a (readable) date count as earlier than any dated one; ties go to the report later in
 *   the array (file order). `unknown` only when every report is unknown.
 * Dates are compared by instant (`parseReportDate`: no offset means UTC). Uses each report's
 * `cls` as given (see `reclassifyHouseholds` to recompute them). Cost: O(n).
 */
import type { AttendanceClass, Report } from '../model/types.ts';
import type { MergeRule } from '../model/thresholds.ts';
import { parseReportDate } from '../io/parse-report-date.ts';
import { worstClass } from './worst-class.ts';

export function mergeClasses(reports: readonly Pick<Report, 'cls' | 'reportedAt'>[], rule: MergeRule): AttendanceClass {
  if (rule === 'worst') return worstClass(reports.map((r) => r.cls));
  let latest: AttendanceClass = 'unknown';
  let latestTime = -Infinity;
  for (const r of reports) {
    if (r.cls === 'unknown') continue;
    const parsed = r.reportedAt === undefined ? null : parseReportDate(r.reportedAt);
    const time = parsed ?? -Infinity;
    if (latest === 'unknown' || time >= latestTime) {
      latest = r.cls;
      latestTime = time;
    }
  }
  return latest;
}
