/**
 * Reads an uploaded file's bytes into a `RawTable`, whatever its format: the format-detecting
 * front half shared by `parseHouseholdsFile` and `parseSitesFile`.
 *
 * Computes: by `sniffFileFormat` — an .xlsx workbook → `readXlsxTable` (the chosen sheet, or the
 * first visible one); other text → GeoJSON (`readGeojsonTable` on the text `decodeText` gives,
 * with the user's encoding override if any, when the name ends in .geojson/.json or the text
 * starts with `{`) or CSV (`readCsvBytes`: decoded and read piece by piece, the same table as
 * `readCsvTable` on the whole text, which never exists as one string). Progress (`onProgress`,
 * bytes done of all): CSV after each piece; workbooks and GeoJSON none (read in one step).
 * Returns the table, the format, the encoding (always 'utf-8'
 * for workbooks, whose XML is Unicode; the override does not apply to them), the sheet read and
 * every sheet's name (workbooks), and the GeoJSON reader's `not_a_point` issues.
 * Throws `UserInputError`: `file_too_large` for a text file over `INPUT_LIMITS.maxTextBytes`
 * (300 MB; checked before decoding); `empty_file`; `xls_not_supported` (.xls or password-protected);
 * `not_a_workbook` (a web page or other binary under an Excel name; a damaged workbook);
 * `unsupported_format` when GeoJSON is not accepted (`refuseGeojson` says why); and the readers'
 * own codes (`workbook_too_large`, `sheet_not_found`, `unterminated_quote`, `invalid_json`,
 * `too_many_cells`, `json_too_deep`, ...). `maxCellsOf` gives the cell limit of each format.
 * Cost: that of the reader; O(size of the file); memory: the table, the bytes, and for CSV one
 * piece of text (1 MiB of bytes) instead of the whole text.
 */
import type { ImportIssue, RawTable } from '../model/types.ts';
import { UserInputError } from '../model/errors.ts';
import type { TextEncoding } from '../model/import-options.ts';
import { decodeText, type DetectedEncoding } from './decode-text.ts';
import { looksLikeGeojson } from './looks-like-geojson.ts';
import { readCsvBytes } from './read-csv-bytes.ts';
import { readCsvTable } from './read-csv-table.ts';
import { readGeojsonTable } from './read-geojson-table.ts';
import { readXlsxTable } from './read-xlsx-table.ts';
import { checkTextSize, INPUT_LIMITS } from './input-limits.ts';
import { checkWorkbookBytes, WORKBOOK_LIMITS } from './unzip-workbook-parts.ts';
import { sniffFileFormat } from './sniff-file-format.ts';

export interface ReadInputTableOptions {
  /** The user's choice of text encoding (CSV, GeoJSON); detected when absent. */
  encoding?: TextEncoding;
  /** Worksheet to read (workbooks); the first visible one when absent. */
  sheet?: string;
  /** When set, GeoJSON is refused with this message (`unsupported_format`). */
  refuseGeojson?: string;
  /** Bytes read so far, of all of them (CSV: after each piece of text). */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  /** Bytes of a CSV file decoded at a time (`DEFAULT_CHUNK_BYTES` when absent; tests set small ones). */
  chunkBytes?: number;
}

export interface InputTable {
  table: RawTable;
  format: 'csv' | 'geojson' | 'xlsx';
  encoding: DetectedEncoding;
  /** Workbooks: the sheet read and every worksheet's name. */
  sheet?: string;
  sheets?: string[];
  /** Issues the reader raised (GeoJSON `not_a_point`), and the rows it rejected with them. */
  readerIssues: ImportIssue[];
  rejected: number;
}

export async function readInputTable(input: { name: string; bytes: Uint8Array }, options: ReadInputTableOptions = {}): Promise<InputTable> {
  const { name, bytes } = input;
  const kind = sniffFileFormat(name, bytes);
  if (kind === 'xlsx') {
    const { sheet, sheets, ...table } = await readXlsxTable(bytes, options.sheet);
    return { table, format: 'xlsx', encoding: 'utf-8', sheet, sheets, readerIssues: [], rejected: 0 };
  }
  if (kind === 'ole') checkWorkbookBytes(bytes); // throws xls_not_supported
  if (kind === 'html') {
    throw new UserInputError('not_a_workbook',
      `${name} is a web page (HTML) saved under an Excel name, not a workbook; open it in Excel or WPS and save it as .xlsx or CSV`);
  }
  if (kind === 'binary') {
    throw new UserInputError('not_a_workbook', `${name} is named like an Excel file but is neither an .xlsx workbook nor text`);
  }
  checkTextSize(bytes.length, name || undefined); // before decoding: the text would be as large again, or larger
  if (!looksLikeGeojson(name, '')) { // not by its name: CSV, unless its text starts with `{`
    const csv = readCsvBytes(bytes, { encoding: options.encoding, chunkBytes: options.chunkBytes, onProgress: options.onProgress });
    if (csv.kind === 'blank') throw new UserInputError('empty_file', `${name || 'the file'} is empty`);
    if (csv.kind === 'csv') {
      const { delimiter: _delimiter, ...table } = csv.table;
      return { table, format: 'csv', encoding: csv.encoding, readerIssues: [], rejected: 0 };
    }
  }
  const { text, encoding } = decodeText(bytes, options.encoding);
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new UserInputError('empty_file', `${name || 'the file'} is empty`);
  if (looksLikeGeojson(name, text)) {
    if (options.refuseGeojson !== undefined) throw new UserInputError('unsupported_format', options.refuseGeojson);
    const { table, issues, rejected } = readGeojsonTable(text);
    return { table, format: 'geojson', encoding, readerIssues: issues, rejected };
  }
  const { delimiter: _delimiter, ...table } = readCsvTable(text);
  return { table, format: 'csv', encoding, readerIssues: [], rejected: 0 };
}

/** The most cells a table read in `format` may hold once padded (for `promoteHeaderRow`). */
export const maxCellsOf = (format: InputTable['format']): number =>
  (format === 'xlsx' ? WORKBOOK_LIMITS.maxCells : INPUT_LIMITS.maxTableCells);
