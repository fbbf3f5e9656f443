/**
 * Turns the rows of an OpenCelliD / Mozilla Location Service cell export (FORMATS.md §3) into
 * existing sites: one site per group of cells of one operator standing within
 * `OPENCELLID_DEFAULTS.groupDistanceM` (50 m) of each other (single linkage: chains of cells each
 * within 50 m of the next are one site; `groupNearbyPoints`).
 *
 * Per row (fields by `fields`, the header's or the standard order of a headerless file):
 * - mcc not a whole number → `not_a_number` error; mcc other than 460 (China) → `other_country`
 *   warning and the row is skipped (a neighbouring country's cell, not a fault of the file);
 * - lon/lat → `checkCoordinates` (errors reject the row, as for households); no distance-from-
 *   the-median test: a province-wide export is legitimately wide;
 * - net (MNC) → operator (`OPERATOR_BY_MNC`; unknown MNCs leave it out); unreadable → `not_a_number`
 *   warning, operator unknown;
 * - range (m) → the cell's radius, clamped to `minRadiusM…maxRadiusM`; 0 or empty means unknown;
 *   unreadable or negative → `not_a_number` / `out_of_range` warning, unknown.
 * Per site: position = the mean of its cells (OpenCelliD positions are estimates from
 * measurements; the mean of a tower's cells is the better guess); radiusM = the largest known
 * radius of its cells, else `defaultRadiusM` (3000 m); radio = the most capable technology among
 * its cells (NR > LTE > UMTS > CDMA > GSM); operator from the MNC; bandMHz, antenna height and EIRP
 * are the simple list's defaults (the export has no band). Id and name come from the site's
 * first cell in file order: id `LTE-460-00-<area>-<cell>` (made unique with `-2`, `-3`...), name
 * "LTE 460-00 cell 12345 (+3)" where +3 counts the other cells of the site. Sites are in the
 * order of their first cell. OpenCelliD positions are WGS-84 (GPS), so no CRS conversion applies.
 * Messages say "line N" ("row N" for `format: 'xlsx'`).
 * Throws `UserInputError` `no_data_rows`, and `cells_too_dense` from the grouping (see
 * `groupNearbyPoints`). Cost: O(rows) plus the grouping (O(rows) for real data).
 */
import type { ImportIssue, RawTable, Site } from '../model/types.ts';
import { UserInputError } from '../model/errors.ts';
import { checkCoordinates } from './check-coordinates.ts';
import { groupNearbyPoints } from './group-nearby-points.ts';
import { CHINA_MCC, OPERATOR_BY_MNC, type OpencellidField } from './opencellid-columns.ts';
import { parseNumber } from './parse-number.ts';
import type { SitesParseResult } from './parse-site-table.ts';
import { quoteValue } from './quote-value.ts';
import { SITE_DEFAULTS } from './site-columns.ts';

export const OPENCELLID_DEFAULTS = Object.freeze({
  /** Cells of one operator this close (haversine) are one site. */
  groupDistanceM: 50,
  /** Radius of a site none of whose cells has a known range. */
  defaultRadiusM: SITE_DEFAULTS.radiusM,
  /** Ranges are clamped to this interval: tiny ones are noise, huge ones come from few samples. */
  minRadiusM: 100,
  maxRadiusM: 10_000,
});

export interface OpencellidParseResult extends SitesParseResult {
  /** Cells used (grouped into the sites). */
  cells: number;
}

const RADIO_RANK: Readonly<Record<string, number>> = { NR: 5, LTE: 4, UMTS: 3, CDMA: 2, GSM: 1 };

interface Cell {
  line: number;
  lon: number;
  lat: number;
  group: string;
  radio?: string;
  net?: number;
  area: string;
  cell: string;
  radiusM?: number;
}

export function parseOpencellidTable(
  table: RawTable, fields: readonly (OpencellidField | null)[], options: { format?: 'csv' | 'xlsx' } = {},
): OpencellidParseResult {
  if (table.rows.length === 0) throw new UserInputError('no_data_rows', 'the cell list has a header but no data rows');
  const column = new Map<OpencellidField, number>();
  fields.forEach((f, i) => { if (f !== null && !column.has(f)) column.set(f, i); });
  const D = OPENCELLID_DEFAULTS;
  const issues: ImportIssue[] = [];
  const cells: Cell[] = [];
  let read = 0;

  for (const row of table.rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    read++;
    const line = row.line;
    const cell = (f: OpencellidField) => {
      const i = column.get(f);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    const issue = (field: string, code: ImportIssue['code'], severity: ImportIssue['severity'], value: string, what: string) =>
      issues.push({ line, field, code, severity, value, message: `line ${line}: ${field} ${quoteValue(value)} ${what}` });

    const mccText = cell('mcc');
    const mcc = parseNumber(mccText);
    if (mcc === null || !Number.isInteger(mcc)) {
      issue('mcc', 'not_a_number', 'error', mccText, 'is not a mobile country code; this cell was not used');
      continue;
    }
    if (mcc !== CHINA_MCC) {
      issue('mcc', 'other_country', 'warning', mccText, `is not China's (${CHINA_MCC}); this cell was skipped`);
      continue;
    }
    const coords = checkCoordinates(line, cell('lon'), cell('lat'));
    if (coords.issues) issues.push(...coords.issues);
    if (!coords.ok) continue;

    const netText = cell('net');
    let net: number | undefined;
    if (netText !== '') {
      const n = parseNumber(netText);
      if (n === null || !Number.isInteger(n) || n < 0) issue('net', 'not_a_number', 'warning', netText, 'is not a network code; operator unknown');
      else net = n;
    }
    const rangeText = cell('range');
    let radiusM: number | undefined;
    if (rangeText !== '') {
      const r = parseNumber(rangeText);
      if (r === null) issue('range', 'not_a_number', 'warning', rangeText, 'is not a number of metres; ignored');
      else if (r < 0) issue('range', 'out_of_range', 'warning', rangeText, 'is negative; ignored');
      else if (r > 0) radiusM = Math.min(D.maxRadiusM, Math.max(D.minRadiusM, r));
    }
    const operator = net === undefined ? undefined : OPERATOR_BY_MNC[net];
    const radio = cell('radio').toUpperCase();
    const c: Cell = {
      line, lon: coords.lon, lat: coords.lat, area: cell('area'), cell: cell('cell'),
      group: operator ?? `mnc ${net ?? '?'}`,
    };
    if (radio !== '') c.radio = radio;
    if (net !== undefined) c.net = net;
    if (radiusM !== undefined) c.radiusM = radiusM;
    cells.push(c);
  }
  if (read === 0) throw new UserInputError('no_data_rows', 'the cell list has a header but no data rows');

  const groupOf = groupNearbyPoints(cells, D.groupDistanceM);
  const groups: Cell[][] = [];
  cells.forEach((c, i) => {
    const g = groupOf[i]!;
    (groups[g] ??= []).push(c);
  });
  const usedIds = new Set<string>();
  const nextSuffix = new Map<string, number>(); // per base id: sites sharing one cost O(1) each, not O(sites)
  const sites: Site[] = groups.map((members) => {
    const first = members[0]!;
    const mnc = first.net === undefined ? '??' : String(first.net).padStart(2, '0');
    const base = `${first.radio ?? 'CELL'}-${CHINA_MCC}-${mnc}-${first.area || '?'}-${first.cell || first.line}`;
    let id = base;
    if (usedIds.has(id)) {
      let k = nextSuffix.get(base) ?? 2;
      while (usedIds.has(`${base}-${k}`)) k++;
      nextSuffix.set(base, k + 1);
      id = `${base}-${k}`;
    }
    usedIds.add(id);
    const radii = members.flatMap((m) => (m.radiusM === undefined ? [] : [m.radiusM]));
    let best: string | undefined;
    for (const m of members) {
      if (m.radio !== undefined && (best === undefined || (RADIO_RANK[m.radio] ?? 0) > (RADIO_RANK[best] ?? 0))) best = m.radio;
    }
    const others = members.length - 1;
    const site: Site = {
      id,
      name: `${first.radio ?? 'cell'} ${CHINA_MCC}-${mnc} cell ${first.cell || '?'}${others > 0 ? ` (+${others})` : ''}`,
      lon: members.reduce((s, m) => s + m.lon, 0) / members.length,
      lat: members.reduce((s, m) => s + m.lat, 0) / members.length,
      status: 'existing',
      antennaHeightM: SITE_DEFAULTS.antennaHeightM,
      bandMHz: SITE_DEFAULTS.bandMHz,
      eirpDbm: SITE_DEFAULTS.eirpDbm,
      radiusM: radii.length > 0 ? radii.reduce((a, b) => Math.max(a, b)) : D.defaultRadiusM,
    };
    const operator = first.net === undefined ? undefined : OPERATOR_BY_MNC[first.net];
    if (operator !== undefined) site.operator = operator;
    if (best !== undefined) site.radio = best;
    return site;
  });
  issues.sort((a, b) => a.line - b.line);
  const unit = options.format === 'xlsx' ? 'row' : 'line';
  return {
    sites,
    issues: unit === 'line' ? issues : issues.map((i) => ({ ...i, message: i.message.replace(/^line (\d+):/, `${unit} $1:`) })),
    rows: read,
    cells: cells.length,
  };
}
