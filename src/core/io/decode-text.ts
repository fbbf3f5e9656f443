/**
 * Turns the bytes of an uploaded file into text, detecting the encoding.
 *
 * Computes: strips a UTF-8 byte-order mark, then decodes strictly as UTF-8; if the bytes are not
 * valid UTF-8, decodes them as GB18030 (a superset of GBK/GB2312, what Chinese Excel writes).
 * Limits: any byte sequence is "valid" GB18030, so a file in a third encoding (Big5, UTF-16
 * without BOM, ...) decodes to mojibake rather than failing; a pure-ASCII file reports 'utf-8'.
 * Cost: O(n) over the bytes, at most two decoding passes.
 */
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  const hasBom = bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    // ignoreBOM: we removed ours already; a second one would be content and is kept.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
  }
}
