/**
 * Merges validated rows into households (FORMATS.md §1) and classifies them.
 *
 * - Rows sharing an id form one household. It keeps the position (and line) of its first row and
 *   stands in the output at the place of that first row. Its reports are its rows, in file order.
 * - A later row with the same id further than `VALUE_LIMITS.duplicateMaxDistanceM` (500 m,
 *   haversine) from the first row is a `duplicate_id_conflict` error and is not merged.
 * - Students: the first row that states a valid number; 1 when none does. County, township,
 *   village: the first non-empty value. Personal fields: the first value per column name.
 * - A row without id gets `String(line)` as its id and never merges with another row. Should a
 *   row elsewhere in the file carry that text as its real id, the generated one becomes
 *   `row-<line>` (then `row-<line>-2`, ...), so a generated id never equals a real id and two
 *   households never share an id.
 * - Classes: each report by `classifyReport`, each household by `mergeClasses` with `settings`.
 * Cost: O(rows) with a hash map; ids compared exactly (after the trimming done by validation).
 */
import type { Household, ImportIssue } from '../model/types.ts';
import { VALUE_LIMITS, type ClassifySettings } from '../model/thresholds.ts';
import { haversineM } from '../analysis/haversine-m.ts';
import { classifyReport } from '../analysis/classify-report.ts';
import { mergeClasses } from '../analysis/merge-classes.ts';
import type { ValidRow } from './validate-rows.ts';
import { quoteValue } from './quote-value.ts';
import { setOwn } from '../model/set-own.ts';

export interface MergeHouseholdsResult {
  households: Household[];
  /** `duplicate_id_conflict` errors, in file order. */
  issues: ImportIssue[];
}

export function mergeHouseholds(rows: readonly ValidRow[], settings: ClassifySettings): MergeHouseholdsResult {
  const realIds = new Set<string>();
  for (const r of rows) if (r.id !== undefined) realIds.add(r.id);
  const usedIds = new Set<string>();
  const byId = new Map<string, Household>();
  const households: Household[] = [];
  const issues: ImportIssue[] = [];

  const generatedId = (line: number): string => {
    let id = String(line);
    for (let k = 1; realIds.has(id) || usedIds.has(id); k++) id = k === 1 ? `row-${line}` : `row-${line}-${k}`;
    return id;
  };

  for (const row of rows) {
    const report = { ...row.report, cls: classifyReport(row.report, settings.thresholds) };
    const existing = row.id === undefined ? undefined : byId.get(row.id);
    if (existing) {
      const d = haversineM([existing.lon, existing.lat], [row.lon, row.lat]);
      if (d > VALUE_LIMITS.duplicateMaxDistanceM) {
        issues.push({ line: row.line, field: 'id', code: 'duplicate_id_conflict', severity: 'error', value: row.id,
          message: `line ${row.line}: id ${quoteValue(row.id ?? '')} was first used on line ${existing.line}; `
            + `this row is ${Math.round(d)} m from it (more than ${VALUE_LIMITS.duplicateMaxDistanceM} m), so it was not merged` });
        continue;
      }
      existing.reports.push(report);
      if (existing.students === -1 && row.students !== undefined) existing.students = row.students;
      for (const f of ['county', 'township', 'village'] as const) {
        if (existing[f] === undefined && row[f] !== undefined) existing[f] = row[f];
      }
      for (const [k, v] of Object.entries(row.personal)) if (!Object.hasOwn(existing.personal, k)) setOwn(existing.personal, k, v);
      continue;
    }
    const id = row.id ?? generatedId(row.line);
    usedIds.add(id);
    const household: Household = {
      id, lon: row.lon, lat: row.lat,
      students: row.students ?? -1, // -1: not stated yet; resolved below
      reports: [report], cls: 'unknown', personal: { ...row.personal }, line: row.line,
    };
    for (const f of ['county', 'township', 'village'] as const) if (row[f] !== undefined) household[f] = row[f];
    households.push(household);
    if (row.id !== undefined) byId.set(row.id, household);
  }
  for (const h of households) {
    if (h.students === -1) h.students = 1;
    h.cls = mergeClasses(h.reports, settings.merge);
  }
  return { households, issues };
}
