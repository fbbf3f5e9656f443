/**
 * Limits on what an imported file may hold, so that a hostile or accidental file gets a clear
 * `UserInputError` instead of exhausting the memory of the tab (or the worker) or freezing it.
 * Workbooks have their own, tighter limits (`WORKBOOK_LIMITS`: 50 MB file, 2,000,000 cells, zip
 * bombs); these apply to text files (CSV, GeoJSON, site lists, proposals, project files).
 *
 * - `checkTextSize` → `file_too_large` `{ sizeMB, limitMB }` when a text file (bytes, or the
 *   characters of text already read) is over `maxTextBytes`. 300 MB is about the most a 4 GB
 *   heap (a browser tab's, a worker's) holds once parsed — a ceiling, not a promise: measured
 *   under Node 20 with a 4 GB heap on 2 cores, a 283 MB CSV of 2,500,000 households with the
 *   demo's 12 columns imports in 136 s with 3.3 GB of heap in use (1,000,000: 113 MB, 16 s,
 *   2.1 GB); past that comes "out of memory", which no code can catch. It also keeps the decoded
 *   text under V8's longest string (2^29 − 24 characters), past which decoding itself throws.
 * - `checkTableCells` → `too_many_cells` `{ cells, limitCells }` when a table would hold more than
 *   `maxTableCells` cells once every row is padded to the header's width. A small file can ask
 *   for a huge table — a header of 100,000 columns over 100,000 short rows (1.2 MB of CSV), or
 *   100,000 GeoJSON features each with its own property name — and padding it would allocate
 *   10^10 cells. 50,000,000 is above what a `maxTextBytes` file of ordinary cells makes (the
 *   283 MB file above has 30,000,000).
 * - `maxJsonDepth`: a GeoJSON property value nested deeper than this is refused
 *   (`json_too_deep`) before it is written out as text: writing it would recurse once per level
 *   and overflow the stack at ~10,000 levels. Real properties are flat, at most a few levels.
 * Cost: O(1) per check.
 */
import { UserInputError } from '../model/errors.ts';

export const INPUT_LIMITS = Object.freeze({
  /** Size of a text file (CSV, GeoJSON, site list, proposals, project file): 300 MiB. */
  maxTextBytes: 300 * 1024 * 1024,
  /** Cells of a table read from a text file, rows × the header's width (short rows padded). */
  maxTableCells: 50_000_000,
  /** Levels of nesting of one GeoJSON property value. */
  maxJsonDepth: 64,
});

const MB = 1024 * 1024;

/** Throws `file_too_large` when `size` (bytes, or characters of decoded text) is over `limit`. */
export function checkTextSize(size: number, name = 'the file', limit: number = INPUT_LIMITS.maxTextBytes): void {
  if (size <= limit) return;
  const sizeMB = Math.ceil(size / MB);
  const limitMB = Math.floor(limit / MB);
  throw new UserInputError('file_too_large',
    `${name} is ${sizeMB} MB; at most ${limitMB} MB can be read — split it into smaller files (for example one per township)`,
    { sizeMB, limitMB });
}

/** Throws `too_many_cells` when a table of `cells` cells (rows × columns, padded) is over `limit`. */
export function checkTableCells(cells: number, limit: number = INPUT_LIMITS.maxTableCells): void {
  if (cells <= limit) return;
  throw new UserInputError('too_many_cells',
    `the table would have ${cells.toLocaleString('en')} cells (rows × columns); at most ${limit.toLocaleString('en')} can be read — `
    + 'remove the empty columns at the right of the header, or split the file', { cells, limitCells: limit });
}
