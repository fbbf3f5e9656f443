/**
 * Turns the bytes of an uploaded file into text, detecting the encoding.
 *
 * Computes: with a UTF-16 byte-order mark (what Excel's "Unicode Text" export writes), decodes
 * UTF-16 LE/BE; otherwise strips a UTF-8 byte-order mark, then decodes strictly as UTF-8; if the
 * bytes are not valid UTF-8, decodes them as GB18030 (a superset of GBK/GB2312, what Chinese Excel
 * writes). `override` skips the detection: 'utf-8' then decodes leniently (bad bytes become
 * U+FFFD), 'gb18030' decodes as GB18030; a UTF-8 BOM is stripped either way.
 * Limits: any byte sequence is "valid" GB18030, so a file in a third encoding (Big5, UTF-16
 * without BOM, ...) decodes to mojibake rather than failing; a pure-ASCII file reports 'utf-8'.
 * Cost: O(n) over the bytes, at most two decoding passes.
 */
import type { TextEncoding } from '../model/import-options.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
/** Encodings `decodeText` can report: the choosable ones, and UTF-16 found by its byte-order mark. */
export type DetectedEncoding = TextEncoding | 'utf-16le' | 'utf-16be';

export function decodeText(bytes: Uint8Array, override?: TextEncoding): { text: string; encoding: DetectedEncoding } {
  if (override === undefined && bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (override === 'gb18030') return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
  if (override === 'utf-8') return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  try {
    // ignoreBOM: we removed ours already; a second one would be content and is kept.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
  }
}
