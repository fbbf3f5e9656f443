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
 * exactly what the reference says of it; then `outside_area` (`flagOutlyingPositions`, the reference's rule over columns)
 * and the merge, both as in `flagOutlyingRows` and `mergeHouseholds`, straight into `Household`
 * objects of the same shape and key order. Tests pin the two paths equal (households, issues, in
 * order, field for field) on the fixtures, fuzzed tables and a 50,000-row seeded file.
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
import type {
  ColumnMapping, Household, HouseholdField, ImportIssue, KnownClass, ParseResult, RawTable, Report,
} from '../model/types.ts';
import { DEFAULT_CLASSIFY_SETTINGS, VALUE_LIMITS, type ClassifySettings } from '../model/thresholds.ts';
import { UserInputError } from '../model/errors.ts';
import { classifyReport } from '../analysis/classify-report.ts';
import { haversineLonLatM } from '../analysis/haversine-lon-lat-m.ts';
import { mergeClasses } from '../analysis/merge-classes.ts';
import { CHINA_BOUNDS } from './check-coordinates.ts';
import { HOUSEHOLD_COLUMN_ALIASES } from './detect-columns.ts';
import { flagOutlyingPositions } from './flag-outlying-rows.ts';
import { mergeHouseholds } from './merge-households.ts';
import { parseNumber } from './parse-number.ts';
import { parseReportDate } from './parse-report-date.ts';
import { parseSignalCategory } from './parse-signal-category.ts';
import { quoteValue } from './quote-value.ts';
import { toWgs84 } from './to-wgs84.ts';
import { validateRows, type ValidateRowsOptions, type ValidRow } from './validate-rows.ts';

export interface ParseHouseholdTableOptions extends ValidateRowsOptions {
  format: ParseResult['format'];
  settings?: ClassifySettings;
  /** Issues raised by the reader (e.g. GeoJSON `not_a_point`). */
  readerIssues?: ImportIssue[];
  /** Rows the reader rejected (each with an error issue in `readerIssues`). */
  rejected?: number;
  /** Rows validated, then merged, so far (see the header for when it is called). */
  onProgress?: TableProgress;
}

/** The steps of `parseHouseholdTable`, in order. */
export type TableStep = 'validating' | 'merging';
export type TableProgress = (step: TableStep, rowsDone: number, rowsTotal: number) => void;

/** How often the fast path reports its progress: a call costs nothing next to 10,000 rows. */
export const PROGRESS_EVERY_ROWS = 10_000;

export function parseHouseholdTable(table: RawTable, mapping: ColumnMapping, options: ParseHouseholdTableOptions): ParseResult {
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
  let merged: { households: Household[]; issues: ImportIssue[] };
  const onProgress = options.onProgress;
  const rowsTotal = table.rows.length;
  onProgress?.('validating', 0, rowsTotal);
  const fast = fastPathApplies(table, mapping) ? validateFast(table, mapping, validateOptions, onProgress) : null;
  if (fast) {
    validated = fast;
    if (fast.read + (options.rejected ?? 0) === 0) throw new UserInputError('no_data_rows', 'the file has a header but no data rows');
    merged = mergeFast(fast.rows, keptRows(fast.rows, fast.issues), settings, onProgress);
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

const SIGNALS: readonly KnownClass[] = ['none', 'poor', 'fair', 'good'];
const SIGNAL_CODE: Readonly<Record<KnownClass, number>> = { none: 0, poor: 1, fair: 2, good: 3 };

/**
 * Rows that passed validation, one array per field, in table order (the fast path's `ValidRow[]`):
 * numbers in typed arrays sized for every row of the table (no growth, nothing for the scavenger
 * to copy), texts in arrays of that length.
 */
class ValidColumns {
  count = 0;
  readonly line: Int32Array;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** -1: not given (or rejected). Float64: a "-0" cell stays -0, as in the reference. */
  readonly students: Float64Array;
  /** Index into `SIGNALS`; -1: none. */
  readonly signal: Int8Array;
  /** NaN: none (a valid measure is never NaN). */
  readonly rsrpDbm: Float64Array;
  readonly downMbps: Float64Array;
  readonly id: (string | undefined)[];
  readonly county: (string | undefined)[];
  readonly township: (string | undefined)[];
  readonly village: (string | undefined)[];
  readonly reportedAt: (string | undefined)[];
  readonly operator: (string | undefined)[];
  /** Personal fields; undefined when the table has no personal column. */
  readonly personal: (Record<string, string> | undefined)[];

  constructor(capacity: number) {
    this.line = new Int32Array(capacity);
    this.lon = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.students = new Float64Array(capacity);
    this.signal = new Int8Array(capacity);
    this.rsrpDbm = new Float64Array(capacity);
    this.downMbps = new Float64Array(capacity);
    const texts = (): (string | undefined)[] => new Array<string | undefined>(capacity).fill(undefined);
    this.id = texts();
    this.county = texts();
    this.township = texts();
    this.village = texts();
    this.reportedAt = texts();
    this.operator = texts();
    this.personal = new Array<Record<string, string> | undefined>(capacity).fill(undefined);
  }

  push(
    line: number, lon: number, lat: number, id: string | undefined, students: number, county: string | undefined,
    township: string | undefined, village: string | undefined, signal: KnownClass | undefined, rsrpDbm: number | undefined,
    downMbps: number | undefined, reportedAt: string | undefined, operator: string | undefined, personal: Record<string, string> | undefined,
  ): void {
    const k = this.count++;
    this.line[k] = line;
    this.lon[k] = lon;
    this.lat[k] = lat;
    this.id[k] = id;
    this.students[k] = students;
    this.county[k] = county;
    this.township[k] = township;
    this.village[k] = village;
    this.signal[k] = signal === undefined ? -1 : SIGNAL_CODE[signal];
    this.rsrpDbm[k] = rsrpDbm ?? NaN;
    this.downMbps[k] = downMbps ?? NaN;
    this.reportedAt[k] = reportedAt;
    this.operator[k] = operator;
    this.personal[k] = personal;
  }

  pushValidRow(r: ValidRow, hasPersonal: boolean): void {
    this.push(r.line, r.lon, r.lat, r.id, r.students ?? -1, r.county, r.township, r.village, r.report.signal, r.report.rsrpDbm,
      r.report.downMbps, r.report.reportedAt, r.report.operator, hasPersonal ? r.personal : undefined);
  }
}

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
  const hasPersonal = personalColumns.length > 0;
  const wgs84 = options.crs === undefined || options.crs === 'wgs84';
  const b = CHINA_BOUNDS;
  const L = VALUE_LIMITS;
  const out = new ValidColumns(table.rows.length);
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
      for (const r of one.rows) out.pushValidRow(r, hasPersonal);
      continue;
    }
    let x = lon;
    let y = lat;
    if (!wgs84) [x, y] = toWgs84(lon, lat, options.crs);
    let personal: Record<string, string> | undefined;
    if (hasPersonal) {
      personal = {};
      for (let k = 0; k < personalColumns.length; k++) {
        const value = (cells[personalColumns[k]!] ?? '').trim();
        if (value !== '') personal[personalKeys[k]!] = value;
      }
    }
    out.push(row.line, x, y, cellOf(cells, idCol) || undefined, students, cellOf(cells, countyCol) || undefined,
      cellOf(cells, townshipCol) || undefined, cellOf(cells, villageCol) || undefined, signal, rsrpDbm, downMbps, reportedAt,
      cellOf(cells, operatorCol) || undefined, personal);
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

const AREA_FIELDS = ['county', 'township', 'village'] as const;

/**
 * Households by their (real) id: open addressing over an Int32Array of household indices, keyed
 * by a hash of the id's UTF-16 code units — ~8× faster than a `Map` of 1,000,000 fresh strings
 * (Node 20), whose hashing and growth dominated the merge.
 */
class IdTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  constructor(capacity: number, private readonly households: readonly Household[]) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }
  private static hash(id: string): number {
    let h = 0x811c9dc5;
    for (let j = 0; j < id.length; j++) h = Math.imul(h ^ id.charCodeAt(j), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    return h >>> 0;
  }
  find(id: string): Household | undefined {
    for (let slot = IdTable.hash(id) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot]!;
      if (at < 0) return undefined;
      const h = this.households[at]!;
      if (h.id === id) return h;
    }
  }
  /** `id` must not be in the table yet. */
  add(id: string, household: number): void {
    let slot = IdTable.hash(id) & this.mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = household;
  }
}

/** `mergeHouseholds` over the kept valid rows: the same households (same key order) and issues. */
function mergeFast(
  rows: ValidColumns, kept: Uint8Array, settings: ClassifySettings, onProgress?: TableProgress,
): { households: Household[]; issues: ImportIssue[] } {
  const n = rows.count;
  onProgress?.('merging', 0, n);
  let nextReport = PROGRESS_EVERY_ROWS;
  let idless = false;
  for (let k = 0; k < n; k++) if (kept[k] && rows.id[k] === undefined) { idless = true; break; }
  // Generated ids need every real id, and the ids used so far; without an id-less row neither is asked.
  const realIds = new Set<string>();
  const usedIds = new Set<string>();
  if (idless) for (let k = 0; k < n; k++) { const id = rows.id[k]; if (kept[k] && id !== undefined) realIds.add(id); }
  const generatedId = (line: number): string => {
    let id = String(line);
    for (let k = 1; realIds.has(id) || usedIds.has(id); k++) id = k === 1 ? `row-${line}` : `row-${line}-${k}`;
    return id;
  };
  const households: Household[] = [];
  const byId = new IdTable(n, households);
  const issues: ImportIssue[] = [];
  const thresholds = settings.thresholds;

  for (let k = 0; k < n; k++) {
    if (k === nextReport) {
      onProgress?.('merging', k, n);
      nextReport += PROGRESS_EVERY_ROWS;
    }
    if (!kept[k]) continue;
    const line = rows.line[k]!;
    const lon = rows.lon[k]!;
    const lat = rows.lat[k]!;
    const report = { line } as Report;
    const signal = rows.signal[k]!;
    if (signal >= 0) report.signal = SIGNALS[signal]!;
    const rsrpDbm = rows.rsrpDbm[k]!;
    if (!Number.isNaN(rsrpDbm)) report.rsrpDbm = rsrpDbm;
    const downMbps = rows.downMbps[k]!;
    if (!Number.isNaN(downMbps)) report.downMbps = downMbps;
    const reportedAt = rows.reportedAt[k];
    if (reportedAt !== undefined) report.reportedAt = reportedAt;
    const operator = rows.operator[k];
    if (operator !== undefined) report.operator = operator;
    report.cls = classifyReport(report, thresholds);

    const rowId = rows.id[k];
    const existing = rowId === undefined ? undefined : byId.find(rowId);
    if (existing) {
      const d = haversineLonLatM(existing.lon, existing.lat, lon, lat);
      if (d > VALUE_LIMITS.duplicateMaxDistanceM) {
        issues.push({ line, field: 'id', code: 'duplicate_id_conflict', severity: 'error', value: rowId,
          message: `line ${line}: id ${quoteValue(rowId ?? '')} was first used on line ${existing.line}; `
            + `this row is ${Math.round(d)} m from it (more than ${VALUE_LIMITS.duplicateMaxDistanceM} m), so it was not merged` });
        continue;
      }
      existing.reports.push(report);
      const students = rows.students[k]!;
      if (existing.students === -1 && students !== -1) existing.students = students;
      for (const f of AREA_FIELDS) {
        const v = rows[f][k];
        if (existing[f] === undefined && v !== undefined) existing[f] = v;
      }
      const personal = rows.personal[k];
      if (personal) for (const [key, v] of Object.entries(personal)) if (!Object.hasOwn(existing.personal, key)) existing.personal[key] = v;
      continue;
    }
    const id = rowId ?? generatedId(line);
    if (idless) usedIds.add(id);
    const household: Household = {
      id, lon, lat,
      students: rows.students[k]!, // -1: not stated yet; resolved below
      reports: [report], cls: 'unknown', personal: rows.personal[k] ?? {}, line,
    };
    const county = rows.county[k];
    if (county !== undefined) household.county = county;
    const township = rows.township[k];
    if (township !== undefined) household.township = township;
    const village = rows.village[k];
    if (village !== undefined) household.village = village;
    households.push(household);
    if (rowId !== undefined) byId.add(rowId, households.length - 1);
  }
  for (const h of households) {
    if (h.students === -1) h.students = 1;
    // One report: its class under either rule (`mergeClasses` on one report).
    h.cls = h.reports.length === 1 ? h.reports[0]!.cls : mergeClasses(h.reports, settings.merge);
  }
  onProgress?.('merging', n, n);
  return { households, issues };
}
