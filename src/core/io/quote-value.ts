/**
 * A cell value as an issue message quotes it: trimmed, in double quotes, cut to 60 characters.
 * Never call it on a personal field. Cost: O(n).
 */
const MAX_CHARS = 60;

export function quoteValue(text: string): string {
  const t = text.trim();
  const chars = [...t];
  return JSON.stringify(chars.length > MAX_CHARS ? chars.slice(0, MAX_CHARS).join('') + '…' : t);
}
