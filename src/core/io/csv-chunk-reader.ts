/**
 * The RFC 4180 CSV reader, fed piece by piece: `push` each piece of the text as it is decoded,
 * then `finish` for the table. Any split of a text into pieces gives the table of the whole text
 * (`readCsvTable` is one `push` and `finish`): quoted fields, doubled quotes, a CR and its LF, a
 * quote and the quote that doubles it, and the line count carry over from one piece to the next.
 *
 * Computes: a `CsvTable` (header + rows of trimmed text cells, the delimiter) from CSV text.
 * - Delimiter: `detectDelimiter` on the first non-blank line (pieces are held until it ends).
 * - Quoted fields may hold delimiters, doubled quotes (`""` → `"`) and line breaks; a quote may
 *   follow spaces at the start of a field (`a, "b, c"`). Text after a closing quote is kept.
 * - Line breaks: CRLF, LF or CR; each counts as one line. `RawRow.line` is the 1-based line of
 *   the file where the record starts (a leading BOM is ignored; the header is the first
 *   non-blank record, line 1 when the file starts with it), so a quoted field holding a line
 *   break makes the next record's line number jump accordingly.
 * - Records whose cells are all empty (blank lines, `,,,`) are skipped, before and after the
 *   header. Trailing empty header cells (`a,b,c,`) are dropped. Rows keep all their cells: short
 *   rows read missing cells as empty; cells beyond the header are kept but belong to no column.
 * Limits: `finish` throws `UserInputError` `empty_file` when there is no non-blank record,
 * `unterminated_quote` (naming the line) when a quoted field never closes — reading on would
 * swallow the rest of the file into one cell — and `too_many_cells` when the rows padded to the
 * header's width would hold more than `INPUT_LIMITS.maxTableCells` cells (checked before
 * padding); `push` never throws. A cell of 13 characters or more is copied out of its piece, so
 * that the rows never keep a piece alive (V8 would otherwise slice it: a view holding the piece).
 * Cost: O(n) time, one pass by character code whatever the pieces (a cell split between two
 * pieces is joined once), each row's cells built once; memory O(table) plus the pieces not read
 * yet. Measured (seeded 1,000,000 rows of 9 columns, 61 MB, Node 20, 2 shared cores at load 3–4,
 * medians of 3): from bytes, 1 MiB pieces, 1.8–2.4 s (2.1) against 2.0–2.3 s (2.2) for the
 * whole text through the reader this replaced; most of it allocating the rows' cells.
 */
import type { RawRow, RawTable } from '../model/types.ts';
import { UserInputError } from '../model/errors.ts';
import { checkTableCells } from './input-limits.ts';
import { DelimiterDetector, type CsvDelimiter } from './detect-delimiter.ts';

export interface CsvTable extends RawTable {
  delimiter: CsvDelimiter;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/** Where the reader stands between two pieces. */
const FIELD = 0; // at a field's start (leading spaces dropped: a cell is trimmed anyway)
const UNQUOTED = 1; // inside an unquoted field; `pending` holds its text so far
const QUOTED = 2; // inside a quoted field; `parts` holds its text so far
const QUOTED_QUOTE = 3; // the piece ended on a quote inside a quoted field: closing, or the first of `""`
const QUOTED_CR = 4; // the piece ended on a CR inside a quoted field: an LF next belongs to it
const AFTER_QUOTE = 5; // after the closing quote: raw text up to the delimiter or line end
const RECORD_CR = 6; // the piece ended on the CR that ended a record: an LF next belongs to it
type Mode = typeof FIELD | typeof UNQUOTED | typeof QUOTED | typeof QUOTED_QUOTE | typeof QUOTED_CR | typeof AFTER_QUOTE | typeof RECORD_CR;

/** V8 keeps a slice of 13 characters or more as a view of the whole string (SlicedString::kMinLength). */
const SLICE_VIEW_MIN_LENGTH = 13;

/**
 * `text.slice(from, to)` as a string of its own: a longer slice would keep its piece alive. The
 * concatenation is flattened (copied) by `slice`, whose result views the copy, not the piece.
 */
const sliceOwn = (text: string, from: number, to: number): string =>
  (to - from < SLICE_VIEW_MIN_LENGTH ? text.slice(from, to) : (' ' + text.slice(from, to)).slice(1));

/**
 * Short cell texts seen recently, so that a value repeated down a column (a village, a signal
 * word, a count) is one string rather than one per row: fewer strings to allocate and to keep
 * (strings are values: sharing one is invisible). A direct-mapped cache keyed by a hash of the
 * cell's code units, checked with `startsWith` (no allocation on a hit). A column whose values
 * rarely repeat (ids, coordinates) stops being looked up after its first `PROBE_CELLS` cells.
 */
class CellInterner {
  private static readonly SIZE = 1 << 14;
  /** Longer cells are not looked up. */
  private static readonly MAX_LENGTH = 12;
  private static readonly PROBE_CELLS = 2048;
  private readonly cache: (string | undefined)[] = new Array<string | undefined>(CellInterner.SIZE).fill(undefined);
  private readonly tries: number[] = [];
  private readonly hits: number[] = [];
  /** The piece being read. */
  text = '';

  /** `text.slice(from, to)`, shared with an earlier equal cell of the same column when one is cached. */
  slice(from: number, to: number, column: number): string {
    const text = this.text;
    const length = to - from;
    if (length === 0) return '';
    const tries = this.tries[column] ?? 0;
    if (length > CellInterner.MAX_LENGTH || (tries >= CellInterner.PROBE_CELLS && (this.hits[column] ?? 0) * 4 < tries)) {
      return sliceOwn(text, from, to);
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

export class CsvChunkReader {
  /** Pieces held until the first non-blank line has ended (the delimiter is known); null after. */
  private head: string[] | null = [];
  private readonly detector = new DelimiterDetector();
  /** A non-empty piece was seen (a BOM is looked for at its start). */
  private started = false;
  private finished = false;
  private delimiterCode = 44;
  private readonly interner = new CellInterner();

  private mode: Mode = FIELD;
  /** 1-based line of the file the reader is on. */
  private line = 1;
  /** Line where the current record starts; the quoted field's opening line. */
  private startLine = 1;
  private openLine = 1;
  /** The current record's cells so far; whether they are all empty. */
  private readonly cells: string[] = [];
  private blank = true;
  private pending = '';
  private parts: string[] = [];

  private header: RawRow | undefined;
  private readonly rows: RawRow[] = [];

  /** Reads the next piece of the text. */
  push(piece: string): void {
    if (this.finished) throw new Error('CsvChunkReader: push after finish');
    let text = piece;
    if (!this.started) {
      if (text === '') return;
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.head) {
      this.head.push(text);
      if (this.detector.feed(text)) this.readHead();
      return;
    }
    this.read(text);
  }

  private readHead(): void {
    const text = this.head!.join('');
    this.head = null;
    this.delimiterCode = this.detector.delimiter.charCodeAt(0);
    this.read(text);
  }

  /** The state machine over one piece. Locals mirror the fields (written back at the end). */
  private read(text: string): void {
    const n = text.length;
    if (n === 0) return;
    const d = this.delimiterCode;
    const tabIsSpace = d !== TAB; // a tab before a quote is a leading space unless it is the delimiter
    const interner = this.interner;
    interner.text = text;
    const cells = this.cells;
    let mode = this.mode;
    let line = this.line;
    let startLine = this.startLine;
    let blank = this.blank;
    let i = 0;
    let c = 0;
    // The character that decides what the previous piece's last one meant.
    if (mode === RECORD_CR || mode === QUOTED_CR) {
      if (text.charCodeAt(0) === LF) i = 1;
      mode = mode === RECORD_CR ? FIELD : QUOTED;
    } else if (mode === QUOTED_QUOTE) {
      if (text.charCodeAt(0) === QUOTE) {
        this.parts.push('"');
        i = 1;
        mode = QUOTED;
      } else mode = AFTER_QUOTE;
    }
    outer: while (i < n) {
      let value: string;
      let k: number; // the delimiter or line break that ends the field
      switch (mode) {
        case FIELD: {
          let j = i;
          while (j < n && ((c = text.charCodeAt(j)) === SPACE || (c === TAB && tabIsSpace))) j++;
          if (j >= n) { i = n; break outer; }
          if (c === QUOTE) {
            this.openLine = line;
            this.parts = [];
            i = j + 1;
            mode = QUOTED;
            continue outer;
          }
          k = j;
          while (k < n && (c = text.charCodeAt(k)) !== d && c !== CR && c !== LF) k++;
          if (k >= n) {
            this.pending = sliceOwn(text, j, n);
            mode = UNQUOTED;
            i = n;
            break outer;
          }
          value = interner.slice(j, k, cells.length);
          break;
        }
        case UNQUOTED: {
          k = i;
          while (k < n && (c = text.charCodeAt(k)) !== d && c !== CR && c !== LF) k++;
          if (k >= n) {
            this.pending += sliceOwn(text, i, n);
            i = n;
            break outer;
          }
          value = this.pending + sliceOwn(text, i, k);
          this.pending = '';
          break;
        }
        case QUOTED: {
          const parts = this.parts;
          for (;;) {
            if (i >= n) break outer;
            c = text.charCodeAt(i);
            if (c === QUOTE) {
              if (i + 1 >= n) { i = n; mode = QUOTED_QUOTE; break outer; }
              if (text.charCodeAt(i + 1) === QUOTE) { parts.push('"'); i += 2; continue; }
              i++;
              mode = AFTER_QUOTE;
              continue outer;
            }
            if (c === CR || c === LF) {
              parts.push('\n');
              line++;
              if (c === LF) i++;
              else if (i + 1 >= n) { i = n; mode = QUOTED_CR; break outer; }
              else i += text.charCodeAt(i + 1) === LF ? 2 : 1;
              continue;
            }
            let e = i + 1;
            while (e < n && (c = text.charCodeAt(e)) !== QUOTE && c !== CR && c !== LF) e++;
            parts.push(sliceOwn(text, i, e));
            i = e;
          }
        }
        // (the loop above leaves only by `break outer` or `continue outer`)
        case AFTER_QUOTE: {
          k = i;
          while (k < n && (c = text.charCodeAt(k)) !== d && c !== CR && c !== LF) k++;
          this.parts.push(sliceOwn(text, i, k));
          if (k >= n) { i = n; break outer; }
          value = this.parts.join('');
          this.parts = [];
          break;
        }
        default:
          throw new Error(`CsvChunkReader: unexpected state ${mode}`);
      }
      // A field ended at k, on the delimiter or a line break.
      const cell = value.trim();
      if (cell !== '') blank = false;
      cells.push(cell);
      mode = FIELD;
      c = text.charCodeAt(k);
      if (c === d) { i = k + 1; continue; }
      if (!blank) this.keep({ line: startLine, cells: cells.slice() });
      line++;
      startLine = line;
      cells.length = 0;
      blank = true;
      if (c === LF) i = k + 1;
      else if (k + 1 >= n) { i = n; mode = RECORD_CR; }
      else i = k + (text.charCodeAt(k + 1) === LF ? 2 : 1);
    }
    this.mode = mode;
    this.line = line;
    this.startLine = startLine;
    this.blank = blank;
    interner.text = '';
  }

  private keep(row: RawRow): void {
    if (this.header === undefined) this.header = row;
    else this.rows.push(row);
  }

  /** The end of the text: the last record, then the table (see the header for what it throws). */
  finish(): CsvTable {
    if (this.finished) throw new Error('CsvChunkReader: finish twice');
    this.finished = true;
    if (this.head) this.readHead();
    const mode = this.mode;
    if (mode === QUOTED || mode === QUOTED_CR) {
      const openLine = this.openLine;
      throw new UserInputError('unterminated_quote', `line ${openLine}: a quoted field starts here and is never closed (missing ")`, { line: openLine });
    }
    if (mode !== RECORD_CR) {
      const value = mode === UNQUOTED ? this.pending : mode === FIELD ? '' : this.parts.join('');
      const cell = value.trim();
      this.cells.push(cell);
      if (cell !== '' || !this.blank) this.keep({ line: this.startLine, cells: this.cells.slice() });
    }
    const { header, rows } = this;
    if (!header) throw new UserInputError('empty_file', 'the file is empty (no header line and no data)');
    const headers = header.cells.slice();
    while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
    const width = headers.length;
    let cellCount = 0;
    for (const r of rows) cellCount += Math.max(r.cells.length, width);
    checkTableCells(cellCount); // before padding: a wide header over many short rows would allocate rows × width
    // The rows' cell arrays are this reader's own: padded in place.
    for (const r of rows) while (r.cells.length < width) r.cells.push('');
    return { headers, rows, delimiter: this.detector.delimiter, headerLine: header.line };
  }
}
