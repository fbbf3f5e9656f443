/**
 * Checks blind-spot analysis settings before any work: `epsM` a number of metres within
 * `clusterDbscan`'s accepted range (0.001 m … 1,000 km), `minHouseholds` a whole number ≥ 1,
 * `uncovered` at least one known class. Throws `UserInputError` `invalid_analysis_settings` with
 * a message naming the setting and the value (`params.setting`: `epsM`, `minHouseholds` or
 * `uncovered`), so the app and the CLI can say what to fix. Cost: O(1).
 */
import type { AnalysisSettings } from '../model/analysis.ts';
import { UserInputError } from '../model/errors.ts';
import { ATTENDANCE_CLASSES } from '../model/types.ts';
import { DBSCAN_EPS_RANGE_M } from './cluster-dbscan.ts';

export function checkAnalysisSettings(settings: AnalysisSettings): void {
  const bad = (setting: keyof AnalysisSettings, message: string) =>
    new UserInputError('invalid_analysis_settings', message, { setting });
  const { min, max } = DBSCAN_EPS_RANGE_M;
  if (!(settings.epsM >= min && settings.epsM <= max)) {
    throw bad('epsM', `the cluster radius must be between ${min} m and ${max} m, got ${settings.epsM}`);
  }
  if (!Number.isInteger(settings.minHouseholds) || settings.minHouseholds < 1) {
    throw bad('minHouseholds', `the least number of households in a cluster must be a whole number ≥ 1, got ${settings.minHouseholds}`);
  }
  if (settings.uncovered.length === 0) throw bad('uncovered', 'at least one class must count as uncovered');
  const unknown = settings.uncovered.filter((c) => !(ATTENDANCE_CLASSES as readonly string[]).includes(c));
  if (unknown.length > 0) {
    throw bad('uncovered', `unknown classes ${unknown.join(', ')}; classes are ${ATTENDANCE_CLASSES.join(', ')}`);
  }
}
