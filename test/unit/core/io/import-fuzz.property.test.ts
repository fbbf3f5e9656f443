/**
 * Property tests (fast-check) for every reader of user files: random bytes and random mutations
 * of good files (CSV, GeoJSON, .xlsx, OpenCelliD, simple site CSV) give row issues or exactly one
 * `UserInputError` with a known code — never another exception — and, when a mutation touches
 * one row only, every other good row still comes out (same id, same position).
 * No hang: inputs are small (at most a few kB), so every case ends in milliseconds; a hang would
 * show as the test's timeout, not as a flaky timing assertion.
 * Volume: FUZZ_RUNS (default 1000) cases per property, 11 properties (~10 s on 2 cores); e.g. FUZZ_RUNS=20000 for a
 * deeper run. FUZZ_SEED replays a run.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  UserInputError, detectColumns, parseHouseholdsFile, parseSitesFile, type HouseholdsFileResult, type SitesFileResult,
} from '../../../../src/core/index.ts';
import { buildXlsx, sheetDataOf } from './helpers/build-xlsx.ts';

const RUNS = Math.max(1, Number(process.env['FUZZ_RUNS'] ?? '') || 1000);
const SEED = process.env['FUZZ_SEED'] === undefined ? {} : { seed: Number(process.env['FUZZ_SEED']) };
const OPTIONS = { numRuns: RUNS, ...SEED };
const TIMEOUT_MS = 60_000 + RUNS * 60;

/** Every code a reader may throw for an unusable file. */
const KNOWN_CODES = new Set(['empty_file', 'invalid_json', 'not_geojson', 'unterminated_quote', 'no_header', 'no_coordinate_columns',
  'no_data_rows', 'unsupported_format', 'workbook_too_large', 'xls_not_supported', 'not_a_workbook', 'sheet_not_found',
  'invalid_mapping']);
const ISSUE_CODES = new Set(['missing_coordinate', 'not_a_number', 'out_of_range', 'swapped_lat_lon', 'outside_area',
  'duplicate_id_conflict', 'unknown_signal_value', 'invalid_date', 'not_a_point', 'empty_row', 'other_country']);

type Outcome<T> = { ok: true; value: T } | { ok: false; error: UserInputError };

/** Runs a reader; anything thrown but a UserInputError with a known code fails the property. */
async function outcome<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (!(err instanceof UserInputError)) throw new Error(`not a UserInputError: ${err instanceof Error ? err.stack : String(err)}`);
    expect(KNOWN_CODES.has(err.code), `unknown code ${err.code}`).toBe(true);
    expect(err.message.length).toBeGreaterThan(0);
    return { ok: false, error: err };
  }
}

function checkIssues(issues: readonly { line: number; code: string; severity: string; message: string }[]) {
  for (const i of issues) {
    expect(Number.isInteger(i.line) && i.line >= 1).toBe(true);
    expect(ISSUE_CODES.has(i.code), i.code).toBe(true);
    expect(['error', 'warning']).toContain(i.severity);
  }
}

function checkHouseholds(r: HouseholdsFileResult) {
  checkIssues(r.issues);
  const reportLines = r.households.flatMap((h) => h.reports.map((rep) => rep.line));
  const errorLines = new Set(r.issues.filter((i) => i.severity === 'error').map((i) => i.line));
  for (const line of reportLines) expect(errorLines.has(line)).toBe(false);
  expect(reportLines.length + errorLines.size).toBe(r.rows); // nothing dropped silently
  for (const h of r.households) {
    expect(Number.isFinite(h.lon) && Number.isFinite(h.lat)).toBe(true);
    expect(h.lon >= 73 && h.lon <= 136 && h.lat >= 3 && h.lat <= 54).toBe(true);
  }
}

function checkSites(r: SitesFileResult) {
  checkIssues(r.issues);
  for (const s of r.sites) expect(Number.isFinite(s.lon) && Number.isFinite(s.lat) && s.radiusM > 0).toBe(true);
  expect(new Set(r.sites.map((s) => s.id)).size).toBe(r.sites.length);
}

// ---- good files -------------------------------------------------------------------------------

const IDS = ['alpha-01', 'bravo-02', 'charlie-03', 'delta-04', 'echo-05', 'foxtrot-06', 'golf-07', 'hotel-08'];
const pos = (i: number): [number, number] => [Number((108.2 + i * 0.003).toFixed(4)), Number((30.1 + i * 0.002).toFixed(4))];
const CSV_HEADER = '户编号,经度,纬度,学生人数,村,信号强度,参考信号接收功率,下行速率,上报日期,家长姓名';
const csvRow = (i: number) => `${IDS[i]},${pos(i)[0]},${pos(i)[1]},2,龙池村,差,-110,0.5,2025-03-0${i + 1},测试家长${i}`;

const GEOJSON = () => ({
  type: 'FeatureCollection',
  features: IDS.map((id, i) => ({
    type: 'Feature', geometry: { type: 'Point', coordinates: pos(i) }, properties: { 户编号: id, 学生人数: 2, 信号强度: '差' },
  })),
});

const XLSX_HEADER = ['户编号', '经度', '纬度', '学生人数', '信号强度', '上报日期'];
const xlsxRow = (i: number): (string | number | null)[] => [IDS[i]!, pos(i)[0], pos(i)[1], 2, '差', `2025-03-0${i + 1}`];

// OpenCelliD: 8 cells at 8 towers ~1.6 km apart, four operators.
const NETS = [0, 1, 3, 11, 15, 9, 0, 1];
const OPERATORS: Record<number, string> = { 0: '中国移动', 1: '中国联通', 9: '中国联通', 3: '中国电信', 11: '中国电信', 15: '中国广电' };
const cellPos = (i: number): [number, number] => [Number((108.2 + i * 0.015).toFixed(4)), Number((30.1 + (i % 2) * 0.01).toFixed(4))];
const OC_HEADER = 'radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal';
const ocRow = (i: number) => `LTE,460,${NETS[i]},${1000 + i},${5000 + i},0,${cellPos(i)[0]},${cellPos(i)[1]},1200,5,1,1580000000,1700000000,0`;

const SITE_HEADER = 'id,name,lon,lat,height_m,band_mhz,eirp_dbm,operator';
const SITE_IDS = ['tower-alpha', 'tower-bravo', 'tower-charlie', 'tower-delta', 'tower-echo', 'tower-foxtrot'];
const siteRow = (i: number) => `${SITE_IDS[i]},站${i},${cellPos(i)[0]},${cellPos(i)[1]},30,900,58,中国移动`;

// ---- mutations --------------------------------------------------------------------------------

const specialChar = fc.constantFrom(',', ';', '\t', '"', '\r', '\n', '°', "'", '′', '″', '.', '-', '+', 'e', 'E', ' ', '\u3000', '１',
  '．', '。', '中', '\u0000', '\uFEFF', '\uFFFD', 'N', 'S', '<', '>', '&', '=', '/', ':', '0', '5', '9', '{', '}', '[');
const anyChar = fc.oneof(specialChar, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
const edit = fc.record({ kind: fc.constantFrom('insert', 'delete', 'replace'), at: fc.nat(), ch: anyChar });
const edits = fc.array(edit, { minLength: 1, maxLength: 3 });

function applyEdits(text: string, list: readonly { kind: string; at: number; ch: string }[]): string {
  let t = text;
  for (const e of list) {
    if (e.kind === 'insert') { const p = e.at % (t.length + 1); t = t.slice(0, p) + e.ch + t.slice(p); }
    else if (t.length > 0) {
      const p = e.at % t.length;
      t = t.slice(0, p) + (e.kind === 'replace' ? e.ch : '') + t.slice(p + 1);
    }
  }
  return t;
}

/** Random byte-level damage: overwrite, insert or delete a few bytes, or cut the file. */
const byteEdits = fc.array(fc.record({ kind: fc.constantFrom('set', 'insert', 'delete', 'cut'), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  { minLength: 1, maxLength: 6 });
function applyByteEdits(bytes: Uint8Array, list: readonly { kind: string; at: number; byte: number }[]): Uint8Array {
  let b = Array.from(bytes);
  for (const e of list) {
    const p = b.length === 0 ? 0 : e.at % b.length;
    if (e.kind === 'set' && b.length > 0) b[p] = e.byte;
    else if (e.kind === 'insert') b.splice(p, 0, e.byte);
    else if (e.kind === 'delete') b.splice(p, 1);
    else if (e.kind === 'cut') b = b.slice(0, p);
  }
  return new Uint8Array(b);
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Each good household's id is there, at its position. */
function expectGoodHouseholds(r: HouseholdsFileResult, good: readonly number[]) {
  const byId = new Map(r.households.map((h) => [h.id, h]));
  for (const i of good) {
    const h = byId.get(IDS[i]!);
    expect(h, `household ${IDS[i]} lost`).toBeDefined();
    expect([h?.lon, h?.lat]).toEqual(pos(i));
  }
}

// ---- properties -------------------------------------------------------------------------------

describe('fuzz: household files', () => {
  it('random bytes under any name: row issues or one UserInputError', { timeout: TIMEOUT_MS }, async () => {
    const names = fc.constantFrom('x.csv', 'x.txt', 'x.geojson', 'x.json', 'x.xlsx', 'x.xls', '');
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }),
      fc.uint8Array({ maxLength: 2048 }).map((b) => new Uint8Array([0x50, 0x4b, 3, 4, ...b])),
      fc.string({ unit: 'grapheme', maxLength: 400 }).map(utf8),
    );
    await fc.assert(fc.asyncProperty(names, bytes, async (name, b) => {
      const r = await outcome(() => parseHouseholdsFile({ name, bytes: b }));
      if (r.ok) checkHouseholds(r.value);
    }), OPTIONS);
  });

  it('CSV: edits inside one row never lose another row', { timeout: TIMEOUT_MS }, async () => {
    await fc.assert(fc.asyncProperty(fc.nat(IDS.length - 1), edits, fc.boolean(), async (k, list, crlf) => {
      const rows = IDS.map((_, i) => (i === k ? applyEdits(csvRow(i), list) : csvRow(i)));
      const body = [CSV_HEADER, ...rows].join(crlf ? '\r\n' : '\n') + '\n';
      const r = await outcome(() => parseHouseholdsFile({ name: 'h.csv', bytes: utf8(body) }));
      if (!r.ok) return;
      checkHouseholds(r.value);
      expectGoodHouseholds(r.value, IDS.map((_, i) => i).filter((i) => i !== k));
    }), OPTIONS);
  });

  it('CSV and GeoJSON: random byte damage anywhere (header included) never throws anything else', { timeout: TIMEOUT_MS }, async () => {
    const csv = utf8([CSV_HEADER, ...IDS.map((_, i) => csvRow(i))].join('\n'));
    const geo = utf8(JSON.stringify(GEOJSON()));
    await fc.assert(fc.asyncProperty(fc.boolean(), byteEdits, async (isCsv, list) => {
      const r = await outcome(() => parseHouseholdsFile({ name: isCsv ? 'h.csv' : 'h.geojson', bytes: applyByteEdits(isCsv ? csv : geo, list) }));
      if (r.ok) checkHouseholds(r.value);
    }), OPTIONS);
  });

  it('GeoJSON: one damaged feature never loses another', { timeout: TIMEOUT_MS }, async () => {
    const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
    const safeKey = fc.string({ maxLength: 6 }).filter((k) => detectColumns([k]).fields[0] === null && k !== '__proto__');
    const safeProps = fc.dictionary(safeKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('geometry' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
      fc.record({ kind: fc.constant('point' as const), value: fc.tuple(fc.double(), fc.double()) }),
      fc.record({ kind: fc.constant('value' as const), key: fc.constantFrom('户编号', '学生人数', '信号强度'), value: fc.jsonValue({ maxDepth: 2 }) }),
      fc.record({ kind: fc.constant('feature' as const), value: fc.jsonValue({ maxDepth: 3 }).filter((v) => !(isObject(v) && 'properties' in v)) }),
      fc.record({ kind: fc.constant('properties' as const), value: safeProps }),
    );
    await fc.assert(fc.asyncProperty(fc.nat(IDS.length - 1), mutation, async (k, m) => {
      const doc = GEOJSON() as { features: unknown[] };
      const f = doc.features[k] as { geometry: unknown; properties: Record<string, unknown> };
      if (m.kind === 'geometry') f.geometry = m.value;
      else if (m.kind === 'point') f.geometry = { type: 'Point', coordinates: m.value };
      else if (m.kind === 'value') f.properties[m.key] = m.value;
      else if (m.kind === 'feature') doc.features[k] = m.value;
      else f.properties = m.value;
      const r = await outcome(() => parseHouseholdsFile({ name: 'h.geojson', bytes: utf8(JSON.stringify(doc)) }));
      if (!r.ok) return;
      checkHouseholds(r.value);
      expectGoodHouseholds(r.value, IDS.map((_, i) => i).filter((i) => i !== k));
    }), OPTIONS);
  });
});

describe('fuzz: Excel workbooks', () => {
  const goodRows = () => [XLSX_HEADER, ...IDS.map((_, i) => xlsxRow(i))];

  it('random cell values in one row never lose another row', { timeout: TIMEOUT_MS }, async () => {
    const value = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.double(), fc.integer(), fc.constant(null),
      fc.constantFrom('108°07\'30"E', '２９．９', '', ' ', '-0', '1e309'));
    await fc.assert(fc.asyncProperty(fc.nat(IDS.length - 1), fc.array(value, { maxLength: 8 }), async (k, cells) => {
      const rows = goodRows();
      rows[k + 1] = cells;
      const bytes = buildXlsx({ sheets: [{ name: 'S', sheetData: sheetDataOf(rows) }] });
      const r = await outcome(() => parseHouseholdsFile({ name: 'h.xlsx', bytes }));
      if (!r.ok) throw new Error(`a well-formed workbook was refused: ${r.error.code} ${r.error.message}`);
      checkHouseholds(r.value);
      expectGoodHouseholds(r.value, IDS.map((_, i) => i).filter((i) => i !== k));
    }), OPTIONS);
  });

  it('edits inside one <row> of the sheet XML: one UserInputError or no other row lost', { timeout: TIMEOUT_MS }, async () => {
    const xmlChar = fc.oneof(fc.constantFrom('<', '>', '/', '"', "'", '&', '=', ' ', 'r', 'c', 'v', 't', 's', 'A', '1', '9', ';', '#', '!', '-', '?', 'x', ':'), anyChar);
    const xmlEdits = fc.array(fc.record({ kind: fc.constantFrom('insert', 'delete', 'replace'), at: fc.nat(), ch: xmlChar }), { minLength: 1, maxLength: 3 });
    const base = buildXlsx({ sheets: [{ name: 'S', sheetData: sheetDataOf(goodRows()) }] });
    const parts = unzipSync(base);
    const sheetXml = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    await fc.assert(fc.asyncProperty(fc.nat(IDS.length - 1), xmlEdits, async (k, list) => {
      const open = sheetXml.indexOf(`<row r="${k + 2}">`);
      const close = sheetXml.indexOf('</row>', open) + '</row>'.length;
      const xml = sheetXml.slice(0, open) + applyEdits(sheetXml.slice(open, close), list) + sheetXml.slice(close);
      const bytes = zipSync({ ...parts, 'xl/worksheets/sheet1.xml': strToU8(xml) });
      const r = await outcome(() => parseHouseholdsFile({ name: 'h.xlsx', bytes }));
      if (!r.ok) return;
      checkHouseholds(r.value);
      expectGoodHouseholds(r.value, IDS.map((_, i) => i).filter((i) => i !== k));
    }), OPTIONS);
  });

  it('random byte damage to the zip never throws anything else', { timeout: TIMEOUT_MS }, async () => {
    const base = buildXlsx({ sheets: [{ name: 'S', sheetData: sheetDataOf(goodRows()) }, { name: 'T', sheetData: sheetDataOf([['a']]) }],
      sharedStrings: ['x'], styles: '<styleSheet><cellXfs><xf numFmtId="14"/></cellXfs></styleSheet>' });
    await fc.assert(fc.asyncProperty(byteEdits, fc.constantFrom(undefined, 'S', 'T', 'U'), async (list, sheet) => {
      const r = await outcome(() => parseHouseholdsFile({ name: 'h.xlsx', bytes: applyByteEdits(base, list) }, sheet ? { sheet } : {}));
      if (r.ok) checkHouseholds(r.value);
    }), OPTIONS);
  });
});

describe('fuzz: site files', () => {
  it('random bytes under any name: row issues or one UserInputError', { timeout: TIMEOUT_MS }, async () => {
    const names = fc.constantFrom('s.csv', 's.xlsx', 's.geojson', 'cells.csv');
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 2048 }), fc.string({ unit: 'grapheme', maxLength: 400 }).map(utf8),
      fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer().map(String), fc.double().map(String)), { minLength: 8, maxLength: 14 })
        .map((cells) => utf8(`LTE,460,${cells.join(',')}\n${cells.join(',')}`)));
    await fc.assert(fc.asyncProperty(names, bytes, async (name, b) => {
      const r = await outcome(() => parseSitesFile({ name, bytes: b }));
      if (r.ok) checkSites(r.value);
    }), OPTIONS);
  });

  it('OpenCelliD (with and without header): edits inside one row never lose another cell\'s site', { timeout: TIMEOUT_MS }, async () => {
    await fc.assert(fc.asyncProperty(fc.nat(NETS.length - 1), edits, fc.boolean(), async (k, list, header) => {
      const rows = NETS.map((_, i) => (i === k ? applyEdits(ocRow(i), list) : ocRow(i)));
      const body = [...(header ? [OC_HEADER] : []), ...rows].join('\n') + '\n';
      const r = await outcome(() => parseSitesFile({ name: 'cells.csv', bytes: utf8(body) }));
      if (!r.ok) return;
      checkSites(r.value);
      expect(r.value.kind).toBe('opencellid');
      for (let i = 0; i < NETS.length; i++) {
        if (i === k) continue;
        const [lon, lat] = cellPos(i);
        const near = r.value.sites.some((s) => s.operator === OPERATORS[NETS[i]!] && Math.abs(s.lon - lon) < 0.001 && Math.abs(s.lat - lat) < 0.001);
        expect(near, `cell ${i} lost`).toBe(true);
      }
    }), OPTIONS);
  });

  it('simple site CSV: edits inside one row never lose another site', { timeout: TIMEOUT_MS }, async () => {
    await fc.assert(fc.asyncProperty(fc.nat(SITE_IDS.length - 1), edits, async (k, list) => {
      const rows = SITE_IDS.map((_, i) => (i === k ? applyEdits(siteRow(i), list) : siteRow(i)));
      const r = await outcome(() => parseSitesFile({ name: 'sites.csv', bytes: utf8([SITE_HEADER, ...rows].join('\n')) }));
      if (!r.ok) return;
      checkSites(r.value);
      const byId = new Map(r.value.sites.map((s) => [s.id, s]));
      SITE_IDS.forEach((id, i) => {
        if (i === k) return;
        expect([byId.get(id)?.lon, byId.get(id)?.lat], `site ${id} lost`).toEqual(cellPos(i));
      });
    }), OPTIONS);
  });

  it('site list in .xlsx: random cell values in one row never lose another site', { timeout: TIMEOUT_MS }, async () => {
    const value = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.double(), fc.constant(null));
    await fc.assert(fc.asyncProperty(fc.nat(SITE_IDS.length - 1), fc.array(value, { maxLength: 8 }), async (k, cells) => {
      const rows: (string | number | null)[][] = [SITE_HEADER.split(','), ...SITE_IDS.map((id, i) => [id, `站${i}`, ...cellPos(i), 30, 900, 58, '中国移动'])];
      rows[k + 1] = cells;
      const r = await outcome(() => parseSitesFile({ name: 's.xlsx', bytes: buildXlsx({ sheets: [{ name: 'S', sheetData: sheetDataOf(rows) }] }) }));
      if (!r.ok) throw new Error(`a well-formed site workbook was refused: ${r.error.code}`);
      checkSites(r.value);
      const ids = new Set(r.value.sites.map((s) => s.id));
      SITE_IDS.forEach((id, i) => { if (i !== k) expect(ids.has(id), `site ${id} lost`).toBe(true); });
    }), OPTIONS);
  });
});
