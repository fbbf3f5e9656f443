/**
 * The CSV reader as it was before issue 9 (`readCsvTable` at commit 15d1d3e): one record object per
 * line with its own cell array, blank records filtered, then every row's cells copied once more to
 * pad them. Kept as the reference the fast reader is compared with (bench `--only=parse`, and
 * `test/unit/core/io/read-csv-table-reference.test.ts`): same `CsvTable` for every text.
 * Cost: O(n), ~3× the allocations of `readCsvTable`.
 */
import type { RawRow } from '../../src/core/model/types.ts';
import { UserInputError } from '../../src/core/model/errors.ts';
import { checkTableCells } from '../../src/core/io/input-limits.ts';
import { detectDelimiter, type CsvDelimiter, type CsvTable } from '../../src/core/io/read-csv-table.ts';

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

export function referenceReadCsvTable(input: string): CsvTable {
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
