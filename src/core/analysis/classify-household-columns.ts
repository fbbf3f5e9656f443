/**
 * Every report's class and every home's merged class, over columns (issue 9 §2): the
 * `classifyReport` of each report's measures in a `HouseholdDetailsTable`, then each home's
 * `mergeClasses` of its reports (`settings.merge`). Returns the table and details with new `cls`
 * and `reportCls` columns and every other column shared (the tables are never mutated); the
 * inputs' classes are not read. The parse's merge classifies with it (`mergeValidColumns`), and it
 * reclassifies a dataset under other thresholds without an object per home — the columns'
 * `reclassifyHouseholds`, whose classes it equals (tests; `npm run bench -- --only=classify`).
 * Cost: O(reports), allocation-free but for one small object per report of the ~4 % of homes that
 * have several (for `mergeClasses`).
 */
import { ATTENDANCE_CLASSES, type KnownClass } from '../model/types.ts';
import type { ClassifySettings } from '../model/thresholds.ts';
import { CLASS_CODE, type HouseholdTable } from '../model/household-table.ts';
import type { HouseholdDetailsTable } from '../model/household-details-table.ts';
import { classifyReport, type ReportMeasures } from './classify-report.ts';
import { mergeClasses } from './merge-classes.ts';

export function classifyHouseholdColumns(
  table: HouseholdTable, details: HouseholdDetailsTable, settings: ClassifySettings,
): { table: HouseholdTable; details: HouseholdDetailsTable } {
  const { reportStart, reportSignal, reportRsrpDbm, reportDownMbps, reportReportedAt, texts } = details;
  const reportCls = new Uint8Array(reportSignal.length);
  const measures: ReportMeasures = {};
  for (let r = 0; r < reportCls.length; r++) {
    const signal = reportSignal[r]!;
    const rsrpDbm = reportRsrpDbm[r]!;
    const downMbps = reportDownMbps[r]!;
    measures.signal = signal >= 0 ? ATTENDANCE_CLASSES[signal] as KnownClass : undefined;
    measures.rsrpDbm = Number.isNaN(rsrpDbm) ? undefined : rsrpDbm;
    measures.downMbps = Number.isNaN(downMbps) ? undefined : downMbps;
    reportCls[r] = CLASS_CODE[classifyReport(measures, settings.thresholds)];
  }
  const cls = new Uint8Array(table.count);
  for (let i = 0; i < table.count; i++) {
    const from = reportStart[i]!;
    const to = reportStart[i + 1]!;
    // One report: its class under either rule (`mergeClasses` on one report).
    if (to - from === 1) { cls[i] = reportCls[from]!; continue; }
    const reports = [];
    for (let r = from; r < to; r++) {
      const at = reportReportedAt[r]!;
      reports.push({ cls: ATTENDANCE_CLASSES[reportCls[r]!]!, reportedAt: at < 0 ? undefined : texts[at] });
    }
    cls[i] = CLASS_CODE[mergeClasses(reports, settings.merge)];
  }
  return { table: { ...table, cls }, details: { ...details, reportCls } };
}
