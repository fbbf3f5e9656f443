/**
 * Decodes a file's bytes piece by piece, so that a large CSV file never exists as one string
 * (a 60 MB Chinese file is ~90 MB of text in one piece, 2 bytes a character).
 *
 * Computes: the text of `decodeText(bytes, override)` — same encoding detection and the same
 * characters — as a sequence of `TextChunk`s of at most `chunkBytes` bytes each (a `TextDecoder`
 * in streaming mode: a character split between two byte chunks, UTF-8, GB18030 or UTF-16, comes
 * whole in the later piece; a piece may be empty). Detection is done on the way: when the bytes
 * turn out not to be UTF-8 (anywhere, the end included), decoding starts again as GB18030 from
 * the first byte — that chunk has `first` set, and the reader must drop what it read before.
 * Every run starts with a `first` chunk, one even for no bytes; `encoding` is that of the run.
 * Limits: a GB18030 file whose first bytes are valid UTF-8 is read up to its first non-UTF-8
 * byte twice (Chinese Excel files fail on their header line, in the first chunk).
 * Cost: O(n); the same decoding work as `decodeText` plus one `TextDecoder` call per chunk;
 * memory O(chunkBytes) besides the bytes.
 */
import type { TextEncoding } from '../model/import-options.ts';
import { planDecoding, type DetectedEncoding } from './decode-text.ts';

/** 1 MiB: 0.35–1 M characters a piece; 59 pieces for the 61 MB seeded 1,000,000-row file. */
export const DEFAULT_CHUNK_BYTES = 1 << 20;

export interface TextChunk {
  text: string;
  /** Bytes of the file decoded once this chunk is read (of `bytes.length`; the UTF-8 BOM counts). */
  bytesDone: number;
  encoding: DetectedEncoding;
  /** The text starts (again) here: drop whatever was read before. */
  first: boolean;
}

export function* decodeTextChunks(bytes: Uint8Array, override?: TextEncoding, chunkBytes = DEFAULT_CHUNK_BYTES): Generator<TextChunk, void, undefined> {
  if (!(chunkBytes >= 1)) throw new RangeError(`chunkBytes must be at least 1, got ${chunkBytes}`);
  const plan = planDecoding(bytes, override);
  const { body } = plan;
  const skipped = bytes.length - body.length; // a UTF-8 byte-order mark
  let encoding = plan.encoding;
  let decoder = new TextDecoder(encoding, plan.options);
  let fallback = plan.fallsBackToGb18030;
  for (;;) {
    let first = true;
    let failed = false;
    for (let at = 0; ; at += chunkBytes) {
      const end = Math.min(at + chunkBytes, body.length);
      let text: string;
      try {
        text = end < body.length ? decoder.decode(body.subarray(at, end), { stream: true }) : decoder.decode(body.subarray(at, end));
      } catch (err) {
        if (!fallback) throw err;
        failed = true;
        break;
      }
      yield { text, bytesDone: skipped + end, encoding, first };
      first = false;
      if (end >= body.length) break;
    }
    if (!failed) return;
    // Not UTF-8: GB18030 from the first byte, as `decodeText` does.
    encoding = 'gb18030';
    decoder = new TextDecoder('gb18030');
    fallback = false;
  }
}
