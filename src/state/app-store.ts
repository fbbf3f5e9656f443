/** The app's store instance and the React hook that reads it with a selector. */
import { useStore } from 'zustand';
import { initialLang } from '../i18n/translate.ts';
import { loadSavedAnalysisSettings, loadSavedLang, saveAnalysisSettings, saveLang } from './saved-settings.ts';
import { createAppStore, type AppState } from './store.ts';

export const appStore = createAppStore(
  initialLang(loadSavedLang(), navigator.languages ?? [navigator.language]),
  loadSavedAnalysisSettings(),
);

appStore.subscribe((state, prev) => {
  if (state.settings.lang !== prev.settings.lang) {
    document.documentElement.lang = state.settings.lang;
    saveLang(state.settings.lang);
  }
  if (state.analysis.settings !== prev.analysis.settings) saveAnalysisSettings(state.analysis.settings);
});
document.documentElement.lang = appStore.getState().settings.lang;

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
