/** The app's store instance and the React hook that reads it with a selector. */
import { useStore } from 'zustand';
import { initialLang } from '../i18n/translate.ts';
import { createAppStore, type AppState } from './store.ts';

const LANG_KEY = 'blindspot.lang';

function savedLang(): string | null {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch {
    return null;
  }
}

export const appStore = createAppStore(initialLang(savedLang(), navigator.languages ?? [navigator.language]));

appStore.subscribe((state, prev) => {
  if (state.settings.lang === prev.settings.lang) return;
  document.documentElement.lang = state.settings.lang;
  try {
    localStorage.setItem(LANG_KEY, state.settings.lang);
  } catch {
    /* storage unavailable (private mode): the choice lasts for this tab only */
  }
});
document.documentElement.lang = appStore.getState().settings.lang;

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
