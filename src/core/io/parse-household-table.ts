/**
 * From a table of text cells and a column mapping to households (FORMATS.md §1): the format-free
 * half of `parseHouseholds`, so that other readers (Excel, a column-mapping dialog) feed the same
 * validation, merging and classification.
 *
 * Throws `UserInputError`: `no_header` (no lon/lat column and the header looks like data),
 * `no_coordinate_columns` (no lon/lat column and some row has no point), `no_data_rows` (nothing
 * but a header). Issues are sorted by line (stable); messages say "line N" for CSV, "feature N"
 * for GeoJSON and "row N" for Excel sheets. Nothing is dropped silently:
 * `rows` = reports in households + rows with an error issue.
 *
 * Two paths, one result. The reference is `validateRows` → `mergeHouseholds` (row objects, one
 * closure per row). Tables of text cells (CSV, Excel: no GeoJSON point) whose personal columns have
 * distinct headers take the fast path (issue 9, 1,000,000 rows): rows whose cells all read
 * plainly — coordinates that `parseNumber` reads inside China's box, each measure empty or valid —
 * are validated in place into parallel arrays (no per-row object or closure); any other row (a
 * problem, a DMS coordinate, a swapped pair) goes through `validateRows` on its own, which says
 * exactly what the reference says of it; then `outside_area` (`flagOutlyingPositions`, the
 * reference's rule over columns) and the merge (`mergeValidColumns`, `mergeHouseholds`' rules) into
 * columns: a `HouseholdTable` and a `HouseholdDetailsTable`. With `columnsAbove` and more homes
 * than that, those are the result (`homeColumns`; the worker and the CLI hold a million homes so);
 * otherwise `householdsOfColumns` makes the `Household` objects, of the same shape and key order
 * as the reference's. Tests pin the two paths equal (households, issues, in order, field for field)
 * on the fixtures, fuzzed tables and a 50,000-row seeded file.
 * Cost: O(rows × columns) on the fast path (O(rows log rows) on the reference's); measured (Node 20,
 * 2 shared cores, seeded 9-column file): 1,000,000 rows → 959,490 households ~2.5 s for this step,
 * ~4 s from bytes (`parseHouseholdsFile`) against ~19 s for the pre-issue-9 pipeline
 * (`npm run bench -- --only=parse`).
 * Progress: `onProgress(step, done, total)`, every `PROGRESS_EVERY_ROWS` rows on the fast path:
 * 'validating' counts the table's rows (`outside_area` included), then 'merging' the valid rows
 * merged into households (as long again: 0.7–1.8 s and 1.7–3.2 s at 1,000,000 rows, Node 20 at
 * load 7–8);
 * each step starts at (0, total) and ends at (total, total), never decreasing. The reference
 * path says only where each step starts and ends.
 */
import type { ColumnMapping, Household, HouseholdField, ImportIssue, KnownClass, ParseResult, RawTable } from '../model/types.ts';
import type { HouseholdTable } from '../model/household-table.ts';
import type { HouseholdDetailsTable } from '../model/household-details-table.ts';
import { DEFAULT_CLASSIFY_SETTINGS, VALUE_LIMITS, type ClassifySettings } from '../model/thresholds.ts';
import { UserInputError } from '../model/errors.ts';
import { CHINA_BOUNDS } from './check-coordinates.ts';
import { HOUSEHOLD_COLUMN_ALIASES } from './detect-columns.ts';
import { flagOutlyingPositions } from './flag-outlying-rows.ts';
import { householdsOfColumns } from './households-of-columns.ts';
import { mergeHouseholds } from './merge-households.ts';
import { mergeValidColumns, PROGRESS_EVERY_ROWS } from './merge-valid-columns.ts';
import { parseNumber } from './parse-number.ts';
import { parseReportDate } from './parse-report-date.ts';
import { parseSignalCategory } from './parse-signal-category.ts';
import { toWgs84 } from './to-wgs84.ts';
import { ValidColumns } from './valid-columns.ts';
import { validateRows, type ValidateRowsOptions } from './validate-rows.ts';

export interface ParseHouseholdTableOptions extends ValidateRowsOptions {
  format: ParseResult['format'];
  settings?: ClassifySettings;
  /** Issues raised by the reader (e.g. GeoJSON `not_a_point`). */
  readerIssues?: ImportIssue[];
  /** Rows the reader rejected (each with an error issue in `readerIssues`). */
  rejected?: number;
  /** Rows validated, then merged, so far (see the header for when it is called). */
  onProgress?: TableProgress;
  /**
   * Above this many households (fast path only), the result gives them as columns — `homeColumns` —
   * and `households` is empty: no object per home (issue 9 §1). Default: never.
   */
  columnsAbove?: number;
}

/** A `ParseResult` whose homes may be columns instead (`columnsAbove`). */
export interface TableParseResult extends ParseResult {
  /** The homes as columns, when there were more than `columnsAbove`; `households` is empty then. */
  homeColumns?: { table: HouseholdTable; details: HouseholdDetailsTable };
}

/** The steps of `parseHouseholdTable`, in order. */
export type TableStep = 'validating' | 'merging';
export type TableProgress = (step: TableStep, rowsDone: number, rowsTotal: number) => void;

export { PROGRESS_EVERY_ROWS };

export function parseHouseholdTable(table: RawTable, mapping: ColumnMapping, options: ParseHouseholdTableOptions): TableParseResult {
  const settings = options.settings ?? DEFAULT_CLASSIFY_SETTINGS;
  const hasLon = mapping.fields.includes('lon');
  const hasLat = mapping.fields.includes('lat');
  if ((!hasLon || !hasLat) && table.rows.some((r) => !r.point)) {
    const looksLikeData = table.headers.length > 0 && table.headers.every((h) => h === '' || parseNumber(h) !== null);
    if (looksLikeData) {
      throw new UserInputError('no_header',
        `the first line (${table.headers.slice(0, 4).join(', ')}…) looks like data, not a header; `
        + 'add a header line naming the columns (e.g. id,lon,lat,signal)');
    }
    const missing = [hasLon ? '' : 'longitude', hasLat ? '' : 'latitude'].filter(Boolean).join(' and ');
    throw new UserInputError('no_coordinate_columns',
      `no ${missing} column found; headers were: ${table.headers.join(', ') || '(none)'}; `
      + `accepted: ${[...HOUSEHOLD_COLUMN_ALIASES.lon, ...HOUSEHOLD_COLUMN_ALIASES.lat].join(', ')}`,
      { missing });
  }
  const validateOptions: ValidateRowsOptions = { crs: options.crs, fixSwappedLines: options.fixSwappedLines };
  let validated: { issues: ImportIssue[]; read: number };
  let merged: { households: Household[]; issues: ImportIssue[]; homeColumns?: TableParseResult['homeColumns'] };
  const onProgress = options.onProgress;
  const rowsTotal = table.rows.length;
  onProgress?.('validating', 0, rowsTotal);
  const fast = fastPathApplies(table, mapping) ? validateFast(table, mapping, validateOptions, onProgress) : null;
  if (fast) {
    validated = fast;
    if (fast.read + (options.rejected ?? 0) === 0) throw new UserInputError('no_data_rows', 'the file has a header but no data rows');
    const { table: homes, details, issues } = mergeValidColumns(fast.rows, keptRows(fast.rows, fast.issues), settings, onProgress);
    merged = homes.count > (options.columnsAbove ?? Infinity)
      ? { households: [], issues, homeColumns: { table: homes, details } }
      : { households: householdsOfColumns(homes, details), issues };
  } else {
    const reference = validateRows(table, mapping, validateOptions);
    onProgress?.('validating', rowsTotal, rowsTotal);
    onProgress?.('merging', 0, reference.rows.length);
    validated = reference;
    if (reference.read + (options.rejected ?? 0) === 0) throw new UserInputError('no_data_rows', 'the file has a header but no data rows');
    merged = mergeHouseholds(reference.rows, settings);
    onProgress?.('merging', reference.rows.length, reference.rows.length);
  }
  const rows = validated.read + (options.rejected ?? 0);
  let issues = [...(options.readerIssues ?? []), ...validated.issues, ...merged.issues];
  const unit = options.format === 'geojson' ? 'feature' : options.format === 'xlsx' ? 'row' : 'line';
  if (unit !== 'line') {
    issues = issues.map((i) => ({ ...i, message: i.message.replace(/^line (\d+):/, `${unit} $1:`) }));
  }
  issues.sort((a, b) => a.line - b.line);
  return {
    rows,
    households: merged.households,
    issues,
    ...(merged.homeColumns ? { homeColumns: merged.homeColumns } : {}),
    mapping: table.headers.map((header, i) => ({ header, field: mapping.fields[i] ?? null })),
    format: options.format,
  };
}

/** The fast path takes tables without GeoJSON points whose personal columns have distinct keys. */
function fastPathApplies(table: RawTable, mapping: ColumnMapping): boolean {
  const keys = new Set<string>();
  for (let col = 0; col < mapping.fields.length; col++) {
    if (mapping.fields[col] !== 'personal') continue;
    const key = personalKey(table, col);
    if (keys.has(key)) return false; // suffixes ("姓名 (2)") depend on the row: the reference path
    keys.add(key);
  }
  for (const row of table.rows) if (row.point) return false;
  return true;
}

const personalKey = (table: RawTable, col: number): string => table.headers[col] ?? `column ${col + 1}`;

/** A mapped cell, trimmed; '' when the field has no column. */
const cellOf = (cells: readonly string[], col: number): string => (col < 0 ? '' : (cells[col] ?? '').trim());

const isBlankRow = (cells: readonly string[]): boolean => {
  for (const c of cells) if (c !== '' && c.trim() !== '') return false;
  return true;
};

const inside = (v: number, lo: number, hi: number): boolean => v >= lo && v <= hi;

/**
 * `validateRows` for a table without points: the same rows, issues (in the same order) and count.
 * Rows that read plainly are validated here; any other row by `validateRows` on its own (whose
 * `outside_area` test, against a single row's own position, never fires); `outside_area` last.
 */
function validateFast(
  table: RawTable, mapping: ColumnMapping, options: ValidateRowsOptions, onProgress?: TableProgress,
): { rows: ValidColumns; issues: ImportIssue[]; read: number } {
  const col = (field: HouseholdField): number => mapping.fields.indexOf(field); // the first column of a field, as validateRows
  const [lonCol, latCol, idCol, studentsCol, countyCol, townshipCol, villageCol, signalCol, rsrpCol, downCol, dateCol, operatorCol] = (
    ['lon', 'lat', 'id', 'students', 'county', 'township', 'village', 'signal', 'rsrp_dbm', 'down_mbps', 'reported_at', 'operator'] as const
  ).map(col) as [number, number, number, number, number, number, number, number, number, number, number, number];
  const personalColumns: number[] = [];
  const personalKeys: string[] = [];
  mapping.fields.forEach((field, c) => {
    if (field === 'personal') { personalColumns.push(c); personalKeys.push(personalKey(table, c)); }
  });
  const wgs84 = options.crs === undefined || options.crs === 'wgs84';
  const b = CHINA_BOUNDS;
  const L = VALUE_LIMITS;
  const out = new ValidColumns(table.rows.length, personalKeys);
  const issues: ImportIssue[] = [];
  let read = 0;
  const rowsTotal = table.rows.length;
  let nextReport = PROGRESS_EVERY_ROWS;

  for (let r = 0; r < rowsTotal; r++) {
    if (r === nextReport) {
      onProgress?.('validating', r, rowsTotal);
      nextReport += PROGRESS_EVERY_ROWS;
    }
    const row = table.rows[r]!;
    const cells = row.cells;
    if (isBlankRow(cells)) continue;
    read++;
    // Coordinates: plain numbers inside China's box is `checkCoordinates` with nothing to say.
    const lon = parseNumber(cellOf(cells, lonCol));
    const lat = parseNumber(cellOf(cells, latCol));
    let plain = lon !== null && lat !== null && inside(lon, b.minLon, b.maxLon) && inside(lat, b.minLat, b.maxLat);
    let students = -1;
    let signal: KnownClass | undefined;
    let rsrpDbm: number | undefined;
    let downMbps: number | undefined;
    let reportedAt: string | undefined;
    if (plain) {
      const s = cellOf(cells, studentsCol);
      if (s !== '') {
        const v = parseNumber(s);
        if (v !== null && Number.isInteger(v) && v >= 0 && v <= L.studentsMax) students = v;
        else plain = false;
      }
    }
    if (plain) {
      const s = cellOf(cells, signalCol);
      if (s !== '') {
        const v = parseSignalCategory(s);
        if (v !== null) signal = v;
        else plain = false;
      }
    }
    if (plain) {
      const s = cellOf(cells, rsrpCol);
      if (s !== '') {
        const v = parseNumber(s);
        if (v !== null && v >= L.rsrpMinDbm && v <= L.rsrpMaxDbm) rsrpDbm = v;
        else plain = false;
      }
    }
    if (plain) {
      const s = cellOf(cells, downCol);
      if (s !== '') {
        const v = parseNumber(s);
        if (v !== null && v >= L.downMinMbps && v <= L.downMaxMbps) downMbps = v;
        else plain = false;
      }
    }
    if (plain) {
      const s = cellOf(cells, dateCol);
      if (s !== '') {
        if (parseReportDate(s) !== null) reportedAt = s;
        else plain = false;
      }
    }
    if (!plain || lon === null || lat === null) {
      // Something to say about this row: the reference says it.
      const one = validateRows({ headers: table.headers, rows: [row] }, mapping, options);
      for (const issue of one.issues) issues.push(issue);
      for (const r of one.rows) out.pushValidRow(r);
      continue;
    }
    let x = lon;
    let y = lat;
    if (!wgs84) [x, y] = toWgs84(lon, lat, options.crs);
    const k = out.push(row.line, x, y, cellOf(cells, idCol) || undefined, students, cellOf(cells, countyCol) || undefined,
      cellOf(cells, townshipCol) || undefined, cellOf(cells, villageCol) || undefined, signal, rsrpDbm, downMbps, reportedAt,
      cellOf(cells, operatorCol) || undefined);
    for (let p = 0; p < personalColumns.length; p++) out.personal[p]![k] = (cells[personalColumns[p]!] ?? '').trim() || undefined;
  }
  issues.push(...flagOutlyingPositions(out.lon.subarray(0, out.count), out.lat.subarray(0, out.count), (k) => out.line[k]!, VALUE_LIMITS.outsideAreaM));
  onProgress?.('validating', rowsTotal, rowsTotal);
  return { rows: out, issues, read };
}

/** 1 per valid row not flagged `outside_area` (by line, as `validateRows` filters). */
function keptRows(rows: ValidColumns, issues: readonly ImportIssue[]): Uint8Array {
  const kept = new Uint8Array(rows.count).fill(1);
  const outlying = new Set<number>();
  for (const issue of issues) if (issue.code === 'outside_area' && issue.field === 'row') outlying.add(issue.line);
  if (outlying.size === 0) return kept;
  for (let k = 0; k < kept.length; k++) if (outlying.has(rows.line[k]!)) kept[k] = 0;
  return kept;
}
