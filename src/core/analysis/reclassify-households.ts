/**
 * Recomputes every report's class and every household's merged class under new settings
 * (thresholds or merge rule edited in the app or on the CLI). Returns new household and report
 * objects; the inputs are never mutated. Cost: O(reports); ~1 µs a household (four new objects
 * each; measured 1,000,000 in ~1–2.5 s, Node 20 on 2 shared cores, most of it allocation and GC).
 */
import type { Household } from '../model/types.ts';
import type { ClassifySettings } from '../model/thresholds.ts';
import { classifyReport } from './classify-report.ts';
import { mergeClasses } from './merge-classes.ts';

export function reclassifyHouseholds(households: readonly Household[], settings: ClassifySettings): Household[] {
  const { thresholds, merge } = settings;
  return households.map((h) => {
    const reports = h.reports.map((r) => ({ ...r, cls: classifyReport(r, thresholds) }));
    // One report: its class under either rule (what `mergeClasses` gives), without a list.
    const cls = reports.length === 1 ? reports[0]!.cls : mergeClasses(reports, merge);
    return { ...h, personal: { ...h.personal }, reports, cls };
  });
}
