/**
 * The OpenCelliD / Mozilla Location Service cell export (FORMATS.md §3):
 * `radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal`,
 * with the header line optional. Here: header aliases, the columns of a headerless file (the
 * standard order), the test that tells such a file from a simple site list, China's MCC and the
 * operators by MNC.
 * MNC → operator (ITU assignments for MCC 460): 0, 2, 4, 7, 8 China Mobile (中国移动); 1, 6, 9
 * China Unicom (中国联通); 3, 5, 11 China Telecom (中国电信); 15 China Broadnet (中国广电);
 * 20 China Tietong, part of China Mobile. FORMATS.md names 0, 1/9, 3/11 and 15; the others are
 * older or secondary codes of the same operators. Cost: O(1) per call.
 */
import { aliasLookup, mapHeaders } from './map-headers.ts';
import { parseNumber } from './parse-number.ts';

export type OpencellidField =
  | 'radio' | 'mcc' | 'net' | 'area' | 'cell' | 'unit' | 'lon' | 'lat' | 'range' | 'samples'
  | 'changeable' | 'created' | 'updated' | 'average_signal';

export const OPENCELLID_COLUMN_ALIASES: Readonly<Record<OpencellidField, readonly string[]>> = Object.freeze({
  radio: ['radio', 'rat'],
  mcc: ['mcc'],
  net: ['net', 'mnc'],
  area: ['area', 'lac', 'tac'],
  cell: ['cell', 'cid', 'cellid', 'cell_id', 'ci', 'eci'],
  unit: ['unit', 'psc', 'pci'],
  lon: ['lon', 'lng', 'longitude'],
  lat: ['lat', 'latitude'],
  range: ['range'],
  samples: ['samples'],
  changeable: ['changeable'],
  created: ['created'],
  updated: ['updated'],
  average_signal: ['averagesignal', 'average_signal'],
});

/** Column order of a headerless export. */
export const OPENCELLID_STANDARD_ORDER: readonly OpencellidField[] = [
  'radio', 'mcc', 'net', 'area', 'cell', 'unit', 'lon', 'lat', 'range', 'samples', 'changeable', 'created', 'updated',
  'average_signal',
];

/** Mobile country code of China (mainland). */
export const CHINA_MCC = 460;

/** Operator (as Chinese site lists write it) by MNC under MCC 460. */
export const OPERATOR_BY_MNC: Readonly<Record<number, string>> = Object.freeze({
  0: '中国移动', 2: '中国移动', 4: '中国移动', 7: '中国移动', 8: '中国移动', 20: '中国移动',
  1: '中国联通', 6: '中国联通', 9: '中国联通',
  3: '中国电信', 5: '中国电信', 11: '中国电信',
  15: '中国广电',
});

const LOOKUP = aliasLookup(OPENCELLID_COLUMN_ALIASES);

/** Fields of each column when the header is an OpenCelliD header (mcc, lon, lat and net or cell), else null. */
export function detectOpencellidHeader(headers: readonly string[]): (OpencellidField | null)[] | null {
  const fields = mapHeaders<OpencellidField>(headers, LOOKUP);
  const has = (f: OpencellidField) => fields.includes(f);
  return has('mcc') && has('lon') && has('lat') && (has('net') || has('cell')) ? fields : null;
}

const INTEGER = /^\d{1,15}$/;

/**
 * Whether a record (trailing empty cells may be missing) is an OpenCelliD data row: 8 to 14
 * cells, a radio word first, integer mcc/net/area/cell, and numbers for lon and lat.
 */
export function looksLikeOpencellidRow(cells: readonly string[]): boolean {
  if (cells.length < 8 || cells.length > 14) return false;
  const [radio = '', mcc = '', net = '', area = '', cell = '', , lon = '', lat = ''] = cells.map((c) => c.trim());
  return /^[A-Za-z][A-Za-z0-9-]{0,9}$/.test(radio) && /^\d{3}$/.test(mcc) && INTEGER.test(net) && INTEGER.test(area)
    && INTEGER.test(cell) && parseNumber(lon) !== null && parseNumber(lat) !== null;
}
