/**
 * Turns the text cells of a household table into validated rows and row-level issues
 * (FORMATS.md §1). One pass per row, then one pass over all rows for `outside_area`.
 *
 * Errors (the row is not used): `missing_coordinate`, `not_a_number` (lon/lat), `out_of_range`
 * (lon/lat), `swapped_lat_lon`, `outside_area` (outside China, or far from the median lon/lat of
 * the rows whose coordinates passed: `flagOutlyingRows`, at least `VALUE_LIMITS.outsideAreaM`).
 * Warnings (the row is used, the field ignored or defaulted): `not_a_number` and `out_of_range`
 * for students (then 1), rsrp_dbm and down_mbps (then absent); `unknown_signal_value`;
 * `invalid_date`. Every problem of a row is reported, not only the first.
 * A row whose cells are all empty (and which has no point) is skipped and not counted.
 * Personal fields are copied into `personal` and never validated or quoted; columns sharing a
 * header are keyed `姓名`, `姓名 (2)`, `姓名 (3)`, ... (the first free suffix, found in O(1) amortised).
 * Options: `fixSwappedLines` — rows (by line, or 'all') whose swapped lon/lat the user agreed to
 * fix: they are used swapped back, with a `swapped_lat_lon` warning instead of the error;
 * `crs` — the coordinate system of the file: each usable position (cells or GeoJSON point) is
 * converted to WGS-84 (`toWgs84`) before the distance test and before it is stored.
 * Limits: lon/lat are decimal degrees or degrees-minutes-seconds (`parseCoordinate`). Messages
 * say "line N"; the caller rewords them for other row units (GeoJSON features, sheet rows).
 * Cost: O(rows × columns) plus O(rows log rows) for the median.
 */
import type { ColumnMapping, HouseholdField, ImportIssue, KnownClass, RawTable, Report } from '../model/types.ts';
import { VALUE_LIMITS } from '../model/thresholds.ts';
import { checkCoordinates } from './check-coordinates.ts';
import { flagOutlyingRows } from './flag-outlying-rows.ts';
import { parseNumber } from './parse-number.ts';
import { parseReportDate } from './parse-report-date.ts';
import { parseSignalCategory } from './parse-signal-category.ts';
import { quoteValue } from './quote-value.ts';
import type { InputCrs } from '../model/import-options.ts';
import { toWgs84 } from './to-wgs84.ts';
import { setOwn } from '../model/set-own.ts';

/** A row that passed validation: coordinates usable, fields parsed (report without its class). */
export interface ValidRow {
  line: number;
  /** The id as given (trimmed), absent when the row has none. */
  id?: string;
  lon: number;
  lat: number;
  /** Students as given and valid; absent when not given or rejected (the household defaults). */
  students?: number;
  county?: string;
  township?: string;
  village?: string;
  report: Omit<Report, 'cls'>;
  personal: Record<string, string>;
}

export interface ValidateRowsOptions {
  /** Coordinate system of the file; positions are converted to WGS-84 (default 'wgs84'). */
  crs?: InputCrs;
  /** Lines whose swapped lon/lat are fixed (the user agreed), or 'all'. */
  fixSwappedLines?: readonly number[] | 'all';
}

export interface ValidateRowsResult {
  rows: ValidRow[];
  issues: ImportIssue[];
  /** Rows considered: table rows minus the all-empty ones. */
  read: number;
}

interface Measured {
  signal?: KnownClass;
  rsrpDbm?: number;
  downMbps?: number;
  reportedAt?: string;
  students?: number;
}

/** Reads the optional measured fields, pushing warnings. */
function readMeasures(line: number, cell: (f: HouseholdField) => string, issues: ImportIssue[]): Measured {
  const out: Measured = {};
  const warn = (field: string, code: ImportIssue['code'], value: string, what: string) =>
    issues.push({ line, field, code, severity: 'warning', value: value.trim(),
      message: `line ${line}: ${field} ${quoteValue(value)} ${what}` });

  const students = cell('students');
  if (students !== '') {
    const n = parseNumber(students);
    if (n === null) warn('students', 'not_a_number', students, 'is not a number; counted as 1');
    else if (!Number.isInteger(n) || n < 0 || n > VALUE_LIMITS.studentsMax) {
      warn('students', 'out_of_range', students, `is not a whole number from 0 to ${VALUE_LIMITS.studentsMax}; counted as 1`);
    } else out.students = n;
  }
  const signal = cell('signal');
  if (signal !== '') {
    const category = parseSignalCategory(signal);
    if (category === null) {
      warn('signal', 'unknown_signal_value', signal, 'is not a signal category (none|poor|fair|good, 无|差|一般|好, 0–3); ignored');
    } else out.signal = category;
  }
  const rsrp = cell('rsrp_dbm');
  if (rsrp !== '') {
    const n = parseNumber(rsrp);
    if (n === null) warn('rsrp_dbm', 'not_a_number', rsrp, 'is not a number; ignored');
    else if (n < VALUE_LIMITS.rsrpMinDbm || n > VALUE_LIMITS.rsrpMaxDbm) {
      warn('rsrp_dbm', 'out_of_range', rsrp, `is outside ${VALUE_LIMITS.rsrpMinDbm}…${VALUE_LIMITS.rsrpMaxDbm} dBm; ignored`);
    } else out.rsrpDbm = n;
  }
  const down = cell('down_mbps');
  if (down !== '') {
    const n = parseNumber(down);
    if (n === null) warn('down_mbps', 'not_a_number', down, 'is not a number; ignored');
    else if (n < VALUE_LIMITS.downMinMbps || n > VALUE_LIMITS.downMaxMbps) {
      warn('down_mbps', 'out_of_range', down, `is outside ${VALUE_LIMITS.downMinMbps}…${VALUE_LIMITS.downMaxMbps} Mbit/s; ignored`);
    } else out.downMbps = n;
  }
  const date = cell('reported_at');
  if (date !== '') {
    if (parseReportDate(date) === null) {
      warn('reported_at', 'invalid_date', date, 'is not a date (e.g. 2025-03-01 or 2025-03-01T08:30); ignored');
    } else out.reportedAt = date.trim();
  }
  return out;
}

export function validateRows(table: RawTable, mapping: ColumnMapping, options: ValidateRowsOptions = {}): ValidateRowsResult {
  const fixAll = options.fixSwappedLines === 'all';
  const fixLines = new Set(Array.isArray(options.fixSwappedLines) ? options.fixSwappedLines : []);
  const columnOf = new Map<HouseholdField, number>();
  const personalColumns: number[] = [];
  mapping.fields.forEach((field, col) => {
    if (field === 'personal') personalColumns.push(col);
    else if (field !== null && !columnOf.has(field)) columnOf.set(field, col);
  });
  const issues: ImportIssue[] = [];
  const candidates: ValidRow[] = [];
  let read = 0;

  for (const row of table.rows) {
    if (!row.point && row.cells.every((c) => c.trim() === '')) continue;
    read++;
    const line = row.line;
    const cell = (field: HouseholdField) => {
      const col = columnOf.get(field);
      return col === undefined ? '' : (row.cells[col] ?? '').trim();
    };
    const fixSwapped = fixAll || fixLines.has(line);
    const coords = row.point
      ? checkCoordinates(line, String(row.point[0]), String(row.point[1]), { fixSwapped })
      : checkCoordinates(line, cell('lon'), cell('lat'), { fixSwapped });
    if (coords.issues) issues.push(...coords.issues);
    const measured = readMeasures(line, cell, issues);
    if (!coords.ok) continue;

    const personal: Record<string, string> = {};
    // Next suffix to try per header: columns sharing a header cost O(1) each, not O(columns).
    let nextSuffix: Map<string, number> | undefined;
    for (const col of personalColumns) {
      const value = (row.cells[col] ?? '').trim();
      if (value === '') continue;
      const header = table.headers[col];
      let key = header ?? `column ${col + 1}`;
      if (Object.hasOwn(personal, key)) {
        nextSuffix ??= new Map();
        let k = nextSuffix.get(key) ?? 2;
        while (Object.hasOwn(personal, `${header ?? ''} (${k})`)) k++;
        nextSuffix.set(key, k + 1);
        key = `${header ?? ''} (${k})`;
      }
      setOwn(personal, key, value);
    }
    const text = (field: HouseholdField) => cell(field) || undefined;
    const report: Omit<Report, 'cls'> = { line };
    if (measured.signal !== undefined) report.signal = measured.signal;
    if (measured.rsrpDbm !== undefined) report.rsrpDbm = measured.rsrpDbm;
    if (measured.downMbps !== undefined) report.downMbps = measured.downMbps;
    if (measured.reportedAt !== undefined) report.reportedAt = measured.reportedAt;
    const operator = text('operator');
    if (operator !== undefined) report.operator = operator;

    const [lon, lat] = toWgs84(coords.lon, coords.lat, options.crs);
    const valid: ValidRow = { line, lon, lat, report, personal };
    const id = text('id');
    if (id !== undefined) valid.id = id;
    if (measured.students !== undefined) valid.students = measured.students;
    for (const f of ['county', 'township', 'village'] as const) {
      const v = text(f);
      if (v !== undefined) valid[f] = v;
    }
    candidates.push(valid);
  }

  const outliers = flagOutlyingRows(candidates, VALUE_LIMITS.outsideAreaM);
  const outlying = new Set(outliers.map((i) => i.line));
  issues.push(...outliers);
  return { rows: candidates.filter((r) => !outlying.has(r.line)), issues, read };
}
