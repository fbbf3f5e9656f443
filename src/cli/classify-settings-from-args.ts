/**
 * The classification options shared by the CLI commands (FORMATS.md §8): `--merge worst|latest`
 * and one `--threshold-…` option per field of `ClassThresholds`, e.g. `--threshold-rsrp-none -115`.
 * Bad values (not a number, unknown rule, thresholds out of order) throw `UsageError`.
 */
import { DEFAULT_CLASSIFY_SETTINGS, type ClassThresholds, type ClassifySettings, type MergeRule } from '../core/index.ts';
import { UsageError } from './usage-error.ts';

/** Option name → threshold field. */
export const THRESHOLD_OPTIONS: Readonly<Record<string, keyof ClassThresholds>> = Object.freeze({
  'threshold-rsrp-none': 'rsrpNoneBelowDbm',
  'threshold-rsrp-poor': 'rsrpPoorBelowDbm',
  'threshold-rsrp-fair': 'rsrpFairBelowDbm',
  'threshold-down-none': 'downNoneBelowMbps',
  'threshold-down-poor': 'downPoorBelowMbps',
  'threshold-down-fair': 'downFairBelowMbps',
});
export const CLASSIFY_OPTION_NAMES: readonly string[] = ['merge', ...Object.keys(THRESHOLD_OPTIONS)];

export function classifySettingsFromArgs(command: string, values: ReadonlyMap<string, string>): ClassifySettings {
  const thresholds: ClassThresholds = { ...DEFAULT_CLASSIFY_SETTINGS.thresholds };
  for (const [option, field] of Object.entries(THRESHOLD_OPTIONS)) {
    const text = values.get(option);
    if (text === undefined) continue;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${command}: --${option} needs a number, got "${text}"`);
    thresholds[field] = value;
  }
  const ordered = (a: number, b: number, c: number) => a <= b && b <= c;
  if (!ordered(thresholds.rsrpNoneBelowDbm, thresholds.rsrpPoorBelowDbm, thresholds.rsrpFairBelowDbm)) {
    throw new UsageError(`${command}: RSRP thresholds must satisfy none ≤ poor ≤ fair`);
  }
  if (!ordered(thresholds.downNoneBelowMbps, thresholds.downPoorBelowMbps, thresholds.downFairBelowMbps)) {
    throw new UsageError(`${command}: downlink thresholds must satisfy none ≤ poor ≤ fair`);
  }
  const merge = values.get('merge') ?? DEFAULT_CLASSIFY_SETTINGS.merge;
  if (merge !== 'worst' && merge !== 'latest') throw new UsageError(`${command}: --merge must be worst or latest, got "${merge}"`);
  return { ...DEFAULT_CLASSIFY_SETTINGS, thresholds, merge: merge as MergeRule, uncovered: [...DEFAULT_CLASSIFY_SETTINGS.uncovered] };
}
