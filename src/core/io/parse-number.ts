/**
 * Reads a decimal number from a cell as people type it: surrounding spaces, a leading `+` or
 * `-` (also the U+2212 minus sign), a decimal point, full-width digits ("１０８．１２"), and an
 * optional exponent ("1e3"), and the ideographic full stop a Chinese input method types for a decimal
 * point between digits ("108。12"). Returns null for anything else, including an empty cell, a decimal
 * comma ("108,12"), thousands separators, units ("-100dBm"), `NaN` and `Infinity`.
 * Cost: O(n) in the cell's length.
 */
import { normalizeWidth } from './normalize-width.ts';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumber(cell: string): number | null {
  const text = normalizeWidth(cell).trim().replace(/(\d)\u3002(\d)/u, '$1.$2');
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
