/**
 * `reclassifyHouseholds` as it was before issue 9 §2 (commit c35ee96): a new household, a new
 * `personal`, a new `reports` array and a new report object for every home, changed or not. Kept as
 * the reference the structurally sharing version is compared with (bench `--only=classify`: same
 * classes, household by household and report by report). Cost: 1.7–3.5 s for 959,825 households
 * (Node 20, 2 shared cores, quiet to load 5–10), most of it allocation and GC.
 */
import type { Household } from '../../src/core/model/types.ts';
import type { ClassifySettings } from '../../src/core/model/thresholds.ts';
import { classifyReport } from '../../src/core/analysis/classify-report.ts';
import { mergeClasses } from '../../src/core/analysis/merge-classes.ts';

export function referenceReclassifyHouseholds(households: readonly Household[], settings: ClassifySettings): Household[] {
  const { thresholds, merge } = settings;
  return households.map((h) => {
    const reports = h.reports.map((r) => ({ ...r, cls: classifyReport(r, thresholds) }));
    const cls = reports.length === 1 ? reports[0]!.cls : mergeClasses(reports, merge);
    return { ...h, personal: { ...h.personal }, reports, cls };
  });
}
