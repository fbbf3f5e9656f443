/**
 * Parses the "simple site CSV" of existing base stations (FORMATS.md §3) from decoded text — the
 * synchronous text entry kept for callers that already hold text; `parseSitesFile` reads bytes
 * (CSV, .xlsx, OpenCelliD cell exports, GCJ-02). The rows are read by `parseSiteTable`; see there
 * for columns, defaults, issue codes and lines.
 * Limits: CSV only (OpenCelliD cell lists are grouped into sites by `parseSitesFile`). Throws
 * `UserInputError` `empty_file`, `unsupported_format` (JSON), `unterminated_quote`, `no_header`,
 * `no_coordinate_columns`, `no_data_rows`.
 * Cost: O(rows × columns) plus O(rows log rows) for the outlier median.
 */
import { UserInputError } from '../model/errors.ts';
import { looksLikeGeojson } from './looks-like-geojson.ts';
import { parseSiteTable, type SitesParseResult } from './parse-site-table.ts';
import { readCsvTable } from './read-csv-table.ts';

export { SITE_COLUMN_ALIASES, SITE_DEFAULTS, SITE_LIMITS, type SiteField } from './site-columns.ts';

export function parseSites(input: { name: string; text: string }): SitesParseResult {
  if (input.text.replace(/^\uFEFF/, '').trim() === '') {
    throw new UserInputError('empty_file', `${input.name || 'the file'} is empty`);
  }
  if (looksLikeGeojson(input.name, input.text)) {
    throw new UserInputError('unsupported_format', 'site files must be CSV (id,name,lon,lat,height_m,band_mhz,eirp_dbm,operator)');
  }
  const { delimiter: _delimiter, ...table } = readCsvTable(input.text);
  return parseSiteTable(table);
}
