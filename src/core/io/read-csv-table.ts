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
 * padding). Cost: O(n) time, one pass; memory O(n).
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

interface CsvRecord {
  line: number;
  cells: string[];
}

function readRecords(text: string, delimiter: CsvDelimiter): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  const isBreak = (c: string | undefined) => c === '\n' || c === '\r';
  for (;;) {
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      // One field. A quote may follow leading spaces (never tabs when tab is the delimiter).
      let j = i;
      while (j < n && (text[j] === ' ' || (text[j] === '\t' && delimiter !== '\t'))) j++;
      let value: string;
      if (text[j] === '"') {
        const openLine = line;
        i = j + 1;
        const parts: string[] = [];
        for (;;) {
          if (i >= n) {
            throw new UserInputError('unterminated_quote',
              `line ${openLine}: a quoted field starts here and is never closed (missing ")`,
              { line: openLine });
          }
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') { parts.push('"'); i += 2; continue; }
            i++;
            break;
          }
          if (c === '\r' || c === '\n') {
            parts.push('\n');
            i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
            line++;
            continue;
          }
          let k = i + 1;
          while (k < n && text[k] !== '"' && !isBreak(text[k])) k++;
          parts.push(text.slice(i, k));
          i = k;
        }
        let k = i;
        while (k < n && text[k] !== delimiter && !isBreak(text[k])) k++;
        parts.push(text.slice(i, k));
        i = k;
        value = parts.join('');
      } else {
        let k = i;
        while (k < n && text[k] !== delimiter && !isBreak(text[k])) k++;
        value = text.slice(i, k);
        i = k;
      }
      cells.push(value.trim());
      if (i < n && text[i] === delimiter) { i++; continue; }
      break;
    }
    records.push({ line: startLine, cells });
    if (i >= n) break;
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    if (i >= n) break;
  }
  return records;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c === '');

export function readCsvTable(input: string): CsvTable {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records = readRecords(text, delimiter).filter((r) => !isBlank(r.cells));
  const [header, ...data] = records;
  if (!header) throw new UserInputError('empty_file', 'the file is empty (no header line and no data)');
  const headers = header.cells.slice();
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  let cellCount = 0;
  for (const r of data) cellCount += Math.max(r.cells.length, headers.length);
  checkTableCells(cellCount); // before padding: a wide header over many short rows would allocate rows × width
  const rows: RawRow[] = data.map((r) => {
    const cells = r.cells.slice();
    while (cells.length < headers.length) cells.push('');
    return { line: r.line, cells };
  });
  return { headers, rows, delimiter, headerLine: header.line };
}
