/**
 * Recomputes every report's class and every household's merged class under new settings
 * (thresholds or merge rule edited in the app or on the CLI). Returns new household and report
 * objects; the inputs are never mutated. Cost: O(reports).
 */
import type { Household } from '../model/types.ts';
import type { ClassifySettings } from '../model/thresholds.ts';
import { classifyReport } from './classify-report.ts';
import { mergeClasses } from './merge-classes.ts';

export function reclassifyHouseholds(households: readonly Household[], settings: ClassifySettings): Household[] {
  return households.map((h) => {
    const reports = h.reports.map((r) => ({ ...r, cls: classifyReport(r, settings.thresholds) }));
    return { ...h, personal: { ...h.personal }, reports, cls: mergeClasses(reports, settings.merge) };
  });
}
