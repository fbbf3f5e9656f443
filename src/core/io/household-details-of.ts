/**
 * The reports and personal fields of an array of households as a `HouseholdDetailsTable`, beside
 * `householdTableOf`'s table: so homes that came as objects (a project file) can be held as
 * columns too and the objects dropped. `householdAt(householdTableOf(h), householdDetailsOf(h), i)`
 * deep-equals `h[i]`; keys come in the parser's order (area fields, then personal keys in the order
 * first seen across the homes), not necessarily the objects' own (`lateFields` is empty).
 * Cost: O(n + reports) plus a map look-up per text and personal key.
 */
import { ATTENDANCE_CLASSES, type Household } from '../model/types.ts';
import { CLASS_CODE } from '../model/household-table.ts';
import type { HouseholdDetailsTable } from '../model/household-details-table.ts';
import { textTable } from './text-table.ts';

export function householdDetailsOf(households: readonly Household[]): HouseholdDetailsTable {
  const n = households.length;
  const reportStart = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) reportStart[i + 1] = reportStart[i]! + households[i]!.reports.length;
  const total = reportStart[n]!;
  const d: HouseholdDetailsTable = {
    reportStart, reportLine: new Int32Array(total), reportSignal: new Int8Array(total), reportRsrpDbm: new Float64Array(total),
    reportDownMbps: new Float64Array(total), reportCls: new Uint8Array(total), reportReportedAt: new Int32Array(total),
    reportOperator: new Int32Array(total), texts: [], personalKeys: [], personal: [], lateFields: new Map(),
  };
  const texts = textTable();
  const keyIndex = new Map<string, number>();
  let r = 0;
  for (let i = 0; i < n; i++) {
    const h = households[i]!;
    for (const report of h.reports) {
      d.reportLine[r] = report.line;
      d.reportSignal[r] = report.signal === undefined ? -1 : ATTENDANCE_CLASSES.indexOf(report.signal);
      d.reportRsrpDbm[r] = report.rsrpDbm ?? Number.NaN;
      d.reportDownMbps[r] = report.downMbps ?? Number.NaN;
      d.reportCls[r] = CLASS_CODE[report.cls];
      d.reportReportedAt[r] = texts.code(report.reportedAt);
      d.reportOperator[r] = texts.code(report.operator);
      r++;
    }
    for (const [key, value] of Object.entries(h.personal)) {
      let p = keyIndex.get(key);
      if (p === undefined) { p = d.personalKeys.length; keyIndex.set(key, p); d.personalKeys.push(key); d.personal.push(new Array<string | undefined>(n)); }
      d.personal[p]![i] = value;
    }
  }
  d.texts = texts.texts;
  return d;
}
