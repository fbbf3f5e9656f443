/**
 * RFC 4180 CSV reader, written by hand so that every record keeps the line where it starts.
 *
 * Computes: a `RawTable` (header + rows of trimmed text cells) from CSV text.
 * - Delimiter: comma, semicolon or tab, whichever occurs most often (outside quotes) in the
 *   header line; ties prefer comma, then semicolon; none at all means a one-column comma file.
 * - Quoted fields may hold delimiters, doubled quotes (`""` → `"`) and line breaks; a quote may
 *   follow spaces at the start of a field (`a, "b, c"`). Text after a closing quote is kept.
 * - Line breaks: CRLF, LF or CR; each counts as one line. `RawRow.line` is the 1-based line of
 *   the file where the record starts (a leading BOM is ignored; the header is the first
 *   non-blank record, line 1 when the file starts with it), so a quoted field holding a line
 *   break makes the next record's line number jump accordingly.
 * - Records whose cells are all empty (blank lines, `,,,`) are skipped, before and after the
 *   header. Trailing empty header cells (`a,b,c,`) are dropped. Rows keep all their cells: short
 *   rows read missing cells as empty; cells beyond the header are kept but belong to no column.
 * Limits: throws `UserInputError` `empty_file` when there is no non-blank record,
 * `unterminated_quote` (naming the line) when a quoted field never closes — reading on would
 * swallow the rest of the file into one cell — and `too_many_cells` when the rows padded to the
 * header's width would hold more than `INPUT_LIMITS.maxTableCells` cells (checked before
 * padding). Cost: O(n) time, one pass by character code, each row's cells built once; memory O(n)
 * (measured: ~1.3 s for 1,000,000 rows of 9 columns, 61 MB, Node 20 on 2 shared cores, most of it
 * allocating the rows' cells).
 */
import type { RawRow, RawTable } from '../model/types.ts';
import { UserInputError } from '../model/errors.ts';
import { checkTableCells } from './input-limits.ts';

export type CsvDelimiter = ',' | ';' | '\t';
export interface CsvTable extends RawTable {
  delimiter: CsvDelimiter;
}

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];

/** Counts each candidate delimiter outside quotes on the first non-blank line. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let inQuotes = false;
  let seenContent = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seenContent) break;
      continue;
    } else if (!inQuotes && counts.has(ch as CsvDelimiter)) {
      counts.set(ch as CsvDelimiter, (counts.get(ch as CsvDelimiter) ?? 0) + 1);
    }
    if (ch.trim() !== '') seenContent = true;
  }
  let best: CsvDelimiter = ',';
  for (const d of CANDIDATES) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

interface CsvRecords {
  /** The first non-blank record, if any. */
  header: RawRow | undefined;
  /** The non-blank records after it, cells as read (not padded). */
  data: RawRow[];
}

/**
 * Short cell texts seen recently, so that a value repeated down a column (a village, a signal
 * word, a count) is one string rather than one per row: fewer strings to allocate and to keep
 * (strings are values: sharing one is invisible). A direct-mapped cache keyed by a hash of the
 * cell's code units, checked with `startsWith` (no allocation on a hit). A column whose values
 * rarely repeat (ids, coordinates) stops being looked up after its first `PROBE_CELLS` cells.
 */
class CellInterner {
  private static readonly SIZE = 1 << 14;
  /** Longer cells are not looked up (V8 slices them without copying anyway). */
  private static readonly MAX_LENGTH = 12;
  private static readonly PROBE_CELLS = 2048;
  private readonly cache: (string | undefined)[] = new Array<string | undefined>(CellInterner.SIZE).fill(undefined);
  private readonly tries: number[] = [];
  private readonly hits: number[] = [];

  constructor(private readonly text: string) {}

  /** `text.slice(from, to)`, shared with an earlier equal cell of the same column when one is cached. */
  slice(from: number, to: number, column: number): string {
    const text = this.text;
    const length = to - from;
    if (length === 0) return '';
    const tries = this.tries[column] ?? 0;
    if (length > CellInterner.MAX_LENGTH || (tries >= CellInterner.PROBE_CELLS && (this.hits[column] ?? 0) * 4 < tries)) {
      return text.slice(from, to);
    }
    let h = 0x811c9dc5;
    for (let p = from; p < to; p++) h = Math.imul(h ^ text.charCodeAt(p), 0x01000193);
    const slot = (h ^ (h >>> 15)) & (CellInterner.SIZE - 1);
    if (tries < CellInterner.PROBE_CELLS) this.tries[column] = tries + 1;
    const cached = this.cache[slot];
    if (cached !== undefined && cached.length === length && text.startsWith(cached, from)) {
      if (tries < CellInterner.PROBE_CELLS) this.hits[column] = (this.hits[column] ?? 0) + 1;
      return cached;
    }
    const value = text.slice(from, to);
    this.cache[slot] = value;
    return value;
  }
}

/**
 * One pass over the text by UTF-16 code unit: each record's cells trimmed, records whose cells are
 * all empty dropped, the first kept one being the header. A record is built once, as the `RawRow`
 * it becomes (no intermediate record, no copy); repeated short cells share one string
 * (`CellInterner`).
 */
function readRecords(text: string, delimiter: CsvDelimiter): CsvRecords {
  const data: RawRow[] = [];
  let header: RawRow | undefined;
  const interner = new CellInterner(text);
  const d = delimiter.charCodeAt(0);
  const spaceLike = (c: number) => c === SPACE || (c === TAB && d !== TAB);
  const n = text.length;
  let i = 0;
  let line = 1;
  // Cells are gathered here, then copied into an array of their exact size (a pushed-to array keeps
  // room to grow: ~60 MB more for 1,000,000 rows of 9 cells).
  const scratch: string[] = [];
  for (;;) {
    const startLine = line;
    const cells = scratch;
    cells.length = 0;
    let blank = true;
    for (;;) {
      // One field. A quote may follow leading spaces (never tabs when tab is the delimiter).
      let j = i;
      while (j < n && spaceLike(text.charCodeAt(j))) j++;
      let value: string;
      if (j < n && text.charCodeAt(j) === QUOTE) {
        const openLine = line;
        i = j + 1;
        const parts: string[] = [];
        for (;;) {
          if (i >= n) {
            throw new UserInputError('unterminated_quote',
              `line ${openLine}: a quoted field starts here and is never closed (missing ")`,
              { line: openLine });
          }
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (i + 1 < n && text.charCodeAt(i + 1) === QUOTE) { parts.push('"'); i += 2; continue; }
            i++;
            break;
          }
          if (c === CR || c === LF) {
            parts.push('\n');
            i += c === CR && i + 1 < n && text.charCodeAt(i + 1) === LF ? 2 : 1;
            line++;
            continue;
          }
          let k = i + 1;
          for (; k < n; k++) {
            const e = text.charCodeAt(k);
            if (e === QUOTE || e === CR || e === LF) break;
          }
          parts.push(text.slice(i, k));
          i = k;
        }
        let k = i;
        for (; k < n; k++) {
          const e = text.charCodeAt(k);
          if (e === d || e === CR || e === LF) break;
        }
        parts.push(text.slice(i, k));
        i = k;
        value = parts.join('');
      } else {
        let k = i;
        for (; k < n; k++) {
          const e = text.charCodeAt(k);
          if (e === d || e === CR || e === LF) break;
        }
        value = interner.slice(i, k, cells.length);
        i = k;
      }
      const cell = value.trim();
      if (cell !== '') blank = false;
      cells.push(cell);
      if (i < n && text.charCodeAt(i) === d) { i++; continue; }
      break;
    }
    if (!blank) {
      if (header === undefined) header = { line: startLine, cells: cells.slice() };
      else data.push({ line: startLine, cells: cells.slice() });
    }
    if (i >= n) break;
    i += text.charCodeAt(i) === CR && i + 1 < n && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    if (i >= n) break;
  }
  return { header, data };
}

export function readCsvTable(input: string): CsvTable {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const { header, data: rows } = readRecords(text, delimiter);
  if (!header) throw new UserInputError('empty_file', 'the file is empty (no header line and no data)');
  const headers = header.cells.slice();
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  const width = headers.length;
  let cellCount = 0;
  for (const r of rows) cellCount += Math.max(r.cells.length, width);
  checkTableCells(cellCount); // before padding: a wide header over many short rows would allocate rows × width
  // The rows' cell arrays are this reader's own: padded in place.
  for (const r of rows) while (r.cells.length < width) r.cells.push('');
  return { headers, rows, delimiter, headerLine: header.line };
}
