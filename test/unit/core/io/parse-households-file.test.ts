import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MASKED_SAMPLE, UserInputError, VALUE_LIMITS, haversineM, headerSignature, inspectHouseholdsFile, parseHouseholds,
  parseHouseholdsFile, toWgs84, type ImportOptions,
} from '../../../../src/core/index.ts';
import { buildXlsx, sheetDataOf } from './helpers/build-xlsx.ts';

const FIXTURES = new URL('../../../fixtures/', import.meta.url);
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, FIXTURES))) });
const text = (name: string, body: string) => ({ name, bytes: new TextEncoder().encode(body) });
const brief = (r: { issues: { line: number; field: string; code: string; severity: string }[] }) =>
  r.issues.map(({ line, field, code, severity }) => [line, field, code, severity]);

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try { await promise; } catch (err) { return err instanceof UserInputError ? err.code : `not a UserInputError: ${String(err)}`; }
  return undefined;
}

describe('parseHouseholdsFile: the Excel fixture (title rows, dates, personal columns, two sheets)', () => {
  it('finds the header below the title, reads sheet rows as lines and says "row N"', async () => {
    const r = await parseHouseholdsFile(file('households.xlsx'));
    expect(r).toMatchObject({ format: 'xlsx', encoding: 'utf-8', sheet: '住户', sheets: ['住户', '第二批'], headerLine: 3, rows: 6 });
    expect(r.households.map((h) => [h.id, h.line])).toEqual([['XL-001', 4], ['XL-002', 5], ['XL-003', 7], ['XL-005', 9], ['XL-006', 10]]);
    expect(brief(r)).toEqual([[8, 'row', 'swapped_lat_lon', 'error'], [10, 'students', 'out_of_range', 'warning']]);
    expect(r.issues.map((i) => i.message.slice(0, 7))).toEqual(['row 8: ', 'row 10:']);
  });
  it('keeps dates as ISO text, reads DMS and full-width coordinates typed as text', async () => {
    const r = await parseHouseholdsFile(file('households.xlsx'));
    const by = Object.fromEntries(r.households.map((h) => [h.id, h]));
    expect(by['XL-001']?.reports[0]?.reportedAt).toBe('2025-03-01');
    expect(by['XL-002']?.reports[0]?.reportedAt).toBe('2025-03-02T08:30:00');
    expect(by['XL-003']?.lat).toBeCloseTo(30 + 7 / 60 + 13 / 3600, 12);
    expect(by['XL-005']?.lon).toBe(108.3561);
    expect(by['XL-001']?.personal).toEqual({ 家长姓名: '测试家长甲', 联系电话: '13800000101' });
  });
  it('describes the columns for the mapping dialog, personal samples masked', async () => {
    const r = await parseHouseholdsFile(file('households.xlsx'));
    expect(r.columns.map((c) => [c.index, c.header, c.field])).toEqual([
      [0, '户编号', 'id'], [1, '家长姓名', 'personal'], [2, '联系电话', 'personal'], [3, '经度', 'lon'], [4, '纬度', 'lat'],
      [5, '学生人数', 'students'], [6, '乡镇', 'township'], [7, '村', 'village'], [8, '信号强度', 'signal'],
      [9, '参考信号接收功率', 'rsrp_dbm'], [10, '下行速率', 'down_mbps'], [11, '上报日期', 'reported_at']]);
    expect(r.columns[1]?.samples).toEqual([MASKED_SAMPLE, MASKED_SAMPLE, MASKED_SAMPLE]);
    expect(r.columns[3]?.samples).toEqual(['108.1523', '108.1589', '108.3124']);
    expect(JSON.stringify(r.columns)).not.toMatch(/测试家长|138000001/);
    expect(r.headerSignature).toBe(headerSignature(r.columns.map((c) => c.header)));
  });
  it('fixes the swapped row when asked (by line or all), as a warning that says so', async () => {
    for (const fix of [[8], 'all'] as ImportOptions['fixSwappedLines'][]) {
      const r = await parseHouseholdsFile(file('households.xlsx'), { fixSwappedLines: fix });
      expect(brief(r)).toEqual([[8, 'row', 'swapped_lat_lon', 'warning'], [10, 'students', 'out_of_range', 'warning']]);
      expect(r.issues[0]?.message).toMatch(/fixed as asked: lon=108\.3188, lat=30\.1256/);
      expect(r.households.find((h) => h.id === 'XL-004')).toMatchObject({ lon: 108.3188, lat: 30.1256, line: 8 });
    }
    const other = await parseHouseholdsFile(file('households.xlsx'), { fixSwappedLines: [9] });
    expect(brief(other)[0]).toEqual([8, 'row', 'swapped_lat_lon', 'error']);
  });
  it('reads the second sheet when chosen; refuses a sheet that is not there', async () => {
    const r = await parseHouseholdsFile(file('households.xlsx'), { sheet: '第二批' });
    expect(r).toMatchObject({ sheet: '第二批', rows: 2, issues: [] });
    expect(r.households.map((h) => [h.id, h.village, h.reports[0]?.reportedAt])).toEqual(
      [['XL-101', '万胜坝村', '2025/3/8'], ['XL-102', '万胜坝村', '2025/3/9']]);
    expect(await codeOf(parseHouseholdsFile(file('households.xlsx'), { sheet: 'Sheet1' }))).toBe('sheet_not_found');
  });
});

describe('parseHouseholdsFile: CSV dialects and encodings', () => {
  it('GBK with Chinese headers (detected, and overridable)', async () => {
    const r = await parseHouseholdsFile(file('households-gbk.csv'));
    expect(r).toMatchObject({ format: 'csv', encoding: 'gb18030', rows: 2, issues: [] });
    expect(r.households.map((h) => h.village)).toEqual(['华溪村', '龙池村']);
    const forced = await parseHouseholdsFile(file('households-gbk.csv'), { encoding: 'gb18030' });
    expect(forced.households.map((h) => h.village)).toEqual(['华溪村', '龙池村']);
    const wrong = await parseHouseholdsFile(file('households-gbk.csv'), { encoding: 'utf-8' });
    expect(wrong.encoding).toBe('utf-8');
    expect(wrong.households[0]?.village).toContain('\uFFFD');
  });
  it('semicolons, CRLF, quoted fields with the delimiter and a line break, trailing empty columns, full-width digits', async () => {
    const r = await parseHouseholdsFile(file('households-semicolon.csv'));
    expect(r).toMatchObject({ rows: 3, issues: [] });
    expect(r.households.map((h) => [h.id, h.lon, h.lat, h.line])).toEqual([
      ['SC-01', 108.1523, 29.9981, 2], ['SC-02', 108.1589, 30.0034, 3], ['SC-03', 108.2011, 30.0523, 6]]);
    expect(r.columns.map((c) => c.header)).toEqual(['户编号', '经度', '纬度', '学生人数', '村', '信号强度', '下行速率', '备注']);
    expect(r.columns[7]).toMatchObject({ field: null, samples: ['家里; 两个孩子', '信号时有时无\n晚上更差'] });
  });
  it('degrees-minutes-seconds in every usual spelling; a bad one is not_a_number', async () => {
    const r = await parseHouseholdsFile(file('households-dms.csv'));
    expect(brief(r)).toEqual([[7, 'lon', 'not_a_number', 'error']]);
    const pos = Object.fromEntries(r.households.map((h) => [h.id, [h.lon, h.lat]]));
    expect(pos['D1']?.[0]).toBeCloseTo(108.125, 12);
    expect(pos['D1']?.[1]).toBeCloseTo(29 + 58 / 60, 12);
    expect(pos['D2']).toEqual([108.125, 29.97]);
    expect(pos['D3']?.[0]).toBeCloseTo(108 + 7 / 60 + 30.5 / 3600, 12);
    expect(pos['D4']).toEqual([108.125, 29.97]);
    expect(pos['D5']?.[0]).toBeCloseTo(108 + 8 / 60, 12);
    expect(pos['D7']).toEqual([108.125, 29.97]);
  });
  it('UTF-16 "Unicode text" from Excel (tab-separated, with BOM)', async () => {
    const body = '户编号\t经度\t纬度\r\nU1\t108.2\t30.1\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...body].map((c) => c.charCodeAt(0))).buffer)]);
    const r = await parseHouseholdsFile({ name: 'export.txt', bytes });
    expect(r).toMatchObject({ encoding: 'utf-16le', rows: 1, issues: [] });
    expect(r.households[0]).toMatchObject({ id: 'U1', lon: 108.2, lat: 30.1 });
  });
  it('finds the header below title lines in CSV too (the sync parser agrees)', async () => {
    const body = '石柱县调查表,,\n填表人：某某,,\n户编号,经度,纬度\nT1,108.2,30.1\n';
    const r = await parseHouseholdsFile(text('t.csv', body));
    expect(r).toMatchObject({ headerLine: 3, rows: 1, issues: [] });
    expect(r.households[0]).toMatchObject({ id: 'T1', line: 4 });
    expect(parseHouseholds({ name: 't.csv', text: body }).households[0]).toMatchObject({ id: 'T1', line: 4 });
  });
  it('gives the same result as the sync text parser for CSV and GeoJSON', async () => {
    for (const name of ['households-good.csv', 'households-bad-rows.csv', 'households.geojson']) {
      const bytes = file(name);
      const viaFile = await parseHouseholdsFile(bytes);
      const viaText = parseHouseholds({ name, text: new TextDecoder().decode(bytes.bytes) });
      expect({ ...viaText }).toEqual({ rows: viaFile.rows, households: viaFile.households, issues: viaFile.issues,
        mapping: viaFile.mapping, format: viaFile.format });
    }
  });
});

describe('parseHouseholdsFile: coordinate systems', () => {
  it('converts GCJ-02 to WGS-84 before storing and before the distance tests', async () => {
    const wgs = await parseHouseholdsFile(file('households-good.csv'));
    const gcj = await parseHouseholdsFile(file('households-good.csv'), { crs: 'gcj02' });
    expect(gcj.issues).toEqual([]);
    gcj.households.forEach((h, i) => {
      const given = wgs.households[i]!;
      expect([h.lon, h.lat]).toEqual(toWgs84(given.lon, given.lat, 'gcj02'));
      const shiftM = haversineM([h.lon, h.lat], [given.lon, given.lat]);
      expect(shiftM).toBeGreaterThan(200);
      expect(shiftM).toBeLessThan(1000);
    });
  });
  it('converts GeoJSON points too, and BD-09 (Baidu) when asked', async () => {
    const geo = await parseHouseholdsFile(file('households.geojson'), { crs: 'gcj02' });
    const plain = await parseHouseholdsFile(file('households.geojson'));
    expect(geo.households[0]?.lon).toBe(toWgs84(plain.households[0]!.lon, plain.households[0]!.lat, 'gcj02')[0]);
    const bd = await parseHouseholdsFile(file('households-good.csv'), { crs: 'bd09' });
    expect(bd.households[0]?.lon).toBe(toWgs84(108.1523, 29.9981, 'bd09')[0]);
  });
});

describe('parseHouseholdsFile: validation limits of issue 5', () => {
  it('outside_area is more than 100 km from the median household', async () => {
    expect(VALUE_LIMITS.outsideAreaM).toBe(100_000);
    const rows = ['id,lon,lat', 'a,108.20,30.10', 'b,108.21,30.11', 'c,108.22,30.12', 'd,108.23,30.13',
      'near,108.20,30.90', // ~89 km north: kept
      'far,108.20,31.20']; // ~122 km north: outside_area
    const r = await parseHouseholdsFile(text('o.csv', rows.join('\n')));
    expect(brief(r)).toEqual([[7, 'row', 'outside_area', 'error']]);
    expect(r.households.map((h) => h.id)).toEqual(['a', 'b', 'c', 'd', 'near']);
  });
  it('a file over the whole municipality keeps its far counties; a slipped digit is still outside_area', async () => {
    // Six homes around each of ten county seats from 荣昌 (west) to 巫山 (east) and 城口 (north):
    // ~420 km across, so most of them are over 100 km from the file's middle.
    const seats: [string, number, number][] = [['yuzhong', 106.57, 29.56], ['wanzhou', 108.41, 30.81], ['wushan', 109.88, 31.07],
      ['chengkou', 108.66, 31.95], ['xiushan', 108.99, 28.45], ['youyang', 108.77, 28.84], ['jiangjin', 106.26, 29.29],
      ['rongchang', 105.59, 29.40], ['wuxi', 109.63, 31.40], ['qianjiang', 108.78, 29.53]];
    const rows = ['id,lon,lat'];
    for (const [name, lon, lat] of seats) {
      for (let k = 0; k < 6; k++) rows.push(`${name}-${k},${(lon + k * 0.01).toFixed(4)},${(lat + k * 0.005).toFixed(4)}`);
    }
    rows.push('typo-lon,118.57,29.56', 'typo-lat,106.57,39.56'); // 106 → 118 and 29 → 39: ~1,100 km away
    const r = await parseHouseholdsFile(text('municipality.csv', rows.join('\n')));
    expect(brief(r)).toEqual([[62, 'row', 'outside_area', 'error'], [63, 'row', 'outside_area', 'error']]);
    expect(r.households).toHaveLength(60);
    expect(r.issues[0]!.message).toMatch(/more than \d+ km \(the larger of 100 km and 3× the rows' median distance from there\)/);
  });
  it('a small far group beside a compact file is still outside_area (the limit stays 100 km)', async () => {
    const rows = ['id,lon,lat'];
    for (let k = 0; k < 40; k++) rows.push(`h${k},${(108.2 + (k % 8) * 0.02).toFixed(3)},${(30.1 + Math.floor(k / 8) * 0.02).toFixed(3)}`);
    rows.push('far-1,109.80,31.20', 'far-2,109.81,31.21'); // ~200 km away
    const r = await parseHouseholdsFile(text('county.csv', rows.join('\n')));
    expect(brief(r)).toEqual([[42, 'row', 'outside_area', 'error'], [43, 'row', 'outside_area', 'error']]);
    expect(r.issues[0]!.message).toContain('more than 100 km');
  });
  it('blank lines are not issues; negative students are out_of_range warnings', async () => {
    const r = await parseHouseholdsFile(text('b.csv', 'id,lon,lat,students\n\na,108.2,30.1,-2\n,,,\n\nb,108.2,30.1,1\n'));
    expect(brief(r)).toEqual([[3, 'students', 'out_of_range', 'warning']]);
    expect(r.rows).toBe(2);
  });
});

describe('parseHouseholdsFile: a user column mapping', () => {
  const body = '东经,北纬,家庭,孩子,电话\n108.2,30.1,F1,2,13900000001\n108.3,30.2,F2,1,13900000002\n';
  it('an unknown header is not detected: the error, and inspect to show the dialog (phones masked by mapping)', async () => {
    expect(await codeOf(parseHouseholdsFile(text('m.csv', body)))).toBe('no_coordinate_columns');
    const preview = await inspectHouseholdsFile(text('m.csv', body));
    expect(preview).toMatchObject({ format: 'csv', encoding: 'utf-8', rows: 2, headerLine: 1 });
    expect(preview.columns.map((c) => [c.header, c.field, c.samples])).toEqual([
      ['东经', null, ['108.2', '108.3']], ['北纬', null, ['30.1', '30.2']], ['家庭', null, ['F1', 'F2']],
      ['孩子', null, ['2', '1']], ['电话', 'personal', [MASKED_SAMPLE, MASKED_SAMPLE]]]);
  });
  it('applies the mapping by column index, padding a short one with null', async () => {
    const r = await parseHouseholdsFile(text('m.csv', body), { mapping: ['lon', 'lat', 'id', 'students'] });
    expect(r.issues).toEqual([]);
    expect(r.households.map((h) => [h.id, h.lon, h.lat, h.students, h.personal])).toEqual([
      ['F1', 108.2, 30.1, 2, {}], ['F2', 108.3, 30.2, 1, {}]]);
    expect(r.mapping.map((m) => m.field)).toEqual(['lon', 'lat', 'id', 'students', null]);
    // A column the header calls personal stays masked whatever it is mapped to.
    const odd = await parseHouseholdsFile(text('m.csv', body), { mapping: ['lon', 'lat', null, null, 'id'] });
    expect(odd.columns[4]?.samples).toEqual([MASKED_SAMPLE, MASKED_SAMPLE]);
  });
  it('uses a remembered mapping for a file with the same headers; an explicit mapping wins', async () => {
    const first = await inspectHouseholdsFile(text('m.csv', body));
    expect(first.mappingSource).toBe('detected');
    const rememberedMappings = { [first.headerSignature]: ['lon', 'lat', 'id', 'students', 'personal'] as ImportOptions['mapping'] & object };
    const next = await parseHouseholdsFile(text('next.csv', body.replace('108.2', '108.25')), { rememberedMappings });
    expect(next.mappingSource).toBe('remembered');
    expect(next.households.map((h) => h.id)).toEqual(['F1', 'F2']);
    const explicit = await parseHouseholdsFile(text('m.csv', body), { rememberedMappings, mapping: ['lat', 'lon'] });
    expect(explicit.mappingSource).toBe('user');
    const other = await inspectHouseholdsFile(text('o.csv', 'lon,lat\n108,30\n'), { rememberedMappings });
    expect(other.mappingSource).toBe('detected');
  });
  it('remembers mappings by header signature: case, spaces and width do not matter, order does', () => {
    expect(headerSignature(['经度', 'Lat ', 'ID'])).toBe(headerSignature(['经度', 'lat', 'ｉｄ']));
    expect(headerSignature(['经度', 'lat'])).not.toBe(headerSignature(['lat', '经度']));
    expect(headerSignature(['a,b'])).not.toBe(headerSignature(['a', 'b']));
  });
  it('refuses a mapping to a field that does not exist', async () => {
    const mapping = ['lon', 'lat', 'nonsense'] as unknown as ImportOptions['mapping'];
    expect(await codeOf(parseHouseholdsFile(text('m.csv', body), { mapping }))).toBe('invalid_mapping');
  });
});

describe('parseHouseholdsFile: files that cannot be used', () => {
  it.each([
    ['empty.csv', new Uint8Array(), 'empty_file'],
    ['old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'xls_not_supported'],
    ['export.xls', new TextEncoder().encode('<html><table><tr><td>经度</td></tr></table></html>'), 'not_a_workbook'],
    ['broken.xlsx', new Uint8Array([1, 2, 0, 4, 5]), 'not_a_workbook'],
    ['x.xlsx', buildXlsx({ sheets: [{ name: 'S', sheetData: sheetDataOf([['name'], ['a']]) }] }), 'no_coordinate_columns'],
  ])('%s → %s', async (name, bytes, code) => {
    expect(await codeOf(parseHouseholdsFile({ name, bytes }))).toBe(code);
  });
  it('reads a CSV merely renamed to .xlsx', async () => {
    const r = await parseHouseholdsFile(text('renamed.xlsx', 'id,lon,lat\na,108.2,30.1\n'));
    expect(r).toMatchObject({ format: 'csv', rows: 1 });
  });
});
