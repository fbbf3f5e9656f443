/**
 * Generators of hostile files for the parser fuzz tests: structured-but-wrong inputs (a valid
 * header with random cells, GeoJSON with a wrong type at any level, workbooks built valid and then
 * damaged, OpenCelliD rows with random fields, proposals and project files with fields of the
 * wrong type) and raw bytes. The existing property tests (test/unit/core/io/import-fuzz.property.test.ts)
 * mutate fixed good files by a few edits; these build the file itself at random.
 * Sizes stay small (a few kB to tens of kB) so that 10,000 cases run in seconds.
 */
import fc from 'fast-check';
import { detectColumns, type HouseholdField } from '../../../src/core/index.ts';
import { buildXlsx, columnName, escapeXml, sheetDataOf } from '../core/io/helpers/build-xlsx.ts';

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

// ---- cells ------------------------------------------------------------------------------------

/** Numbers as people and programs write them, including the ones that are not usable. */
const numberText = fc.oneof(
  fc.double().map(String), // NaN, Infinity, -0, 5e-324, 1.7976931348623157e308
  fc.integer().map(String),
  fc.double({ min: 70, max: 140, noNaN: true }).map((x) => x.toFixed(6)),
  fc.double({ min: 0, max: 60, noNaN: true }).map((x) => x.toFixed(6)),
  fc.constantFrom('1e309', '-1e309', '1e-400', '9'.repeat(400), '0.' + '0'.repeat(350) + '1', '-0', '+0', '0x1F', '1_000', '1,5', '1.5.5',
    '１０８．１２', '108。12', '−30', 'NaN', 'Infinity', '-Infinity', '1e', '.', '-', '+', 'e5', '108°07\'30"E', '29°58\'N', '108 07 30.5',
    '108:07:30', '108度7分30秒', '东经108°07′30″', 'N 29°58\'', '108.125°', '-108°W', 'S-30', '60°60\'60"', '1°2\'3"4', '∞'),
);

const dateText = fc.oneof(
  fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())),
  fc.constantFrom('2025-03-01', '2025-02-30', '2025/3/1', '2025.3.1 8:30', '2025-03-01T25:00', '2025-03-01T08:30:00+99:99', '0000-00-00',
    '9999-12-31T23:59:59.999999999Z', '2025-13-01', '2025-3-1 8:30:15+08:00'),
);

const signalText = fc.constantFrom('none', 'poor', 'fair', 'good', '无', '无信号', '差', '弱', '一般', '中', '好', '强', '0', '1', '2', '3',
  '４', 'GOOD ', 'bad', '');

/** Characters that break naive readers: separators, quotes, line breaks, BOMs, NUL, lone surrogates, wide forms. */
const nastyChar = fc.constantFrom(',', ';', '\t', '"', "'", '\r', '\n', '\r\n', '\uFEFF', '\u0000', '\uD800', '\uDFFF', '\u3000', '\u2028',
  '\u202E', '\uFFFD', '\uFFFF', '&', '<', '>', '=', '\\', '_x0000_', '{', '}', '[', ']', ':', '°', '′', '″', '中', '𠀀', '👨‍👩‍👧', '\u0301');

/** Text mixing ordinary and hostile characters. */
export const hostileText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.array(fc.oneof(nastyChar, fc.string({ maxLength: 3 })), { maxLength: 6 }).map((a) => a.join('')),
);

/** One cell of a table: any of the above, sometimes long. */
export const hostileCell: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: numberText },
  { weight: 3, arbitrary: hostileText },
  { weight: 1, arbitrary: dateText },
  { weight: 1, arbitrary: signalText },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '  ', '\t') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('1', 'a', ' ', '"', '中', '1 ', '1:'), fc.integer({ min: 50, max: 3000 })).map(([s, n]) => s.repeat(n)) },
);

// ---- text encodings ---------------------------------------------------------------------------

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = littleEndian ? 0xff : 0xfe;
  out[1] = littleEndian ? 0xfe : 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = littleEndian ? c & 0xff : c >> 8;
    out[3 + 2 * i] = littleEndian ? c >> 8 : c & 0xff;
  }
  return out;
}

export type TextForm = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'latin-bytes' | 'broken-utf-8';
export const textForm = fc.constantFrom<TextForm>('utf-8', 'utf-8', 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'latin-bytes', 'broken-utf-8');

/**
 * The text's bytes in one of the forms users' files come in: UTF-8 with or without BOM, UTF-16
 * with BOM, one byte per character (what a GBK file looks like to a UTF-8 decoder: not valid
 * UTF-8, so the GB18030 path runs), or UTF-8 with one stray byte (also not valid UTF-8).
 */
export function encodeText(text: string, form: TextForm, salt = 0): Uint8Array {
  switch (form) {
    case 'utf-8': return utf8(text);
    case 'utf-8-bom': return utf8('\uFEFF' + text);
    case 'utf-16le': return utf16(text, true);
    case 'utf-16be': return utf16(text, false);
    case 'latin-bytes': return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
    case 'broken-utf-8': {
      const b = utf8(text);
      const out = new Uint8Array(b.length + 1);
      const at = b.length === 0 ? 0 : salt % (b.length + 1);
      out.set(b.subarray(0, at));
      out[at] = 0x80 + (salt % 0x40);
      out.set(b.subarray(at), at + 1);
      return out;
    }
  }
}

// ---- CSV --------------------------------------------------------------------------------------

const csvQuote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

export interface CsvLayout {
  delimiter: string;
  /** Line ending of each line, cycled. */
  eols: string[];
  /** How each cell is written: raw, quoted properly, or with a quote left open/inserted. */
  quoting: 'raw' | 'quoted' | 'mixed';
  trailingEol: boolean;
}

export const csvLayout: fc.Arbitrary<CsvLayout> = fc.record({
  delimiter: fc.constantFrom(',', ',', ',', ',', ',', ';', ';', '\t', '\t', '|', ''),
  eols: fc.array(fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\u2028'), { minLength: 1, maxLength: 3 }),
  quoting: fc.constantFrom('raw', 'raw', 'quoted', 'mixed'),
  trailingEol: fc.boolean(),
});

/** A CSV text of `rows` (the first is usually a header) laid out as `layout` says. */
export function csvText(rows: readonly (readonly string[])[], layout: CsvLayout): string {
  const cellText = (cell: string, r: number, c: number) => {
    if (layout.quoting === 'raw') return cell;
    if (layout.quoting === 'quoted') return csvQuote(cell);
    return (r + c) % 3 === 0 ? csvQuote(cell) : cell;
  };
  let out = '';
  rows.forEach((cells, r) => {
    out += cells.map((cell, c) => cellText(cell, r, c)).join(layout.delimiter);
    if (r < rows.length - 1 || layout.trailingEol) out += layout.eols[r % layout.eols.length];
  });
  return out;
}

/** Household headers: each field by one of its aliases (FORMATS.md §1), or another word. */
const HOUSEHOLD_HEADERS = ['id', 'household_id', '户编号', '编号', 'lon', 'lng', 'longitude', 'x', '经度', 'lat', 'latitude', 'y', '纬度',
  'students', '学生人数', 'county', '区县', 'township', '乡镇', 'village', '村', 'signal', '信号强度', 'rsrp', 'rsrp_dbm', '参考信号接收功率',
  'down_mbps', '下行速率', 'date', '上报日期', 'operator', '运营商', '姓名', '电话', '家长姓名', 'name', ' LNG ', 'Household ID', '１ｄ'];

/** A header that usually names lon and lat, in any order, with other columns, sometimes repeated. */
export const householdHeader: fc.Arbitrary<string[]> = fc.tuple(
  fc.constantFrom(['lon', 'lat'], ['经度', '纬度'], ['longitude', 'latitude'], ['x', 'y'], ['lng', 'lat'], ['lon', 'lat'], ['经度', '纬度'],
    ['lat'], [] as string[]),
  fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...HOUSEHOLD_HEADERS) }, { weight: 1, arbitrary: hostileText }), { maxLength: 10 }),
  fc.nat(),
).map(([coords, others, seed]) => {
  const all = [...others];
  coords.forEach((c, k) => all.splice((seed >> (k * 4)) % (all.length + 1), 0, c));
  return all;
});

/** Title lines above the header, as teachers' sheets have. */
export const titleRows = fc.array(fc.array(fc.constantFrom('石柱县学生家庭网络信号调查表', '', '填表说明', 'lon', '2025'), { maxLength: 3 }), { maxLength: 2 });

const good = <T>(goodValues: fc.Arbitrary<T>, weight = 6) => fc.oneof({ weight, arbitrary: goodValues.map(String) }, { weight: 2, arbitrary: hostileCell });

/** A cell for a household field: usually a plausible value (homes near 108.2, 30.0), else hostile. */
const HOUSEHOLD_CELL: Readonly<Record<HouseholdField, fc.Arbitrary<string>>> = {
  id: good(fc.constantFrom('a', 'b', 'c', '1', '2', '3', 'row-2', 'SZ-01', ' a ')),
  lon: good(fc.double({ min: 108.1, max: 108.3, noNaN: true }).map((x) => x.toFixed(5)), 10),
  lat: good(fc.double({ min: 29.9, max: 30.1, noNaN: true }).map((x) => x.toFixed(5)), 10),
  students: good(fc.nat(12)),
  county: good(fc.constantFrom('石柱县', '500240')),
  township: good(fc.constantFrom('南宾街道', '500240001')),
  village: good(fc.constantFrom('龙池村', '')),
  signal: good(signalText),
  rsrp_dbm: good(fc.integer({ min: -150, max: -30 })),
  down_mbps: good(fc.double({ min: 0, max: 200, noNaN: true }).map((x) => x.toFixed(2))),
  reported_at: good(dateText),
  operator: good(fc.constantFrom('中国移动', '中国电信', '46000')),
  personal: good(fc.constantFrom('张三', '13800000000')),
};

/** Rows for a household header: each cell made for the field its column feeds, or hostile; some rows short, long or blank. */
export const householdRows = (header: readonly string[], maxRows = 12) => {
  const fields = detectColumns([...header]).fields;
  const row = fc.tuple(...fields.map((f) => (f === null ? hostileCell : HOUSEHOLD_CELL[f])));
  return fc.array(fc.oneof(
    { weight: 12, arbitrary: row.map((cells) => cells as string[]) },
    { weight: 1, arbitrary: fc.array(hostileCell, { maxLength: header.length + 4 }) },
    { weight: 1, arbitrary: fc.constant([] as string[]) },
  ), { maxLength: maxRows });
};

/** Rows of hostile cells, some short, some long, some blank. */
export const hostileRows = (width: number, maxRows = 12) =>
  fc.array(fc.oneof(
    { weight: 6, arbitrary: fc.array(hostileCell, { minLength: width, maxLength: width }) },
    { weight: 2, arbitrary: fc.array(hostileCell, { maxLength: width + 4 }) },
    { weight: 1, arbitrary: fc.constant([] as string[]) },
  ), { maxLength: maxRows });

// ---- JSON -------------------------------------------------------------------------------------

/** A JSON value nested `depth` deep (arrays or objects), built without recursion. */
export function nested(depth: number, leaf: unknown = 1, kind: 'array' | 'object' = 'array'): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** Any JSON value: small random ones, wrong-type scalars, deep nesting, long arrays. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -0, 1e308, -1e308, 5e-324, '', 'Point', 'Feature', '108', [], {}, [108, 30],
    [[108, 30]], { type: 'Point' }, '__proto__', 'constructor') },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom<'array' | 'object'>('array', 'object')).map(([d, k]) => nested(d, 1, k)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => i)) },
  { weight: 1, arbitrary: hostileCell },
);

/** JSON text of a value, then sometimes edited as text: numbers JSON cannot hold (1e309), a BOM, a cut. */
export const jsonTextOf = (value: fc.Arbitrary<unknown>) => fc.tuple(value, fc.constantFrom('plain', 'plain', 'plain', 'plain', 'plain', 'plain', 'huge', 'bom', 'cut', 'dup'), fc.nat())
  .map(([v, edit, n]) => {
    const text = JSON.stringify(v) ?? 'null';
    switch (edit) {
      case 'huge': return text.replace(/\b(108|30|1)\b/g, (m, _g, at: number) => (at % 3 === n % 3 ? '1e309' : m));
      case 'bom': return '\uFEFF' + text;
      case 'cut': return text.slice(0, n % (text.length + 1));
      case 'dup': return text.replace('{', '{"type":"x","features":1,"properties":[],');
      default: return text;
    }
  });

// ---- GeoJSON households -----------------------------------------------------------------------

const coordinate = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 73, max: 136, noNaN: true }) },
  { weight: 4, arbitrary: fc.double({ min: 3, max: 54, noNaN: true }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: anyJson },
);

const geometry = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(coordinate, coordinate).map(([x, y]) => ({ type: 'Point', coordinates: [x, y] })) },
  { weight: 2, arbitrary: fc.record({ type: fc.oneof(fc.constantFrom('Point', 'MultiPoint', 'Polygon', 'LineString', 'GeometryCollection'), anyJson), coordinates: anyJson }) },
  { weight: 1, arbitrary: fc.array(coordinate, { maxLength: 4 }).map((c) => ({ type: 'Point', coordinates: c })) },
  { weight: 1, arbitrary: anyJson },
);

const propertyKey = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HOUSEHOLD_HEADERS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '') });
const propertyValue = fc.oneof({ weight: 3, arbitrary: hostileCell }, { weight: 2, arbitrary: anyJson }, { weight: 2, arbitrary: coordinate });

const feature = fc.oneof(
  { weight: 6, arbitrary: fc.record({
    type: fc.oneof({ weight: 8, arbitrary: fc.constant<unknown>('Feature') }, { weight: 1, arbitrary: anyJson }),
    geometry: fc.oneof({ weight: 8, arbitrary: geometry }, { weight: 1, arbitrary: fc.constant(null) }),
    properties: fc.oneof({ weight: 6, arbitrary: fc.dictionary(propertyKey, propertyValue, { maxKeys: 8 }) }, { weight: 1, arbitrary: anyJson }),
    id: anyJson,
  }, { requiredKeys: ['type'] }) },
  { weight: 1, arbitrary: anyJson },
);

/** A GeoJSON document with a wrong type possible at every level. */
export const geojsonDocument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.record({
    type: fc.oneof({ weight: 8, arbitrary: fc.constant<unknown>('FeatureCollection') }, { weight: 1, arbitrary: anyJson }),
    features: fc.oneof({ weight: 8, arbitrary: fc.array(feature, { maxLength: 12 }) }, { weight: 1, arbitrary: anyJson }),
  }) },
  { weight: 1, arbitrary: feature },
  { weight: 1, arbitrary: anyJson },
);

// ---- workbooks --------------------------------------------------------------------------------

// Characters XML 1.0 cannot hold (control characters but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates), built from code points.
const NOT_IN_XML = new RegExp(`[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}${String.fromCharCode(12)}`
  + `${String.fromCharCode(14)}-${String.fromCharCode(31)}\uFFFE\uFFFF]|[\uD800-\uDFFF]`, 'g');

/** A `<c>` element: usually well-typed (numbers, text, booleans, shared-string indices), sometimes any type, style and reference. */
const rawCell = fc.oneof(
  { weight: 8, arbitrary: fc.oneof(
    fc.record({ t: fc.constantFrom(undefined, 'n'), s: fc.constantFrom(undefined, '0', '1', '2'), ref: fc.constant('auto'), value: numberText }),
    fc.record({ t: fc.constantFrom('str', 'inlineStr'), s: fc.constant(undefined), ref: fc.constantFrom('auto', 'none'), value: hostileCell }),
    fc.record({ t: fc.constant('b'), s: fc.constant(undefined), ref: fc.constant('auto'), value: fc.constantFrom('0', '1', 'x') }),
    fc.record({ t: fc.constant('s'), s: fc.constant(undefined), ref: fc.constant('auto'), value: fc.constantFrom('0', '1', '2', '') }),
    fc.record({ t: fc.constant('d'), s: fc.constant(undefined), ref: fc.constant('auto'), value: dateText }),
  ) },
  { weight: 1, arbitrary: fc.record({
    t: fc.constantFrom(undefined, 'n', 's', 'str', 'inlineStr', 'b', 'e', 'd', 'x'),
    s: fc.constantFrom(undefined, '0', '1', '2', '99', '-1', 'x'),
    ref: fc.constantFrom('auto', 'none', 'bad'),
    value: hostileCell,
  }) },
);
type RawCell = typeof rawCell extends fc.Arbitrary<infer T> ? T : never;

function rawRowXml(row: number, cells: readonly RawCell[]): string {
  return `<row r="${row}">` + cells.map((c, col) => {
    const r = c.ref === 'auto' ? ` r="${columnName(col)}${row}"` : c.ref === 'bad' ? ` r="${escapeXml(c.value.slice(0, 4))}"` : '';
    const t = c.t === undefined ? '' : ` t="${c.t}"`;
    const s = c.s === undefined ? '' : ` s="${c.s}"`;
    const text = escapeXml(c.value.replace(NOT_IN_XML, '_x0001_'));
    const body = c.t === 'inlineStr' ? `<is><t>${text}</t></is>` : `<v>${text}</v>`;
    return `<c${r}${t}${s}>${body}</c>`;
  }).join('') + '</row>';
}

const STYLES = [
  undefined,
  '<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/></cellXfs></styleSheet>',
  '<styleSheet><numFmts><numFmt numFmtId="200" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs><xf numFmtId="200"/><xf numFmtId="x"/></cellXfs></styleSheet>',
];

export interface WorkbookCase {
  bytes: Uint8Array;
  sheet?: string;
}

export type Damage = { kind: 'none' } | { kind: 'bytes'; edits: { at: number; byte: number }[] } | { kind: 'cut'; at: number }
  | { kind: 'splice'; at: number; length: number };

export const damage: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Damage>({ kind: 'none' }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('bytes' as const), edits: fc.array(fc.record({ at: fc.nat(), byte: fc.nat(255) }), { minLength: 1, maxLength: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), length: fc.nat(64) }) },
);

/** Applies byte damage to a copy (never to the input). */
export function applyDamage(bytes: Uint8Array, d: Damage): Uint8Array {
  if (d.kind === 'none' || bytes.length === 0) return bytes;
  if (d.kind === 'cut') return bytes.slice(0, d.at % bytes.length);
  if (d.kind === 'splice') {
    const at = d.at % bytes.length;
    const out = new Uint8Array(bytes.length - Math.min(d.length, bytes.length - at));
    out.set(bytes.subarray(0, at));
    out.set(bytes.subarray(at + d.length), at);
    return out;
  }
  const out = bytes.slice();
  for (const e of d.edits) out[e.at % out.length] = e.byte;
  return out;
}

/**
 * A workbook built valid (header + rows of typed cells, maybe title rows, shared strings, styles,
 * several sheets, 1904 dates) and then maybe damaged byte-wise; the sheet option may name a sheet
 * that is there or not.
 */
export const workbookCase = (header: fc.Arbitrary<string[]>): fc.Arbitrary<WorkbookCase> => fc.record({
  title: titleRows,
  header,
  rows: fc.array(fc.array(rawCell, { maxLength: 10 }), { maxLength: 10 }),
  plainRows: hostileRows(6, 4),
  shared: fc.option(fc.array(hostileText, { minLength: 3, maxLength: 5 }), { nil: undefined, freq: 3 }),
  styles: fc.constantFrom(...STYLES),
  date1904: fc.boolean(),
  second: fc.option(fc.record({ name: hostileText, hidden: fc.boolean() }), { nil: undefined }),
  firstHidden: fc.boolean(),
  sheet: fc.constantFrom(undefined, undefined, undefined, undefined, 'S', 'T', 's ', 'missing'),
  damage,
}).map((w) => {
  const clean = (s: string) => s.replace(NOT_IN_XML, '');
  const head = [...w.title, w.header].map((r) => r.map(clean));
  let sheetData = sheetDataOf(head);
  let row = head.length;
  for (const cells of w.plainRows) sheetData += sheetDataOf([cells.map(clean)], ++row);
  for (const cells of w.rows) sheetData += rawRowXml(++row, cells);
  const sheets = [{ name: 'S', sheetData, hidden: w.firstHidden }];
  if (w.second) sheets.push({ name: clean(w.second.name) || 'T', sheetData: sheetDataOf([['lon', 'lat'], ['108.1', '30.1']]), hidden: w.second.hidden });
  const bytes = buildXlsx({
    sheets, date1904: w.date1904,
    ...(w.shared ? { sharedStrings: w.shared.map(clean) } : {}),
    ...(w.styles ? { styles: w.styles } : {}),
  });
  return { bytes: applyDamage(bytes, w.damage), ...(w.sheet === undefined ? {} : { sheet: w.sheet }) };
});

/** Raw bytes: random, a zip signature then random, or random text. */
export const rawBytes = fc.oneof(
  fc.uint8Array({ maxLength: 1024 }),
  fc.uint8Array({ maxLength: 1024 }).map((b) => Uint8Array.from([0x50, 0x4b, 3, 4, ...b])),
  fc.uint8Array({ maxLength: 64 }).map((b) => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, ...b])),
  fc.string({ unit: 'grapheme', maxLength: 200 }).map(utf8),
);

// ---- site lists and cell exports --------------------------------------------------------------

const SITE_HEADERS = ['id', 'name', 'lon', 'lat', 'height_m', 'band_mhz', 'eirp_dbm', 'operator', 'radius_m', 'synthetic', '站名', '经度', '纬度',
  '高度', '频段', '运营商', '覆盖半径'];

/** A simple site list header: usually the documented one, shuffled or cut, sometimes with other words. */
export const siteHeader: fc.Arbitrary<string[]> = fc.oneof(
  fc.constant<string[]>(['id', 'name', 'lon', 'lat', 'height_m', 'band_mhz', 'eirp_dbm', 'operator']),
  fc.constant<string[]>(['站名', '经度', '纬度', '高度', '频段', '运营商', '覆盖半径', 'synthetic']),
  fc.shuffledSubarray(SITE_HEADERS, { minLength: 1 }),
  fc.array(fc.oneof(fc.constantFrom(...SITE_HEADERS), hostileText), { maxLength: 8 }),
);

const SITE_CELL: Readonly<Record<string, fc.Arbitrary<string>>> = {
  id: good(fc.constantFrom('s1', 's2', 's3', '1', '2', 'row-2')),
  lon: good(fc.double({ min: 108, max: 108.4, noNaN: true }).map((x) => x.toFixed(5)), 10),
  lat: good(fc.double({ min: 29.8, max: 30.2, noNaN: true }).map((x) => x.toFixed(5)), 10),
  height_m: good(fc.integer({ min: -10, max: 400 })),
  band_mhz: good(fc.constantFrom(700, 900, 1800, 2600, 0, 100_000)),
  eirp_dbm: good(fc.integer({ min: -10, max: 100 })),
  radius_m: good(fc.integer({ min: -100, max: 100_000 })),
  synthetic: good(fc.constantFrom('true', 'false', '是', '否', 'maybe')),
};
const SITE_FIELD_OF: Readonly<Record<string, string>> = { 站名: 'name', 经度: 'lon', 纬度: 'lat', 高度: 'height_m', 频段: 'band_mhz', 覆盖半径: 'radius_m' };

/** Rows for a site header: cells made for their column, or hostile. */
export const siteRows = (header: readonly string[], maxRows = 12) => {
  const row = fc.tuple(...header.map((h) => SITE_CELL[SITE_FIELD_OF[h] ?? h] ?? hostileCell));
  return fc.array(fc.oneof({ weight: 10, arbitrary: row.map((c) => c as string[]) }, { weight: 1, arbitrary: fc.array(hostileCell, { maxLength: 10 }) }),
    { maxLength: maxRows });
};

export const OPENCELLID_HEADER = ['radio', 'mcc', 'net', 'area', 'cell', 'unit', 'lon', 'lat', 'range', 'samples', 'changeable', 'created',
  'updated', 'averageSignal'];

/** One OpenCelliD field: usually plausible for its column (towers near 108.2, 30.0, some stacked), else hostile. */
const OPENCELLID_CELL: readonly fc.Arbitrary<string>[] = [
  good(fc.constantFrom('LTE', 'GSM', 'UMTS', 'NR', 'CDMA', 'lte', 'X'), 24),
  good(fc.constantFrom(460, 460, 460, 454, 0, 4600), 24),
  good(fc.constantFrom(0, 1, 3, 9, 11, 15, 99, -1), 24),
  good(fc.integer({ min: 0, max: 70_000 }), 24),
  good(fc.integer({ min: 0, max: 300_000_000 }), 24),
  good(fc.nat(500), 24),
  good(fc.constantFrom(108.2, 108.2001, 108.2003, 108.25).chain((x) => fc.constantFrom(x, x + 1e-7)), 24),
  good(fc.constantFrom(30, 30.0002, 30.05).chain((y) => fc.constantFrom(y, y + 1e-7)), 24),
  good(fc.integer({ min: -10, max: 100_000 }), 24),
  good(fc.nat(1000), 24),
  good(fc.constantFrom(0, 1), 24),
  good(fc.integer({ min: 1_000_000_000, max: 1_800_000_000 }), 24),
  good(fc.integer({ min: 1_000_000_000, max: 1_800_000_000 }), 24),
  good(fc.integer({ min: -140, max: 0 }), 24),
];

/** OpenCelliD rows: 14 fields made for their column (or hostile), sometimes cut after 8 or more. */
export const opencellidRows = (maxRows = 16) => fc.array(
  fc.tuple(fc.tuple(...OPENCELLID_CELL), fc.integer({ min: 6, max: 16 })).map(([cells, n]) => (n >= 14 ? [...cells, ...Array(n - 14).fill('')] : cells.slice(0, n))),
  { maxLength: maxRows },
);

/** An OpenCelliD header: the standard one, with aliases, shuffled, or none at all. */
export const opencellidHeader: fc.Arbitrary<string[] | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<string[] | null>(OPENCELLID_HEADER) },
  { weight: 2, arbitrary: fc.constant<string[] | null>(null) },
  { weight: 1, arbitrary: fc.constant<string[] | null>(['RAT', 'MCC', 'MNC', 'LAC', 'CID', 'PSC', 'Longitude', 'Latitude', 'Range']) },
  { weight: 1, arbitrary: fc.shuffledSubarray(OPENCELLID_HEADER, { minLength: 3 }) },
);

// ---- proposals and project files --------------------------------------------------------------

/** A value for a field: usually of the right kind, sometimes any JSON value (a wrong type). */
const fieldValue = <T>(right: fc.Arbitrary<T>) => fc.oneof({ weight: 30, arbitrary: right as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: anyJson });

/** A site-proposal feature (FORMATS.md §4) whose every member may be missing or of the wrong type. */
const proposalFeature = fc.record({
  type: fieldValue(fc.constant('Feature')),
  id: fieldValue(fc.constantFrom('site-1', 'site-2', 'site-3', '')),
  geometry: fieldValue(fc.record({
    type: fieldValue(fc.constant('Point')),
    coordinates: fieldValue(fc.tuple(fieldValue(fc.double({ min: 73, max: 136, noNaN: true })), fieldValue(fc.double({ min: 3, max: 54, noNaN: true })))),
  })),
  properties: fieldValue(fc.record({
    kind: fieldValue(fc.constantFrom('site', 'site', 'site', 'site', 'coverage', 'cluster')),
    id: fieldValue(fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('site-1', 'site-2'))),
    siteId: fieldValue(fc.constant('site-1')),
    name: fieldValue(hostileText),
    status: fieldValue(fc.constantFrom('proposed', 'surveyed', 'approved', 'rejected', 'proposed', 'existing')),
    origin: fieldValue(fc.constantFrom('manual', 'suggested', 'manual', 'auto')),
    antennaHeightM: fieldValue(fc.double({ min: 0, max: 1000, noNaN: true })),
    bandMHz: fieldValue(fc.double({ min: 1, max: 100_000, noNaN: true })),
    eirpDbm: fieldValue(fc.double({ min: -50, max: 100, noNaN: true })),
    radiusM: fieldValue(fc.double({ min: 0, max: 1_000_000, noNaN: true })),
    costCny: fieldValue(fc.double({ min: 0, max: 1e12, noNaN: true })),
    notes: fieldValue(hostileText),
    operator: fieldValue(fc.constantFrom('中国移动', '')),
    radio: fieldValue(fc.constantFrom('LTE', 'NR')),
    synthetic: fieldValue(fc.boolean()),
    newlyCoveredHouseholds: fieldValue(fc.nat()),
  }, { requiredKeys: [] })),
}, { requiredKeys: ['type'] });

/** A site-proposals file: a FeatureCollection (maybe with a `blindspot` member) of such features, or anything else. */
export const proposalsDocument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.record({
    type: fieldValue(fc.constant('FeatureCollection')),
    blindspot: fieldValue(fc.record({ schema: fieldValue(fc.constantFrom('blindspot.sites/1', 'blindspot.sites/1', 'blindspot.sites/1', 'blindspot.sites/2')) })),
    features: fieldValue(fc.array(proposalFeature, { maxLength: 6 })),
  }, { requiredKeys: ['type', 'features'] }) },
  { weight: 1, arbitrary: anyJson },
);

/** Replaces, deletes or wraps the value at a random path of a JSON document (a copy), `edits` times. */
export function editJson(doc: unknown, edits: readonly { pick: number; action: 'replace' | 'delete' | 'wrap'; value: unknown }[]): unknown {
  const copy = structuredClone(doc);
  for (const e of edits) {
    // Collect the containers and their keys, then pick one.
    const slots: [Record<string, unknown> | unknown[], string | number][] = [];
    const stack: unknown[] = [copy];
    while (stack.length > 0 && slots.length < 2000) {
      const node = stack.pop();
      if (Array.isArray(node)) node.forEach((v, i) => { slots.push([node, i]); stack.push(v); });
      else if (typeof node === 'object' && node !== null) {
        for (const [k, v] of Object.entries(node)) { slots.push([node as Record<string, unknown>, k]); stack.push(v); }
      }
    }
    // A fresh copy of the value each time: fast-check may hand the same object to several edits or
    // calls, and inserting one object twice (then editing inside it) can make the document circular.
    const value = structuredClone(e.value);
    if (slots.length === 0) return value;
    const [parent, key] = slots[e.pick % slots.length]!;
    const target = parent as Record<string | number, unknown>;
    if (e.action === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete target[key];
    } else target[key] = e.action === 'wrap' ? [target[key]] : value;
  }
  return copy;
}

export const jsonEdits = fc.array(fc.record({ pick: fc.nat(), action: fc.constantFrom('replace' as const, 'replace' as const, 'delete' as const, 'wrap' as const), value: anyJson }),
  { minLength: 1, maxLength: 3 });
