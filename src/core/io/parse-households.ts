/**
 * Parses a household report file already decoded to text (FORMATS.md §1) into households and
 * row-level issues — the synchronous text entry; `parseHouseholdsFile` is the one for bytes
 * (Excel, encodings, a user's mapping, GCJ-02, swapped-row fixes) and shares these internals.
 * The pipeline: reader (CSV → `readCsvTable`, GeoJSON → `readGeojsonTable`) → `promoteHeaderRow`
 * (a header below title rows) → `detectColumns` → `parseHouseholdTable` (`validateRows` →
 * `mergeHouseholds` → classes).
 * GeoJSON when the name ends in .geojson or .json, or the text starts with `{`; CSV otherwise.
 * Expects decoded text (see `decodeText`); a leading BOM is ignored.
 * Throws `UserInputError` for unusable files: `empty_file`, `invalid_json`, `not_geojson`,
 * `unterminated_quote`, `no_header`, `no_coordinate_columns`, `no_data_rows`.
 * Cost: O(size of the file); measured (`npm run bench -- --only=parse`, Node 20 on 2 shared cores,
 * the seeded 9-column municipality file): ~0.4 s for 100,000 rows (95,882 households), ~4 s for
 * 1,000,000 (959,490).
 */
import type { ParseResult } from '../model/types.ts';
import type { ClassifySettings } from '../model/thresholds.ts';
import { UserInputError } from '../model/errors.ts';
import { detectColumns, looksLikeHouseholdHeader } from './detect-columns.ts';
import { looksLikeGeojson } from './looks-like-geojson.ts';
import { parseHouseholdTable } from './parse-household-table.ts';
import { promoteHeaderRow } from './promote-header-row.ts';
import { readCsvTable } from './read-csv-table.ts';
import { readGeojsonTable } from './read-geojson-table.ts';

export function parseHouseholds(input: { name: string; text: string }, settings?: ClassifySettings): ParseResult {
  if (input.text.replace(/^\uFEFF/, '').trim() === '') {
    throw new UserInputError('empty_file', `${input.name || 'the file'} is empty`);
  }
  if (looksLikeGeojson(input.name, input.text)) {
    const { table, issues, rejected } = readGeojsonTable(input.text);
    return parseHouseholdTable(table, detectColumns(table.headers),
      { format: 'geojson', settings, readerIssues: issues, rejected });
  }
  const { delimiter: _delimiter, ...csv } = readCsvTable(input.text);
  const table = promoteHeaderRow(csv, looksLikeHouseholdHeader);
  return parseHouseholdTable(table, detectColumns(table.headers), { format: 'csv', settings });
}
