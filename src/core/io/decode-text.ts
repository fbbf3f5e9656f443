/**
 * Turns the bytes of an uploaded file into text, detecting the encoding.
 *
 * Computes: with a UTF-16 byte-order mark (what Excel's "Unicode Text" export writes), decodes
 * UTF-16 LE/BE; otherwise strips a UTF-8 byte-order mark, then decodes strictly as UTF-8; if the
 * bytes are not valid UTF-8, decodes them as GB18030 (a superset of GBK/GB2312, what Chinese Excel
 * writes). `override` skips the detection: 'utf-8' then decodes leniently (bad bytes become
 * U+FFFD), 'gb18030' decodes as GB18030; a UTF-8 BOM is stripped either way.
 * `planDecoding` is that choice alone (the bytes to decode, the decoder and whether a failure
 * means GB18030), shared with `decodeTextChunks`, which decodes the same way piece by piece.
 * Limits: any byte sequence is "valid" GB18030, so a file in a third encoding (Big5, UTF-16
 * without BOM, ...) decodes to mojibake rather than failing; a pure-ASCII file reports 'utf-8'.
 * The whole text is one string (~2 bytes a character for Chinese text): `decodeTextChunks` for
 * large CSV files. Cost: O(n) over the bytes, at most two decoding passes.
 */
import type { TextEncoding } from '../model/import-options.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
/** Encodings `decodeText` can report: the choosable ones, and UTF-16 found by its byte-order mark. */
export type DetectedEncoding = TextEncoding | 'utf-16le' | 'utf-16be';

/** How to decode a file's bytes. */
export interface DecodingPlan {
  /** The bytes to decode (a UTF-8 byte-order mark left out). */
  body: Uint8Array;
  encoding: DetectedEncoding;
  /** Options of the `TextDecoder` for `encoding`. */
  options: TextDecoderOptions;
  /** True when bytes that are not UTF-8 (the decoder, `fatal`, throws) mean GB18030: decode again as that. */
  fallsBackToGb18030: boolean;
}

export function planDecoding(bytes: Uint8Array, override?: TextEncoding): DecodingPlan {
  if (override === undefined && bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { body: bytes, encoding: 'utf-16le', options: {}, fallsBackToGb18030: false };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { body: bytes, encoding: 'utf-16be', options: {}, fallsBackToGb18030: false };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (override === 'gb18030') return { body, encoding: 'gb18030', options: {}, fallsBackToGb18030: false };
  // ignoreBOM: we removed ours already; a second one would be content and is kept.
  if (override === 'utf-8') return { body, encoding: 'utf-8', options: { ignoreBOM: true }, fallsBackToGb18030: false };
  return { body, encoding: 'utf-8', options: { fatal: true, ignoreBOM: true }, fallsBackToGb18030: true };
}

export function decodeText(bytes: Uint8Array, override?: TextEncoding): { text: string; encoding: DetectedEncoding } {
  const plan = planDecoding(bytes, override);
  try {
    return { text: new TextDecoder(plan.encoding, plan.options).decode(plan.body), encoding: plan.encoding };
  } catch (err) {
    if (!plan.fallsBackToGb18030) throw err;
    return { text: new TextDecoder('gb18030').decode(plan.body), encoding: 'gb18030' };
  }
}
