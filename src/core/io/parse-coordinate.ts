/**
 * Reads a longitude or latitude cell as people write it: decimal degrees (everything
 * `parseNumber` reads, e.g. "108.12", "１０８．１２") or degrees-minutes-seconds:
 * "108°07'30\"E", "108°7′30″", "29°58'N", "108 07 30.5", "108:07:30", "108°7.5'", "108度7分30秒",
 * "东经108°07′30″", "N 29°58'", "108.125°". Returns decimal degrees, or null.
 *
 * - Marks: degrees ° º ˚ 度; minutes ' ′ ’ ‘ ʹ 分; seconds " ″ ” “ ʺ '' 秒 (full-width forms are
 *   folded first). The last unit's mark may be left out ("108°07'30", "108°7.5").
 * - Separated by spaces or colons, two or three plain numbers read as D M or D M S.
 * - Minutes need whole degrees, seconds need whole minutes; minutes and seconds must be < 60.
 * - Hemisphere: one capital letter N/S/E/W or 北/南/东/西, optionally 北纬/南纬/东经/西经,
 *   before or after the value; S and W (南, 西) make it negative, as does a leading minus. A
 *   minus together with S/W, or two hemisphere marks, is refused (null) rather than guessed.
 * Limits: the hemisphere letter only sets the sign; it is not checked against the column (a
 * latitude in the longitude column is caught by the swapped/range checks). Degrees are not
 * range-checked here. Cost: O(n) in the cell's length (every pattern is anchored and linear).
 */
import { normalizeWidth } from './normalize-width.ts';
import { parseNumber } from './parse-number.ts';

const PREFIX = /^(北纬|南纬|东经|西经|[NSEW北南东西])\s*/u;
const HEMISPHERE_LETTERS = new Set(['N', 'S', 'E', 'W', '北', '南', '东', '西']);
const NUM = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
/** After the marks became D, M and S. */
const MARKED = new RegExp(String.raw`^${NUM}\s*D(?:\s*${NUM}\s*(?:M(?:\s*${NUM}\s*S?)?)?)?$`);
const SEPARATED = new RegExp(String.raw`^${NUM}(?:\s+|\s*:\s*)${NUM}(?:(?:\s+|\s*:\s*)${NUM})?$`);
const NEGATIVE_HEMISPHERES = new Set(['S', 'W', '南', '西', '南纬', '西经']);

function toDecimal(d: string, m: string | undefined, s: string | undefined): number | null {
  const deg = Number(d);
  if (m === undefined) return deg;
  const min = Number(m);
  if (!Number.isInteger(deg) || min >= 60) return null;
  if (s === undefined) return deg + min / 60;
  const sec = Number(s);
  if (!Number.isInteger(min) || sec >= 60) return null;
  return deg + min / 60 + sec / 3600;
}

export function parseCoordinate(cell: string): number | null {
  const decimal = parseNumber(cell);
  if (decimal !== null) return decimal;
  let text = normalizeWidth(cell).trim();
  if (text === '') return null;
  let hemisphere: string | undefined;
  const prefix = PREFIX.exec(text);
  if (prefix) { hemisphere = prefix[1]; text = text.slice(prefix[0].length); }
  // The last character, checked without a regular expression (an unanchored /\s*X$/ is quadratic on long cells).
  const last = text[text.length - 1];
  if (last !== undefined && HEMISPHERE_LETTERS.has(last)) {
    if (hemisphere !== undefined) return null;
    hemisphere = last;
    text = text.slice(0, -1).trimEnd();
  }
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -1;
    text = text.slice(1).trimStart();
  }
  if (hemisphere !== undefined && NEGATIVE_HEMISPHERES.has(hemisphere)) {
    if (sign === -1) return null;
    sign = -1;
  }
  const marked = text
    .replace(/''|[″”“ʺ"秒]/gu, 'S')
    .replace(/[′’‘ʹ'分]/gu, 'M')
    .replace(/[°º˚度]/gu, 'D');
  let value: number | null = null;
  const m = MARKED.exec(marked);
  if (m) value = toDecimal(m[1]!, m[2], m[3]);
  else {
    const s = SEPARATED.exec(marked);
    if (s) value = toDecimal(s[1]!, s[2], s[3]);
    else if (hemisphere !== undefined) {
      const plain = parseNumber(text); // "108.12E", "N29.98"
      if (plain !== null && plain >= 0) value = plain;
    }
  }
  return value === null || !Number.isFinite(value) ? null : sign * value;
}
