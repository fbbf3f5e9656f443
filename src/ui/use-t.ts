/** The translate function for the current language (re-renders when the language changes). */
import { useCallback } from 'react';
import { translate, type MessageKey, type Params } from '../i18n/translate.ts';
import { useApp } from '../state/app-store.ts';

export function useT(): (key: MessageKey, params?: Params) => string {
  const lang = useApp((s) => s.settings.lang);
  return useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
}

export function useLang() {
  return useApp((s) => s.settings.lang);
}
