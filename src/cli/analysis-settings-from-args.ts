/**
 * `--uncovered none,poor`, `--eps-m 500` and `--min-households 3` as the CLI commands read them
 * (defaults: DEFAULT_ANALYSIS_SETTINGS); a bad value is a usage error naming the command and option.
 */
import { checkAnalysisSettings, DEFAULT_ANALYSIS_SETTINGS, UserInputError, type AnalysisSettings, type AttendanceClass } from '../core/index.ts';
import { UsageError } from './usage-error.ts';

export function analysisSettingsFromArgs(command: string, values: ReadonlyMap<string, string>): AnalysisSettings {
  const epsText = values.get('eps-m');
  const minText = values.get('min-households');
  const uncoveredText = values.get('uncovered');
  if (epsText !== undefined && (epsText.trim() === '' || !Number.isFinite(Number(epsText)))) {
    throw new UsageError(`${command}: --eps-m needs a number of metres, got "${epsText}"`);
  }
  if (minText !== undefined && !/^\s*\d+\s*$/.test(minText)) {
    throw new UsageError(`${command}: --min-households needs a whole number ≥ 1, got "${minText}"`);
  }
  const settings: AnalysisSettings = {
    epsM: epsText === undefined ? DEFAULT_ANALYSIS_SETTINGS.epsM : Number(epsText),
    minHouseholds: minText === undefined ? DEFAULT_ANALYSIS_SETTINGS.minHouseholds : Number(minText),
    uncovered: uncoveredText === undefined ? [...DEFAULT_ANALYSIS_SETTINGS.uncovered]
      : [...new Set(uncoveredText.split(',').map((s) => s.trim()).filter((s) => s !== ''))] as AttendanceClass[],
  };
  try {
    checkAnalysisSettings(settings);
  } catch (err) {
    if (!(err instanceof UserInputError)) throw err;
    const option = { epsM: '--eps-m', minHouseholds: '--min-households', uncovered: '--uncovered' }[String(err.params['setting'])];
    throw new UsageError(`${command}: ${option ?? 'settings'}: ${err.message}`);
  }
  return settings;
}
