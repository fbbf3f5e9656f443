/**
 * The one entry for a file of existing sites as a user gives it (FORMATS.md §3, issue 5): bytes
 * in, sites and row-level issues out.
 *
 * Reads the table with `readInputTable` (CSV in UTF-8/GBK/UTF-16 or the chosen `encoding`, or an
 * .xlsx sheet; GeoJSON is refused), then tells the kind of list:
 * - an OpenCelliD / Mozilla Location Service cell export — by its header (mcc, lon, lat and net
 *   or cell) or, without a header, by its first row (`looksLikeOpencellidRow`: radio, 3-digit mcc,
 *   integer net/area/cell, numeric lon/lat in the standard column order) → cells grouped into
 *   sites by `parseOpencellidTable`; such exports are WGS-84, so `crs` is not applied;
 * - otherwise the simple site list (`parseSiteTable`, header found below title rows), with
 *   positions converted from `crs`.
 * Returns the sites, the issues (sorted by line), the rows read, the kind of list, the format,
 * the encoding, the sheet (workbooks) and, for cell exports, the cells used.
 * Throws `UserInputError` like `readInputTable`, `parseSiteTable` and `parseOpencellidTable`
 * (`unsupported_format` for GeoJSON). Cost: O(size of the file) plus the grouping.
 */
import type { InputCrs, TextEncoding } from '../model/import-options.ts';
import type { RawTable } from '../model/types.ts';
import { detectOpencellidHeader, looksLikeOpencellidRow, OPENCELLID_STANDARD_ORDER } from './opencellid-columns.ts';
import { parseOpencellidTable } from './parse-opencellid-table.ts';
import { parseSiteTable, type SitesParseResult } from './parse-site-table.ts';
import { promoteHeaderRow } from './promote-header-row.ts';
import { maxCellsOf, readInputTable } from './read-input-table.ts';
import { looksLikeSiteHeader } from './site-columns.ts';

export interface SitesFileOptions {
  /** Coordinate system of a simple site list (not applied to cell exports, which are WGS-84). */
  crs?: InputCrs;
  /** Text encoding of a CSV file; detected when absent. */
  encoding?: TextEncoding;
  /** Worksheet of an .xlsx file; the first visible one when absent. */
  sheet?: string;
}

export interface SitesFileResult extends SitesParseResult {
  kind: 'site-list' | 'opencellid';
  format: 'csv' | 'xlsx';
  encoding: string;
  sheet?: string;
  sheets?: string[];
  /** Cell exports: the cells grouped into the sites. */
  cells?: number;
}

export async function parseSitesFile(input: { name: string; bytes: Uint8Array }, options: SitesFileOptions = {}): Promise<SitesFileResult> {
  const read = await readInputTable(input, {
    encoding: options.encoding, sheet: options.sheet,
    refuseGeojson: 'site files must be CSV or .xlsx: a site list (id,name,lon,lat,height_m,band_mhz,eirp_dbm,operator) '
      + 'or an OpenCelliD cell export (radio,mcc,net,area,cell,unit,lon,lat,range,...)',
  });
  const format = read.format === 'xlsx' ? 'xlsx' : 'csv';
  const about = {
    format, encoding: read.encoding,
    ...(read.sheet !== undefined ? { sheet: read.sheet, sheets: read.sheets ?? [read.sheet] } : {}),
  } as const;
  const headerFields = detectOpencellidHeader(read.table.headers);
  if (headerFields) {
    return { ...parseOpencellidTable(read.table, headerFields, { format }), kind: 'opencellid', ...about };
  }
  if (looksLikeOpencellidRow(read.table.headers)) {
    const table: RawTable = {
      headers: [],
      rows: [{ line: read.table.headerLine ?? 1, cells: read.table.headers }, ...read.table.rows],
    };
    return { ...parseOpencellidTable(table, OPENCELLID_STANDARD_ORDER, { format }), kind: 'opencellid', ...about };
  }
  const table = promoteHeaderRow(read.table, looksLikeSiteHeader, 10, maxCellsOf(read.format));
  return { ...parseSiteTable(table, { crs: options.crs, format }), kind: 'site-list', ...about };
}
