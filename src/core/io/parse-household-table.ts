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
 * Cost: that of `validateRows` and `mergeHouseholds`, O(rows × columns + rows log rows).
 */
import type { ColumnMapping, ImportIssue, ParseResult, RawTable } from '../model/types.ts';
import { DEFAULT_CLASSIFY_SETTINGS, type ClassifySettings } from '../model/thresholds.ts';
import { UserInputError } from '../model/errors.ts';
import { HOUSEHOLD_COLUMN_ALIASES } from './detect-columns.ts';
import { mergeHouseholds } from './merge-households.ts';
import { parseNumber } from './parse-number.ts';
import { validateRows, type ValidateRowsOptions } from './validate-rows.ts';

export interface ParseHouseholdTableOptions extends ValidateRowsOptions {
  format: ParseResult['format'];
  settings?: ClassifySettings;
  /** Issues raised by the reader (e.g. GeoJSON `not_a_point`). */
  readerIssues?: ImportIssue[];
  /** Rows the reader rejected (each with an error issue in `readerIssues`). */
  rejected?: number;
}

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
  const validated = validateRows(table, mapping, { crs: options.crs, fixSwappedLines: options.fixSwappedLines });
  const rows = validated.read + (options.rejected ?? 0);
  if (rows === 0) throw new UserInputError('no_data_rows', 'the file has a header but no data rows');
  const merged = mergeHouseholds(validated.rows, settings);
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
