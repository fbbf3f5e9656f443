/**
 * The household import as it was before issue 9, for comparison: `referenceParseHouseholdTable`
 * is `parseHouseholdTable` at commit 15d1d3e (`validateRows` → `mergeHouseholds`, row objects),
 * and `referenceParseHouseholdsCsv` the CSV text path around it (`referenceReadCsvTable` →
 * `promoteHeaderRow` → `detectColumns`). The fast path of `parseHouseholdTable` must give exactly
 * what these give (bench `--only=parse` checks it at every size; unit tests on fuzzed tables and a
 * 50,000-row seeded file). Note: `parseNumber` and the other cell readers they call are today's.
 */
import type { ColumnMapping, ParseResult, RawTable } from '../../src/core/model/types.ts';
import { DEFAULT_CLASSIFY_SETTINGS } from '../../src/core/model/thresholds.ts';
import { UserInputError } from '../../src/core/model/errors.ts';
import { detectColumns, HOUSEHOLD_COLUMN_ALIASES, looksLikeHouseholdHeader } from '../../src/core/io/detect-columns.ts';
import { mergeHouseholds } from '../../src/core/io/merge-households.ts';
import { parseNumber } from '../../src/core/io/parse-number.ts';
import { promoteHeaderRow } from '../../src/core/io/promote-header-row.ts';
import { validateRows } from '../../src/core/io/validate-rows.ts';
import type { ParseHouseholdTableOptions } from '../../src/core/io/parse-household-table.ts';
import { referenceReadCsvTable } from './reference-read-csv-table.ts';

export function referenceParseHouseholdTable(table: RawTable, mapping: ColumnMapping, options: ParseHouseholdTableOptions): ParseResult {
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

/** CSV text (decoded) → households and issues, the pre-issue-9 way. */
export function referenceParseHouseholdsCsv(text: string, options: Omit<ParseHouseholdTableOptions, 'format'> = {}): ParseResult {
  const { delimiter: _delimiter, ...csv } = referenceReadCsvTable(text);
  const table = promoteHeaderRow(csv, looksLikeHouseholdHeader);
  return referenceParseHouseholdTable(table, detectColumns(table.headers), { ...options, format: 'csv' });
}
