/**
 * Whether a cell's number format shows its number as a date, a time or both — Excel stores
 * dates as day counts ("serials") and only the format says so.
 *
 * Built-in formats by id: 14–17, 27–31, 36, 50–54, 57, 58 are dates (27 and up are the Chinese,
 * Japanese and Korean built-ins, e.g. 31 = yyyy"年"m"月"d"日"); 22 is date and time; 18–21,
 * 32–35, 45–47, 55, 56 are times. A custom format code (`<numFmt formatCode>`) is read from its
 * first section with quoted text, `\`-escaped characters, `_x`/`*x` padding, `AM/PM`, `A/P`,
 * `上午/下午` and bracketed parts (colours, locales, conditions) removed — except elapsed-time
 * brackets such as `[h]` — then: `y`, `d`, `e` (year) or `g` (era) → date; `h` or `s` → time
 * (with both → date and time); an `m` with neither, and no digit placeholder, is a month → date.
 * Limits: "General", number and text formats (including scientific `0.00E+00`) are not dates.
 * Cost: O(length of the code).
 */
export type DateFormatKind = 'date' | 'time' | 'datetime';

const DATE_IDS = new Set([14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);
const TIME_IDS = new Set([18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]);

export function dateFormatKind(numFmtId: number, formatCode?: string): DateFormatKind | null {
  if (formatCode === undefined) {
    if (numFmtId === 22) return 'datetime';
    if (DATE_IDS.has(numFmtId)) return 'date';
    if (TIME_IDS.has(numFmtId)) return 'time';
    return null;
  }
  if (formatCode.length > 255) return null; // Excel's own limit; longer codes are no real format
  const section = formatCode.split(';')[0] ?? '';
  const code = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/AM\/PM|A\/P|上午\/下午/gi, '')
    .toLowerCase()
    .replace(/e[+-]/g, '');
  if (code.trim() === '' || code.includes('general')) return null;
  const date = /[ydeg]/.test(code);
  const time = /[hs]/.test(code);
  if (date && time) return 'datetime';
  if (date) return 'date';
  if (time) return 'time';
  if (code.includes('m') && !/[0#?]/.test(code)) return 'date';
  return null;
}
