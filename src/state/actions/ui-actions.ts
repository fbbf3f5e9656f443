/** Small UI actions: selection, filters, language, panels. */
import type { AnalysisSettings, AttendanceClass } from '../../core/index.ts';
import type { Lang } from '../../i18n/translate.ts';
import { appStore } from '../app-store.ts';
import type { Selection, UiSlice } from '../store.ts';

function setUi(patch: Partial<UiSlice>): void {
  appStore.setState((s) => ({ ui: { ...s.ui, ...patch } }));
}

export const select = (selection: Selection) => setUi({ selection });

let flySeq = 0;
/** Selects something and moves the map to it. */
export function selectAndFly(selection: Selection, bounds: [number, number, number, number]): void {
  setUi({ selection, flyTarget: { bounds, seq: ++flySeq } });
}

/** Moves the map to an extent. */
export function flyTo(bounds: [number, number, number, number]): void {
  setUi({ flyTarget: { bounds, seq: ++flySeq } });
}

export function setAnalysisSettings(patch: Partial<AnalysisSettings>): void {
  appStore.setState((s) => ({ analysis: { ...s.analysis, settings: { ...s.analysis.settings, ...patch } } }));
}

export function toggleClass(cls: AttendanceClass): void {
  const hidden = appStore.getState().ui.hiddenClasses;
  setUi({ hiddenClasses: hidden.includes(cls) ? hidden.filter((c) => c !== cls) : [...hidden, cls] });
}

export const setTownship = (township: string | null) => setUi({ township, village: null });
export const setVillage = (village: string | null) => setUi({ village });
export const setImportSummaryOpen = (importSummaryOpen: boolean) => setUi({ importSummaryOpen });
export const setShowPersonal = (showPersonal: boolean) => setUi({ showPersonal });

export function setLang(lang: Lang): void {
  appStore.setState((s) => ({ settings: { ...s.settings, lang } }));
}
