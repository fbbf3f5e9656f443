/** Small UI actions: selection, filters, language, panels. */
import type { AttendanceClass } from '../../core/index.ts';
import type { Lang } from '../../i18n/translate.ts';
import { appStore } from '../app-store.ts';
import type { Selection, UiSlice } from '../store.ts';

function setUi(patch: Partial<UiSlice>): void {
  appStore.setState((s) => ({ ui: { ...s.ui, ...patch } }));
}

export const select = (selection: Selection) => setUi({ selection });

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
