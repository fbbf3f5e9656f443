/**
 * The app's one zustand store, built from slices. It holds domain data and UI state only — never
 * the map or the worker (those are owned by map/ and worker/ and fed from here).
 * `createAppStore()` makes a fresh store (tests); `appStore` is the app's instance.
 */
import { createStore } from 'zustand/vanilla';
import type { AttendanceClass, Household, ImportIssue, ParseResult, Site } from '../core/index.ts';
import type { Lang } from '../i18n/translate.ts';

export interface DatasetSource {
  kind: 'demo' | 'file';
  name: string;
  encoding?: string;
  format?: ParseResult['format'];
}

export interface DatasetSlice {
  households: Household[];
  sites: Site[];
  issues: ImportIssue[];
  rows: number;
  mapping: ParseResult['mapping'];
  source: DatasetSource | null;
}

export type LoadStatus =
  | { state: 'idle' }
  | { state: 'loading'; name: string }
  | { state: 'error'; name: string; message: string; code?: string };

export type Selection = { kind: 'household'; id: string } | { kind: 'site'; id: string } | null;

export interface UiSlice {
  load: LoadStatus;
  selection: Selection;
  hiddenClasses: AttendanceClass[];
  township: string | null;
  village: string | null;
  importSummaryOpen: boolean;
  showPersonal: boolean;
}

export interface SettingsSlice {
  lang: Lang;
}

export interface AppState {
  dataset: DatasetSlice;
  ui: UiSlice;
  settings: SettingsSlice;
}

export const emptyDataset: DatasetSlice = {
  households: [],
  sites: [],
  issues: [],
  rows: 0,
  mapping: [],
  source: null,
};

export const initialUi: UiSlice = {
  load: { state: 'idle' },
  selection: null,
  hiddenClasses: [],
  township: null,
  village: null,
  importSummaryOpen: false,
  showPersonal: false,
};

export function createAppStore(lang: Lang = 'zh-CN') {
  return createStore<AppState>()(() => ({
    dataset: emptyDataset,
    ui: initialUi,
    settings: { lang },
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
