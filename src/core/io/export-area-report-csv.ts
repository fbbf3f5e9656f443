/**
 * The area report as CSV (FORMATS.md §6): a UTF-8 BOM first (so Excel in China opens Chinese text
 * as UTF-8), the header
 * `county,township,village,households,students,none,poor,fair,good,unknown,uncovered_students,uncovered_students_after`,
 * then one row per area in the report's order (most uncovered students first), CRLF line ends
 * like the other CSV exports.
 * Rules: `none` … `unknown` are STUDENT counts per attendance class (they add up to `students`;
 * households per class are not written); `uncovered_students` counts students whose class is
 * uncovered today, `uncovered_students_after` those still uncovered once the counting proposals
 * are built. Area names are written as the data gives them ('' for levels below the report's and
 * for a missing name; a code-keyed area shows its code). There is NO totals row — every line is
 * one area, so the file stays machine-readable; totals are the column sums. With `privacy`, every
 * count from 1 to 4 is written `<5` (`suppressSmallCount`); 0 stays 0. Text cells go through
 * `csvCell` (RFC 4180 quoting, formula-injection guard). Never writes household-level data.
 * Limits: Excel shows a 12-digit village code in a "General" cell in scientific notation; the
 * file keeps the digits (re-type the column as text in Excel to see them).
 * Cost: O(rows + total text).
 */
import type { AreaReport } from '../model/area.ts';
import { suppressSmallCount } from '../analysis/suppress-small-count.ts';
import { csvCell } from './csv-cell.ts';

export const AREA_REPORT_CSV_HEADER = [
  'county', 'township', 'village', 'households', 'students', 'none', 'poor', 'fair', 'good', 'unknown',
  'uncovered_students', 'uncovered_students_after',
] as const;

export interface AreaReportCsvOptions {
  /** Write counts from 1 to 4 as `<5` (privacy mode). */
  privacy?: boolean;
}

export function areaReportToCsv(report: AreaReport, options: AreaReportCsvOptions = {}): string {
  const count = options.privacy ? (n: number) => String(suppressSmallCount(n)) : (n: number) => String(n);
  const lines = [AREA_REPORT_CSV_HEADER.join(',')];
  for (const r of report.rows) {
    const s = r.byClassStudents;
    lines.push([
      csvCell(r.county), csvCell(r.township), csvCell(r.village),
      ...[r.households, r.students, s.none, s.poor, s.fair, s.good, s.unknown, r.uncoveredStudents, r.uncoveredStudentsAfter].map(count),
    ].join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
