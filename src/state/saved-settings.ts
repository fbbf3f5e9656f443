/**
 * Settings the user chose (language, analysis parameters), kept in localStorage so they survive a
 * reload. Whatever is stored is checked before use: a bad or old value falls back to the default.
 */
import { ATTENDANCE_CLASSES, DEFAULT_ANALYSIS_SETTINGS, type AnalysisSettings, type HouseholdField } from '../core/index.ts';

const LANG_KEY = 'blindspot.lang';
const ANALYSIS_KEY = 'blindspot.analysisSettings';
const MAPPINGS_KEY = 'blindspot.columnMappings';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage unavailable (private mode, quota): the choice lasts for this tab only */
  }
}

export const loadSavedLang = () => read(LANG_KEY);
export const saveLang = (lang: string) => write(LANG_KEY, lang);

export function loadSavedAnalysisSettings(): AnalysisSettings {
  try {
    const value = JSON.parse(read(ANALYSIS_KEY) ?? 'null') as Partial<AnalysisSettings> | null;
    if (!value) return DEFAULT_ANALYSIS_SETTINGS;
    const { epsM, minHouseholds, uncovered } = value;
    if (typeof epsM !== 'number' || !(epsM > 0) || typeof minHouseholds !== 'number' || !(minHouseholds >= 1)) {
      return DEFAULT_ANALYSIS_SETTINGS;
    }
    if (!Array.isArray(uncovered) || !uncovered.every((c) => ATTENDANCE_CLASSES.includes(c))) return DEFAULT_ANALYSIS_SETTINGS;
    return { epsM, minHouseholds: Math.round(minHouseholds), uncovered };
  } catch {
    return DEFAULT_ANALYSIS_SETTINGS;
  }
}

export const saveAnalysisSettings = (settings: AnalysisSettings) => write(ANALYSIS_KEY, JSON.stringify(settings));

type Mapping = (HouseholdField | null)[];

/** Column mappings the user chose, by header signature. */
export function loadRememberedMappings(): Record<string, Mapping> {
  try {
    const value = JSON.parse(read(MAPPINGS_KEY) ?? '{}') as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Mapping>) : {};
  } catch {
    return {};
  }
}

export function rememberMapping(headerSignature: string, mapping: Mapping): void {
  write(MAPPINGS_KEY, JSON.stringify({ ...loadRememberedMappings(), [headerSignature]: mapping }));
}
