/**
 * Folds full-width ASCII forms (U+FF01…U+FF5E, e.g. "１０８．１２", "－", "，") to their
 * half-width counterparts and the ideographic space U+3000 to a plain space, so that numbers and
 * codes typed with a Chinese input method read like ASCII ones. Leaves CJK characters alone.
 * Cost: O(n), one regular-expression scan when there is nothing to fold (a long cell costs
 * microseconds per kB, not the per-character string building it once did).
 */
const WIDE = /[\uFF01-\uFF5E\u3000\u2212]/;
const WIDE_ALL = /[\uFF01-\uFF5E\u3000\u2212]/g;

export function normalizeWidth(text: string): string {
  // Most cells hold nothing to fold: return them as they are, without building a new string.
  if (!WIDE.test(text)) return text;
  return text.replace(WIDE_ALL, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x3000) return ' ';
    if (code === 0x2212) return '-'; // U+2212 MINUS SIGN, as typed by some tools
    return String.fromCharCode(code - 0xfee0);
  });
}
