/**
 * Reads CSV bytes into a table without ever holding the whole text: `decodeTextChunks` (the
 * encoding detected as `decodeText` does, or the user's) feeds `CsvChunkReader` piece by piece.
 *
 * Computes: `{kind: 'csv', table, encoding}` — the table `readCsvTable(decodeText(bytes).text)`
 * gives, or its error —, `{kind: 'blank'}` when the text is only whitespace (for `empty_file`),
 * or `{kind: 'geojson'}` as soon as the first character that is not whitespace (a BOM is) turns
 * out to be `{` (`looksLikeGeojson`): the caller then reads the whole text as before (decoding
 * may differ if the bytes later prove not to be UTF-8: the caller decides again on that text).
 * Progress: `onProgress(bytesDone, bytesTotal)` after each piece, never decreasing (when the
 * bytes prove not to be UTF-8 and decoding starts again as GB18030, it waits until the second
 * pass is past the first); the last call has bytesDone = bytesTotal (none for no bytes).
 * Cost: that of `decodeText` and `readCsvTable` (one extra pass over the first pieces of a
 * GB18030 file); memory: the table plus one piece of text (`chunkBytes`, 1 MiB by default)
 * instead of the whole text. Measured on the seeded 1,000,000-row file (Node 20, 2 shared cores,
 * `/usr/bin/time -v npx tsx test/bench/import-memory.ts read FILE`, before this reader and
 * after, 3 runs each): peak RSS 584 → 512 MB (61 MB UTF-8),
 * 574 → 509 MB (54 MB GB18030); with an 18-digit id column added, 680 → 655 MB, and the heap
 * kept once read 477 → 401 MB (the rows no longer hold the text: see `CsvChunkReader`).
 */
import type { TextEncoding } from '../model/import-options.ts';
import { CsvChunkReader, type CsvTable } from './csv-chunk-reader.ts';
import type { DetectedEncoding } from './decode-text.ts';
import { decodeTextChunks } from './decode-text-chunks.ts';

export interface ReadCsvBytesOptions {
  encoding?: TextEncoding;
  /** Bytes decoded at a time (`DEFAULT_CHUNK_BYTES` when absent). */
  chunkBytes?: number;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

export type CsvBytesResult =
  | { kind: 'csv'; table: CsvTable; encoding: DetectedEncoding }
  | { kind: 'blank' }
  | { kind: 'geojson' };

const NOT_WHITESPACE = /\S/; // \s is String.prototype.trim's whitespace, U+FEFF included

export function readCsvBytes(bytes: Uint8Array, options: ReadCsvBytesOptions = {}): CsvBytesResult {
  const { onProgress } = options;
  let reader = new CsvChunkReader();
  let blank = true;
  let encoding: DetectedEncoding = 'utf-8';
  let reported = 0;
  for (const chunk of decodeTextChunks(bytes, options.encoding, options.chunkBytes)) {
    if (chunk.first) {
      reader = new CsvChunkReader();
      blank = true;
    }
    encoding = chunk.encoding;
    if (blank) {
      const at = chunk.text.search(NOT_WHITESPACE);
      if (at >= 0) {
        blank = false;
        if (chunk.text.charCodeAt(at) === 0x7b /* { */) return { kind: 'geojson' };
      }
    }
    reader.push(chunk.text);
    if (onProgress && chunk.bytesDone > reported) {
      reported = chunk.bytesDone;
      onProgress(reported, bytes.length);
    }
  }
  if (blank) return { kind: 'blank' };
  return { kind: 'csv', table: reader.finish(), encoding };
}
