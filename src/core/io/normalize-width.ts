/**
 * Folds full-width ASCII forms (U+FF01…U+FF5E, e.g. "１０８．１２", "－", "，") to their
 * half-width counterparts and the ideographic space U+3000 to a plain space, so that numbers and
 * codes typed with a Chinese input method read like ASCII ones. Leaves CJK characters alone.
 * Cost: O(n).
 */
export function normalizeWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else if (code === 0x2212) out += '-'; // U+2212 MINUS SIGN, as typed by some tools
    else out += ch;
  }
  return out;
}
