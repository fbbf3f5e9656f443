/**
 * Reads the rows of a simple site list (FORMATS.md §3) from a table of text cells, whatever the
 * file was (CSV, .xlsx): `id,name,lon,lat,height_m,band_mhz,eirp_dbm,operator` (Chinese aliases
 * 站名, 经度, 纬度, 高度, 频段, 运营商), plus optional `radius_m` / 覆盖半径 and `synthetic`
 * (true/false) columns. Every site gets status `existing`; absent or rejected values take
 * `SITE_DEFAULTS`. Positions are converted to WGS-84 from `options.crs` (GCJ-02, BD-09).
 *
 * Same line numbers and issue codes as the household files: coordinate errors
 * (`missing_coordinate`, `not_a_number`, `out_of_range`, `swapped_lat_lon`, `outside_area` —
 * outside China or more than `VALUE_LIMITS.siteOutsideAreaM` from the median site) reject the
 * row; unreadable or implausible height/band/EIRP/radius (`not_a_number`, `out_of_range`) and an
 * unreadable `synthetic` (`out_of_range`) are warnings and the default is used. A later row
 * repeating an id is a `duplicate_id_conflict` error (sites are never merged). A row without id
 * gets `String(line)` (or `row-<line>` if a real id already says that); without name, its id.
 * Messages say "line N" ("row N" for `format: 'xlsx'`).
 * Throws `UserInputError` `no_header`, `no_coordinate_columns`, `no_data_rows`.
 * Cost: O(rows × columns) plus O(rows log rows) for the outlier median.
 */
import type { ImportIssue, RawTable, Site } from '../model/types.ts';
import type { InputCrs } from '../model/import-options.ts';
import { VALUE_LIMITS } from '../model/thresholds.ts';
import { UserInputError } from '../model/errors.ts';
import { checkCoordinates } from './check-coordinates.ts';
import { flagOutlyingRows } from './flag-outlying-rows.ts';
import { mapHeaders } from './map-headers.ts';
import { parseNumber } from './parse-number.ts';
import { quoteValue } from './quote-value.ts';
import { SITE_DEFAULTS, SITE_LIMITS, SITE_LOOKUP, type SiteField } from './site-columns.ts';
import { toWgs84 } from './to-wgs84.ts';

export interface ParseSiteTableOptions {
  /** Coordinate system of the list; positions are converted to WGS-84. */
  crs?: InputCrs;
  /** 'xlsx' words messages as "row N". */
  format?: 'csv' | 'xlsx';
}

export interface SitesParseResult {
  sites: Site[];
  issues: ImportIssue[];
  /** Data rows read (header and blank lines excluded). */
  rows: number;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '否']);

export function parseSiteTable(table: RawTable, options: ParseSiteTableOptions = {}): SitesParseResult {
  const fields = mapHeaders<SiteField>(table.headers, SITE_LOOKUP);
  if (!fields.includes('lon') || !fields.includes('lat')) {
    if (table.headers.every((h) => h === '' || parseNumber(h) !== null)) {
      throw new UserInputError('no_header', 'the first line looks like data, not a header; add id,name,lon,lat,...');
    }
    throw new UserInputError('no_coordinate_columns',
      `no longitude/latitude column found; headers were: ${table.headers.join(', ')}`);
  }
  if (table.rows.length === 0) throw new UserInputError('no_data_rows', 'the file has a header but no data rows');

  const issues: ImportIssue[] = [];
  const candidates: (Omit<Site, 'id'> & { id?: string; line: number })[] = [];
  for (const row of table.rows) {
    const line = row.line;
    const cell = (f: SiteField) => {
      const col = fields.indexOf(f);
      return col < 0 ? '' : (row.cells[col] ?? '').trim();
    };
    const coords = checkCoordinates(line, cell('lon'), cell('lat'));
    if (coords.issues) issues.push(...coords.issues);
    const warn = (field: SiteField, code: ImportIssue['code'], value: string, what: string) =>
      issues.push({ line, field, code, severity: 'warning', value,
        message: `line ${line}: ${field} ${quoteValue(value)} ${what}` });
    const numberOr = (field: SiteField, limits: readonly [number, number], fallback: number, unit: string) => {
      const text = cell(field);
      if (text === '') return fallback;
      const n = parseNumber(text);
      if (n === null) { warn(field, 'not_a_number', text, `is not a number; ${fallback} used`); return fallback; }
      if (n < limits[0] || n > limits[1]) {
        warn(field, 'out_of_range', text, `is outside ${limits[0]}…${limits[1]} ${unit}; ${fallback} used`);
        return fallback;
      }
      return n;
    };
    const antennaHeightM = numberOr('height_m', SITE_LIMITS.antennaHeightM, SITE_DEFAULTS.antennaHeightM, 'm');
    const bandMHz = numberOr('band_mhz', SITE_LIMITS.bandMHz, SITE_DEFAULTS.bandMHz, 'MHz');
    const eirpDbm = numberOr('eirp_dbm', SITE_LIMITS.eirpDbm, SITE_DEFAULTS.eirpDbm, 'dBm');
    const radiusM = numberOr('radius_m', SITE_LIMITS.radiusM, SITE_DEFAULTS.radiusM, 'm');
    const syntheticText = cell('synthetic');
    let synthetic: boolean | undefined;
    if (syntheticText !== '') {
      const key = syntheticText.toLowerCase();
      if (TRUE_WORDS.has(key)) synthetic = true;
      else if (FALSE_WORDS.has(key)) synthetic = false;
      else warn('synthetic', 'out_of_range', syntheticText, 'is not true or false; ignored');
    }
    if (!coords.ok) continue;
    const [lon, lat] = toWgs84(coords.lon, coords.lat, options.crs);
    const site: Omit<Site, 'id'> & { id?: string; line: number } = {
      line, name: cell('name'), lon, lat, status: 'existing',
      antennaHeightM, bandMHz, eirpDbm, radiusM,
    };
    if (cell('id') !== '') site.id = cell('id');
    if (cell('operator') !== '') site.operator = cell('operator');
    if (synthetic !== undefined) site.synthetic = synthetic;
    candidates.push(site);
  }
  const outliers = flagOutlyingRows(candidates, VALUE_LIMITS.siteOutsideAreaM);
  issues.push(...outliers);
  const outlying = new Set(outliers.map((i) => i.line));

  const realIds = new Set(candidates.flatMap((c) => (c.id === undefined ? [] : [c.id])));
  const firstLine = new Map<string, number>();
  const sites: Site[] = [];
  for (const { line, ...c } of candidates) {
    if (outlying.has(line)) continue;
    let id = c.id;
    if (id === undefined) {
      id = String(line);
      for (let k = 1; realIds.has(id) || firstLine.has(id); k++) id = k === 1 ? `row-${line}` : `row-${line}-${k}`;
    } else if (firstLine.has(id)) {
      issues.push({ line, field: 'id', code: 'duplicate_id_conflict', severity: 'error', value: id,
        message: `line ${line}: id ${quoteValue(id)} was already used on line ${firstLine.get(id)}; this site was not used` });
      continue;
    }
    firstLine.set(id, line);
    sites.push({ ...c, id, name: c.name || id });
  }
  issues.sort((a, b) => a.line - b.line);
  const unit = options.format === 'xlsx' ? 'row' : 'line';
  return {
    sites,
    issues: unit === 'line' ? issues : issues.map((i) => ({ ...i, message: i.message.replace(/^line (\d+):/, `${unit} $1:`) })),
    rows: table.rows.length,
  };
}
