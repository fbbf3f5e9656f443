/**
 * Reads a decimal number from a cell as people type it: surrounding spaces, a leading `+` or
 * `-` (also the U+2212 minus sign), a decimal point, full-width digits ("１０８．１２"), and an
 * optional exponent ("1e3"), and the ideographic full stop a Chinese input method types for a decimal
 * point between digits ("108。12"). Returns null for anything else, including an empty cell, a decimal
 * comma ("108,12"), thousands separators, units ("-100dBm"), `NaN` and `Infinity`.
 * A cell that already is a plain ASCII decimal (what files mostly hold) is recognised and, up to 15
 * digits without exponent, converted by one scan of its characters, without a regular expression
 * or a new string; any other cell takes the general path (width folding, trimming, the full stop,
 * then the pattern). Both give the same value (property-tested against the general path).
 * Cost: O(n) in the cell's length.
 */
import { normalizeWidth } from './normalize-width.ts';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** 10^0 … 10^15, each exact in a double. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The value of `text` when it as a whole matches `DECIMAL` (`[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?`),
 * found by one scan of its UTF-16 code units (no regular expression, no allocation); undefined
 * when it does not match. With at most 15 digits and no exponent the value is computed here:
 * the digits as an integer N < 2^53 and N / 10^k are exact operands, so the one division is
 * correctly rounded — the same double as `Number(text)` (which is called otherwise).
 */
function plainDecimalValue(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  let c = n > 0 ? text.charCodeAt(0) : 0;
  const negative = c === 45;
  if (c === 43 || c === 45) c = ++i < n ? text.charCodeAt(i) : 0; // + -
  let digits = 0;
  let mantissa = 0;
  let intDigits = 0;
  while (i < n && isDigit(c)) { intDigits++; mantissa = mantissa * 10 + (c - 48); c = ++i < n ? text.charCodeAt(i) : 0; }
  let fracDigits = 0;
  if (i < n && c === 46) { // .
    c = ++i < n ? text.charCodeAt(i) : 0;
    while (i < n && isDigit(c)) { fracDigits++; mantissa = mantissa * 10 + (c - 48); c = ++i < n ? text.charCodeAt(i) : 0; }
  }
  digits = intDigits + fracDigits;
  if (digits === 0) return undefined;
  let exponent = false;
  if (i < n && (c === 101 || c === 69)) { // e E
    exponent = true;
    c = ++i < n ? text.charCodeAt(i) : 0;
    if (i < n && (c === 43 || c === 45)) c = ++i < n ? text.charCodeAt(i) : 0;
    let expDigits = 0;
    while (i < n && isDigit(c)) { expDigits++; c = ++i < n ? text.charCodeAt(i) : 0; }
    if (expDigits === 0) return undefined;
  }
  if (i !== n) return undefined;
  if (exponent || digits > 15) return Number(text);
  const value = mantissa / POW10[fracDigits]!;
  return negative ? -value : value;
}

export function parseNumber(cell: string): number | null {
  const plain = plainDecimalValue(cell);
  if (plain !== undefined) {
    // What the general path would compute: nothing to fold, trim or replace in a plain decimal.
    return Number.isFinite(plain) ? plain : null;
  }
  const text = normalizeWidth(cell).trim().replace(/(\d)\u3002(\d)/u, '$1.$2');
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
