/**
 * The one entry for a household report file as a user gives it (FORMATS.md §1, issue 5): bytes
 * in, households and row-level issues out, whatever the format.
 *
 * Pipeline: `readInputTable` (detects .xlsx by its zip signature, else decodes the text — UTF-8,
 * GBK/GB18030 or UTF-16, or the user's `encoding` — and reads GeoJSON or CSV) →
 * `promoteHeaderRow` (a header below title rows is found) → the user's `mapping`, else a mapping
 * remembered for files with the same `headerSignature` (`rememberedMappings`), else
 * `detectColumns` → `parseHouseholdTable` (validation with `crs` conversion and the agreed
 * `fixSwappedLines`, merging, classes with `settings`).
 * Returns the `ParseResult` plus the encoding, the sheet read and every sheet's name (workbooks),
 * the columns for a mapping dialog (`describeColumns`: samples, personal ones masked), where the
 * mapping came from (`mappingSource`) and the header signature to remember a mapping by. `inspectHouseholdsFile` returns the same file
 * description without validating — for the dialog when no coordinate column was found.
 * Throws `UserInputError` for unusable files (see `readInputTable`, `parseHouseholdTable`,
 * `resolveColumnMapping`). Synchronous inside (async for the API): run it in the worker.
 * Progress (`onProgress`, `IMPORT_STAGES` in order, each from done 0 to done = total, never
 * decreasing within a stage): 'reading' in bytes of the file — for CSV after each 1 MiB piece;
 * workbooks and GeoJSON are read in one step, said as total 0 (not measured) —, then
 * 'validating' in rows of the table and 'merging' in valid rows, every 10,000 rows
 * (`parseHouseholdTable`).
 * Cost: O(size of the file) plus O(rows log rows).
 */
import type { ImportOptions } from '../model/import-options.ts';
import type { ColumnMapping, ParseResult, RawTable } from '../model/types.ts';
import { looksLikeHouseholdHeader } from './detect-columns.ts';
import { describeColumns, type ColumnDescription } from './describe-columns.ts';
import { headerSignature } from './header-signature.ts';
import { parseHouseholdTable, type TableParseResult, type TableStep } from './parse-household-table.ts';
import { promoteHeaderRow } from './promote-header-row.ts';
import { maxCellsOf, readInputTable, type InputTable } from './read-input-table.ts';
import { resolveColumnMapping } from './resolve-column-mapping.ts';

/** How the file was read, for the import summary and the mapping dialog. */
export interface HouseholdsFileDescription {
  format: ParseResult['format'];
  /** Text encoding detected or chosen ('utf-8' for workbooks). */
  encoding: string;
  /** Workbooks: the sheet read and every worksheet's name. */
  sheet?: string;
  sheets?: string[];
  /** Line (sheet row) of the header. */
  headerLine?: number;
  /** Each column with the field it feeds and sample values. */
  columns: ColumnDescription[];
  /** Key to remember the user's mapping by (`headerSignature`). */
  headerSignature: string;
  /** Where the column mapping came from: `options.mapping`, `options.rememberedMappings`, or the header. */
  mappingSource: 'user' | 'remembered' | 'detected';
}

export type HouseholdsFileResult = ParseResult & HouseholdsFileDescription;

interface PreparedTable {
  read: InputTable;
  table: RawTable;
  mapping: ColumnMapping;
  signature: string;
  source: HouseholdsFileDescription['mappingSource'];
}

async function prepare(
  input: { name: string; bytes: Uint8Array }, options: ImportOptions, onBytes?: (bytesDone: number, bytesTotal: number) => void,
): Promise<PreparedTable> {
  const read = await readInputTable(input, { encoding: options.encoding, sheet: options.sheet, onProgress: onBytes });
  const table = read.format === 'geojson' ? read.table
    : promoteHeaderRow(read.table, looksLikeHouseholdHeader, 10, maxCellsOf(read.format));
  const signature = headerSignature(table.headers);
  const remembered = options.mapping === undefined && options.rememberedMappings && Object.hasOwn(options.rememberedMappings, signature)
    ? options.rememberedMappings[signature] : undefined;
  const source = options.mapping !== undefined ? 'user' : remembered !== undefined ? 'remembered' : 'detected';
  return { read, table, signature, source, mapping: resolveColumnMapping(table.headers, options.mapping ?? remembered) };
}

function describe({ read, table, mapping, signature, source }: PreparedTable): HouseholdsFileDescription {
  return {
    format: read.format,
    encoding: read.encoding,
    ...(read.sheet !== undefined ? { sheet: read.sheet, sheets: read.sheets ?? [read.sheet] } : {}),
    ...(table.headerLine !== undefined ? { headerLine: table.headerLine } : {}),
    columns: describeColumns(table, mapping),
    headerSignature: signature,
    mappingSource: source,
  };
}

/** The steps of reading a household file, in order, for a progress indicator. */
export const IMPORT_STAGES = ['reading', 'validating', 'merging'] as const satisfies readonly ('reading' | TableStep)[];
export type ImportStage = (typeof IMPORT_STAGES)[number];

/** Where an import stands: `done` of `total` bytes (reading) or rows; total 0: not measured. */
export interface ImportProgress {
  stage: ImportStage;
  done: number;
  total: number;
}

/**
 * `columnsAbove`: above this many households (CSV and Excel files), they come as columns
 * (`homeColumns`: a `HouseholdTable` and its `HouseholdDetailsTable`) and `households` is empty
 * (`parseHouseholdTable`); default: never.
 */
export async function parseHouseholdsFile(
  input: { name: string; bytes: Uint8Array }, options: ImportOptions = {}, onProgress?: (progress: ImportProgress) => void,
  output: { columnsAbove?: number } = {},
): Promise<HouseholdsFileResult & Pick<TableParseResult, 'homeColumns'>> {
  onProgress?.({ stage: 'reading', done: 0, total: 0 });
  const prepared = await prepare(input, options, onProgress && ((done, total) => onProgress({ stage: 'reading', done, total })));
  const { read, table, mapping } = prepared;
  const result = parseHouseholdTable(table, mapping, {
    format: read.format, settings: options.settings, readerIssues: read.readerIssues, rejected: read.rejected,
    crs: options.crs, fixSwappedLines: options.fixSwappedLines,
    onProgress: onProgress && ((stage, done, total) => onProgress({ stage, done, total })),
    columnsAbove: output.columnsAbove,
  });
  return { ...result, ...describe(prepared) };
}

export async function inspectHouseholdsFile(
  input: { name: string; bytes: Uint8Array }, options: Pick<ImportOptions, 'encoding' | 'sheet' | 'mapping' | 'rememberedMappings'> = {},
): Promise<HouseholdsFileDescription & { rows: number }> {
  const prepared = await prepare(input, options);
  return { ...describe(prepared), rows: prepared.table.rows.length + prepared.read.rejected };
}
