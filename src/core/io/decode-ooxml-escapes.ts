/**
 * Decodes the `_xHHHH_` escapes SpreadsheetML uses for characters XML cannot hold (control
 * characters such as `_x000D_` for a carriage return) and for a literal `_x…_` (written
 * `_x005F_x…_`). One left-to-right pass, so an escaped underscore is never decoded twice.
 * Cost: O(n).
 */
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeOoxmlEscapes(text: string): string {
  return text.includes('_x') ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
