/**
 * An error in the user's words: the catalogue's `error.<code>` message when the code has one (the
 * core's English message fills its `{message}`), else "Something went wrong: …".
 */
import { isMessageKey, type MessageKey, type Params } from '../i18n/translate.ts';

export function errorText(t: (key: MessageKey, params?: Params) => string, error: { message: string; code?: string }): string {
  const key = `error.${error.code}`;
  return error.code && isMessageKey(key) ? t(key, { message: error.message }) : t('error.generic', { message: error.message });
}
