/**
 * Households whole — reports and personal fields included — from a `HouseholdTable` and its
 * `HouseholdDetailsTable` (io/merge-valid-columns.ts): the same objects `mergeHouseholds` makes, field for
 * field and in key order. `householdAt` builds one (the page's details of a home, opened one at
 * a time), `householdsOfColumns` all (a project file; the callers that want objects).
 * Cost: O(reports of the home) for one; O(n + reports) objects for all — 1.4–1.5 s and ≈ 535 MB
 * of heap for 959,825 homes (Node 20, the seeded 1,000,000-row file): what the
 * columns save while nobody asks for the objects.
 */
import { ATTENDANCE_CLASSES, type Household, type KnownClass, type Report } from '../model/types.ts';
import type { HouseholdTable } from '../model/household-table.ts';
import type { HouseholdDetailsTable } from '../model/household-details-table.ts';
import { setOwn } from '../model/set-own.ts';

const AREA_FIELDS = ['county', 'township', 'village'] as const;

/** Report `r` of the report columns, as `mergeHouseholds` makes it. */
export function reportAt(d: HouseholdDetailsTable, r: number): Report {
  const report = { line: d.reportLine[r]! } as Report;
  const signal = d.reportSignal[r]!;
  if (signal >= 0) report.signal = ATTENDANCE_CLASSES[signal] as KnownClass;
  const rsrpDbm = d.reportRsrpDbm[r]!;
  if (!Number.isNaN(rsrpDbm)) report.rsrpDbm = rsrpDbm;
  const downMbps = d.reportDownMbps[r]!;
  if (!Number.isNaN(downMbps)) report.downMbps = downMbps;
  const reportedAt = d.reportReportedAt[r]!;
  if (reportedAt >= 0) report.reportedAt = d.texts[reportedAt]!;
  const operator = d.reportOperator[r]!;
  if (operator >= 0) report.operator = d.texts[operator]!;
  report.cls = ATTENDANCE_CLASSES[d.reportCls[r]!]!;
  return report;
}

export function householdAt(t: HouseholdTable, d: HouseholdDetailsTable, i: number): Household {
  const reports: Report[] = [];
  for (let r = d.reportStart[i]!; r < d.reportStart[i + 1]!; r++) reports.push(reportAt(d, r));
  const late = d.lateFields.get(i);
  const personal: Record<string, string> = {};
  for (let p = 0; p < d.personalKeys.length; p++) {
    const value = d.personal[p]![i];
    if (value !== undefined && !late?.includes(`personal${d.personalKeys[p]}`)) setOwn(personal, d.personalKeys[p]!, value);
  }
  const h: Household = {
    id: t.ids.slice(t.idStart[i]!, t.idStart[i + 1]!), lon: t.lon[i]!, lat: t.lat[i]!, students: t.students[i]!,
    reports, cls: ATTENDANCE_CLASSES[t.cls[i]!]!, personal, line: t.line[i]!,
  };
  for (const f of AREA_FIELDS) if (t[f][i]! >= 0 && !late?.includes(f)) h[f] = t.names[t[f][i]!];
  for (const field of late ?? []) {
    if (field.startsWith('personal')) {
      const key = field.slice('personal'.length);
      setOwn(personal, key, d.personal[d.personalKeys.indexOf(key)]![i]!);
    } else {
      const f = field as (typeof AREA_FIELDS)[number];
      h[f] = t.names[t[f][i]!];
    }
  }
  return h;
}

export function householdsOfColumns(t: HouseholdTable, d: HouseholdDetailsTable): Household[] {
  const out: Household[] = new Array(t.count);
  for (let i = 0; i < t.count; i++) out[i] = householdAt(t, d, i);
  return out;
}
