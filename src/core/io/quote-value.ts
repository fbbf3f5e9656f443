/**
 * A cell value as an issue message quotes it: trimmed, in double quotes, cut to 60 characters.
 * Never call it on a personal field. Cost: O(n).
 */
const MAX_CHARS = 60;

export function quoteValue(text: string): string {
  const t = text.trim();
  // Only the first MAX_CHARS + 1 code points matter; a megabyte cell is not split into an array.
  const chars = [...t.slice(0, 2 * MAX_CHARS + 2)];
  return JSON.stringify(chars.length > MAX_CHARS ? chars.slice(0, MAX_CHARS).join('') + '…' : t);
}
