import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLASSIFY_SETTINGS, UserInputError, decodeText, parseHouseholds, type ImportIssue, type ParseResult,
} from '../../../../src/core/index.ts';

const FIXTURES = new URL('../../../fixtures/', import.meta.url);
const fixture = (name: string) => ({ name, text: decodeText(readFileSync(new URL(name, FIXTURES))).text });
const csv = (...lines: string[]) => ({ name: 'test.csv', text: lines.join('\n') + '\n' });
const brief = (issues: ImportIssue[]) => issues.map(({ line, field, code }) => ({ line, field, code }));

function userInputCode(fn: () => unknown): string | undefined {
  try { fn(); } catch (err) { return err instanceof UserInputError ? err.code : `not a UserInputError: ${String(err)}`; }
  return undefined;
}

/** Every data row is either a report of some household or has an error issue — never both, never neither. */
function expectNothingDropped(r: ParseResult) {
  const reportLines = r.households.flatMap((h) => h.reports.map((rep) => rep.line));
  const errorLines = new Set(r.issues.filter((i) => i.severity === 'error').map((i) => i.line));
  expect(new Set(reportLines).size).toBe(reportLines.length);
  for (const line of reportLines) expect(errorLines.has(line)).toBe(false);
  expect(reportLines.length + errorLines.size).toBe(r.rows);
}

describe('parseHouseholds: fixture households-bad-rows.csv', () => {
  const expected = JSON.parse(readFileSync(new URL('households-bad-rows.expected.json', FIXTURES), 'utf8')) as
    { rows: number; households: number; issues: { line: number; field: string; code: string }[] };
  const r = parseHouseholds(fixture('households-bad-rows.csv'));

  it('matches households-bad-rows.expected.json', () => {
    expect(r.rows).toBe(expected.rows);
    expect(r.households.length).toBe(expected.households);
    expect(brief(r.issues)).toEqual(expected.issues);
  });
  it('rejects rows with errors and keeps rows with warnings', () => {
    const ids = r.households.map((h) => h.id);
    expect(ids).toEqual(['H01', 'H05', 'H06', 'H07', 'H09', 'H10']);
    const sev = Object.fromEntries(r.issues.map((i) => [i.line, i.severity]));
    expect(sev).toEqual({ 3: 'error', 4: 'error', 5: 'error', 6: 'warning', 7: 'warning', 10: 'error', 11: 'error', 13: 'warning' });
    expectNothingDropped(r);
  });
  it('merges the nearby repeat of H01 and classifies it by the worst report', () => {
    const h01 = r.households.find((h) => h.id === 'H01');
    expect(h01?.reports.map((x) => x.line)).toEqual([2, 8]);
    expect([h01?.lon, h01?.lat]).toEqual([108.1523, 29.9981]);
    expect(h01?.cls).toBe('none');
  });
  it('never quotes the parents or phones', () => {
    const text = JSON.stringify(r.issues);
    expect(text).not.toMatch(/Parent|139000000/);
  });
});

describe('parseHouseholds: fixture households-good.csv (Chinese headers)', () => {
  const r = parseHouseholds(fixture('households-good.csv'));
  it('reads every row without issue and maps the Chinese headers', () => {
    expect(r.issues).toEqual([]);
    expect(r.format).toBe('csv');
    expect(r.rows).toBe(10);
    expect(r.households.length).toBe(9);
    expect(r.mapping.map((m) => m.field)).toEqual([
      'id', 'lon', 'lat', 'students', 'county', 'township', 'village', 'signal', 'rsrp_dbm', 'down_mbps',
      'reported_at', 'operator', 'personal', 'personal']);
  });
  it('keeps households in the order of their first row, with their fields', () => {
    expect(r.households.map((h) => h.id)).toEqual(
      ['SZ-001', 'SZ-002', 'SZ-003', 'SZ-004', 'SZ-005', 'SZ-006', 'SZ-007', 'SZ-008', 'SZ-009']);
    const first = r.households[0];
    expect(first).toMatchObject({ lon: 108.1523, lat: 29.9981, students: 2, county: '石柱县', township: '中益乡',
      village: '华溪村', line: 2, personal: { 家长姓名: '测试家长甲', 联系电话: '13800000001' } });
    expect(first?.reports[0]).toMatchObject({ signal: 'poor', rsrpDbm: -109, downMbps: 0.6, reportedAt: '2025-03-01',
      operator: '中国移动', cls: 'poor' });
    expect(first?.reports.length).toBe(2);
    expect(r.households.map((h) => h.cls)).toEqual(['none', 'none', 'fair', 'good', 'poor', 'poor', 'unknown', 'fair', 'good']);
  });
  it('applies the merge rule it is given', () => {
    const latest = parseHouseholds(fixture('households-good.csv'), { ...DEFAULT_CLASSIFY_SETTINGS, merge: 'latest' });
    expect(latest.households[0]?.cls).toBe('none'); // the 2025-03-05 report
    const csvText = 'id,lon,lat,signal,date\nA,108.2,30.1,none,2025-03-05\nA,108.2,30.1,good,2025-03-09\n';
    expect(parseHouseholds({ name: 'a.csv', text: csvText }, { ...DEFAULT_CLASSIFY_SETTINGS, merge: 'latest' })
      .households[0]?.cls).toBe('good');
    expect(parseHouseholds({ name: 'a.csv', text: csvText }).households[0]?.cls).toBe('none');
  });
});

describe('parseHouseholds: every issue code at its line', () => {
  const r = parseHouseholds(csv(
    'id,lon,lat,students,signal,rsrp_dbm,down_mbps,date',
    'ok1,108.20,30.10,1,good,,,', //                      2
    'a,,30.10,1,,,,', //                                  3 missing lon
    'b,108.20,,1,,,,', //                                 4 missing lat
    'c,,,1,,,,', //                                       5 both missing
    'd,108.2x,30.10,1,,,,', //                            6 lon not a number
    'e,200,30.10,1,,,,', //                               7 lon out of range
    'f,108.20,95,1,,,,', //                               8 lat out of range
    'g,29.98,108.12,1,,,,', //                            9 swapped
    'h,2.35,48.85,1,,,,', //                             10 outside China
    'i,87.62,43.83,1,,,,', //                            11 in China but > 400 km from the rest
    'j,108.21,30.11,three,,,,', //                       12 students not a number (warning)
    'k,108.21,30.11,-1,,,,', //                          13 students negative
    'l,108.21,30.11,2.5,,,,', //                         14 students not whole
    'm,108.21,30.11,21,,,,', //                          15 students > max
    'n,108.21,30.11,1,excellent,,,', //                  16 unknown signal
    'o,108.21,30.11,1,,-150,,', //                       17 rsrp below range
    'p,108.21,30.11,1,,-30,,', //                        18 rsrp above range
    'q,108.21,30.11,1,,strong,,', //                     19 rsrp not a number
    'r,108.21,30.11,1,,,-1,', //                         20 down negative
    's,108.21,30.11,1,,,fast,', //                       21 down not a number
    't,108.21,30.11,1,,,,2025-02-30', //                 22 invalid date
    'ok1,108.30,30.20,1,,,,', //                         23 duplicate id far away
    'u,108.22,30.12,20,none,-140,0,2025-03-01T08:00', // 24 limits themselves are fine
  ));
  const at = (line: number) => r.issues.filter((i) => i.line === line).map(({ field, code, severity }) => ({ field, code, severity }));

  it('flags coordinate problems as errors', () => {
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([{ field: 'lon', code: 'missing_coordinate', severity: 'error' }]);
    expect(at(4)).toEqual([{ field: 'lat', code: 'missing_coordinate', severity: 'error' }]);
    expect(at(5)).toEqual([{ field: 'lon', code: 'missing_coordinate', severity: 'error' },
      { field: 'lat', code: 'missing_coordinate', severity: 'error' }]);
    expect(at(6)).toEqual([{ field: 'lon', code: 'not_a_number', severity: 'error' }]);
    expect(at(7)).toEqual([{ field: 'lon', code: 'out_of_range', severity: 'error' }]);
    expect(at(8)).toEqual([{ field: 'lat', code: 'out_of_range', severity: 'error' }]);
    expect(at(9)).toEqual([{ field: 'row', code: 'swapped_lat_lon', severity: 'error' }]);
    expect(at(10)).toEqual([{ field: 'row', code: 'outside_area', severity: 'error' }]);
    expect(at(11)).toEqual([{ field: 'row', code: 'outside_area', severity: 'error' }]);
    expect(at(23)).toEqual([{ field: 'id', code: 'duplicate_id_conflict', severity: 'error' }]);
  });
  it('flags doubtful optional fields as warnings and still uses the row', () => {
    expect(at(12)).toEqual([{ field: 'students', code: 'not_a_number', severity: 'warning' }]);
    for (const line of [13, 14, 15]) expect(at(line)).toEqual([{ field: 'students', code: 'out_of_range', severity: 'warning' }]);
    expect(at(16)).toEqual([{ field: 'signal', code: 'unknown_signal_value', severity: 'warning' }]);
    expect(at(17)).toEqual([{ field: 'rsrp_dbm', code: 'out_of_range', severity: 'warning' }]);
    expect(at(18)).toEqual([{ field: 'rsrp_dbm', code: 'out_of_range', severity: 'warning' }]);
    expect(at(19)).toEqual([{ field: 'rsrp_dbm', code: 'not_a_number', severity: 'warning' }]);
    expect(at(20)).toEqual([{ field: 'down_mbps', code: 'out_of_range', severity: 'warning' }]);
    expect(at(21)).toEqual([{ field: 'down_mbps', code: 'not_a_number', severity: 'warning' }]);
    expect(at(22)).toEqual([{ field: 'reported_at', code: 'invalid_date', severity: 'warning' }]);
    expect(at(24)).toEqual([]);
    const byId = new Map(r.households.map((h) => [h.id, h]));
    for (const id of ['j', 'k', 'l', 'm']) expect(byId.get(id)?.students).toBe(1);
    for (const id of ['n', 'o', 'q', 'r', 's']) expect(byId.get(id)?.cls).toBe('unknown');
    expect(byId.get('t')?.reports[0]?.reportedAt).toBeUndefined();
    expect(byId.get('u')).toMatchObject({ students: 20, cls: 'none' });
  });
  it('lists issues sorted by line, each message naming line, field and value', () => {
    expect(r.issues.map((i) => i.line)).toEqual([...r.issues.map((i) => i.line)].sort((a, b) => a - b));
    for (const i of r.issues) {
      expect(i.message).toMatch(new RegExp(`^line ${i.line}: `));
      if (i.field !== 'row') expect(i.message).toContain(i.field);
      if (i.value) expect(i.message).toContain(i.value);
    }
    expect(r.issues.find((i) => i.line === 6)?.message).toContain('"108.2x"');
  });
  it('keeps the coordinates as given in the value of a swapped row, and names the fix', () => {
    const swapped = r.issues.find((i) => i.code === 'swapped_lat_lon');
    expect(swapped?.value).toBe('lon=29.98, lat=108.12');
    expect(swapped?.message).toContain('lon=108.12, lat=29.98');
  });
  it('drops nothing silently', () => {
    expect(r.rows).toBe(23);
    expectNothingDropped(r);
  });
});

describe('parseHouseholds: numbers and values as people type them', () => {
  it('reads full-width digits, signs and spaces in coordinates', () => {
    const r = parseHouseholds(csv('id,lon,lat,rsrp', 'A, １０８．１２ ,＋30.05,－１０８'));
    expect(r.issues).toEqual([]);
    expect(r.households[0]).toMatchObject({ lon: 108.12, lat: 30.05, cls: 'poor' });
  });
  it('defaults students to 1 and accepts 0', () => {
    const r = parseHouseholds(csv('id,lon,lat,students', 'A,108.1,30.1,', 'B,108.1,30.1,0'));
    expect(r.households.map((h) => h.students)).toEqual([1, 0]);
  });
  it('reads every signal category spelling', () => {
    const values = ['none', '无', '无信号', '0', 'poor', '差', '弱', '1', 'fair', '一般', '中', '2', 'good', '好', '强', '3', ' GOOD '];
    const r = parseHouseholds(csv('lon,lat,signal', ...values.map((v) => `108.1,30.1,${v}`)));
    expect(r.issues).toEqual([]);
    expect(r.households.map((h) => h.cls)).toEqual(
      ['none', 'none', 'none', 'none', 'poor', 'poor', 'poor', 'poor', 'fair', 'fair', 'fair', 'fair', 'good', 'good', 'good', 'good', 'good']);
  });
});

describe('parseHouseholds: line numbers follow the file', () => {
  const body = (eol: string, d: string) =>
    ['id', 'lon', 'lat', 'note'].join(d) + eol + ['A', '108.1', '30.1', 'x'].join(d) + eol + ['B', '', '30.1', 'x'].join(d) + eol;

  it('after a quoted field holding line breaks', () => {
    const r = parseHouseholds(csv('id,lon,lat,note', 'A,108.1,30.1,"line one', 'line two', 'line three"', 'B,,30.1,x'));
    expect(brief(r.issues)).toEqual([{ line: 5, field: 'lon', code: 'missing_coordinate' }]);
    expect(r.households[0]?.line).toBe(2);
  });
  it.each([
    ['BOM + CRLF + comma', '\uFEFF', '\r\n', ','],
    ['LF + semicolon', '', '\n', ';'],
    ['CR + tab', '', '\r', '\t'],
  ])('%s', (_label, bom, eol, d) => {
    const r = parseHouseholds({ name: 'f.csv', text: bom + body(eol, d) });
    expect(r.mapping[0]).toEqual({ header: 'id', field: 'id' });
    expect(r.households.map((h) => h.id)).toEqual(['A']);
    expect(brief(r.issues)).toEqual([{ line: 3, field: 'lon', code: 'missing_coordinate' }]);
  });
  it('after blank lines, which are skipped and not counted as rows', () => {
    const r = parseHouseholds(csv('id,lon,lat', '', 'A,108.1,30.1', ',,', '', 'B,x,30.1'));
    expect(r.rows).toBe(2);
    expect(brief(r.issues)).toEqual([{ line: 6, field: 'lon', code: 'not_a_number' }]);
  });
});

describe('parseHouseholds: merging rows by id', () => {
  const metresNorth = (m: number) => (30.1 + m / 111_195).toFixed(6);

  it('merges rows within 500 m into the first row, which keeps its position and place', () => {
    const r = parseHouseholds(csv('id,lon,lat,students,signal',
      'A,108.1,30.1,,good', 'B,108.3,30.2,2,fair', `A,108.1,${metresNorth(490)},3,poor`));
    expect(r.issues).toEqual([]);
    expect(r.households.map((h) => h.id)).toEqual(['A', 'B']);
    expect(r.households[0]).toMatchObject({ lon: 108.1, lat: 30.1, line: 2, students: 3, cls: 'poor' });
    expect(r.households[0]?.reports.map((x) => [x.line, x.cls])).toEqual([[2, 'good'], [4, 'poor']]);
  });
  it('rejects a repeat more than 500 m away as duplicate_id_conflict', () => {
    const r = parseHouseholds(csv('id,lon,lat,signal', 'A,108.1,30.1,good', `A,108.1,${metresNorth(510)},none`));
    expect(brief(r.issues)).toEqual([{ line: 3, field: 'id', code: 'duplicate_id_conflict' }]);
    expect(r.issues[0]?.message).toMatch(/line 3: id "A" was first used on line 2; this row is 51\d m/);
    expect(r.households).toHaveLength(1);
    expect(r.households[0]?.cls).toBe('good');
    expectNothingDropped(r);
  });
  it('compares ids after trimming, exactly otherwise', () => {
    const r = parseHouseholds(csv('id,lon,lat', ' A ,108.1,30.1', 'A,108.1,30.1', 'a,108.1,30.1'));
    expect(r.households.map((h) => [h.id, h.reports.length])).toEqual([['A', 2], ['a', 1]]);
  });
});

describe('parseHouseholds: rows without id', () => {
  it('take their line number as id and never merge', () => {
    const r = parseHouseholds(csv('id,lon,lat', ',108.1,30.1', ',108.1,30.1'));
    expect(r.households.map((h) => h.id)).toEqual(['2', '3']);
    const noIdColumn = parseHouseholds(csv('lon,lat', '108.1,30.1', '108.1,30.1'));
    expect(noIdColumn.households.map((h) => h.id)).toEqual(['2', '3']);
  });
  it('never take an id that a real row uses', () => {
    // Line 2 has no id; line 4 is really called "2" (and "row-2" is taken as well).
    const r = parseHouseholds(csv('id,lon,lat', ',108.1,30.1', 'row-2,108.2,30.2', '2,108.3,30.3', '2,108.3,30.3'));
    expect(r.issues).toEqual([]);
    expect(r.households.map((h) => [h.id, h.reports.map((x) => x.line)])).toEqual(
      [['row-2-2', [2]], ['row-2', [3]], ['2', [4, 5]]]);
  });
});

describe('parseHouseholds: personal fields', () => {
  const secrets = ['王小明', '13812345678', '500240200801011234', 'Li Lei'];
  const r = parseHouseholds(csv(
    'id,lon,lat,students,signal,rsrp,down_mbps,date,学生姓名,电话,身份证号,name',
    `A,,30.1,x,?,y,z,w,${secrets.join(',')}`,
    `A,29.9,108.1,99,bad,-10,-2,2025-99-99,${secrets.join(',')}`,
    `B,108.1,30.1,1,good,,,,${secrets.join(',')}`,
    `B,108.9,30.9,1,good,,,,${secrets.join(',')}`,
    `C,116.4,39.9,1,good,,,,${secrets.join(',')}`,
    `D,108.1,30.1,1,good,,,,${secrets.join(',')}`,
  ));
  it('are kept in memory on the household', () => {
    expect(r.households[0]?.personal).toEqual({ 学生姓名: '王小明', 电话: '13812345678', 身份证号: '500240200801011234', name: 'Li Lei' });
  });
  it('never appear in any issue message or value', () => {
    expect(r.issues.length).toBeGreaterThan(10);
    for (const i of r.issues) {
      for (const s of secrets) {
        expect(i.message).not.toContain(s);
        expect(i.value ?? '').not.toContain(s);
      }
    }
  });
});

describe('parseHouseholds: GeoJSON', () => {
  it('reads the fixture: points by feature index, non-points rejected, lon/lat properties used', () => {
    const r = parseHouseholds(fixture('households.geojson'));
    expect(r.format).toBe('geojson');
    expect(r.rows).toBe(6);
    expect(brief(r.issues)).toEqual([
      { line: 3, field: 'geometry', code: 'not_a_point' },
      { line: 6, field: 'rsrp_dbm', code: 'not_a_number' },
    ]);
    expect(r.issues[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/^feature 3: .*LineString/) });
    expect(r.households.map((h) => [h.id, h.line, h.lon, h.lat, h.cls])).toEqual([
      ['G01', 1, 108.1523, 29.9981, 'poor'],
      ['G02', 2, 108.2011, 30.0523, 'good'],
      ['G04', 4, 108.3124, 30.1203, 'none'],
      ['G05', 5, 108.3561, 30.2012, 'fair'],
      ['G06', 6, 108.3627, 30.2084, 'unknown'],
    ]);
    expect(r.households[0]?.personal).toEqual({ 姓名: '测试学生甲' });
    expectNothingDropped(r);
  });
  it('takes the point over lon/lat properties, reads a single Feature, and sniffs JSON by its first character', () => {
    const feature = { type: 'Feature', geometry: { type: 'Point', coordinates: [108.2, 30.1] },
      properties: { id: 'F', lon: 1, lat: 2, signal: '差' } };
    const r = parseHouseholds({ name: 'upload.txt', text: `  ${JSON.stringify(feature)}` });
    expect(r.format).toBe('geojson');
    expect(r.issues).toEqual([]);
    expect(r.households[0]).toMatchObject({ id: 'F', lon: 108.2, lat: 30.1, cls: 'poor', line: 1 });
  });
  it('validates point coordinates like cells', () => {
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [108.2, 30.1] }, properties: {} },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [29.9, 108.1] }, properties: {} },
      { type: 'Feature', geometry: { type: 'Point', coordinates: ['108', 30] }, properties: {} },
      { type: 'Feature', geometry: { type: 'MultiPoint', coordinates: [[108.2, 30.1]] }, properties: {} },
    ] };
    const r = parseHouseholds({ name: 'h.geojson', text: JSON.stringify(fc) });
    expect(brief(r.issues)).toEqual([
      { line: 2, field: 'row', code: 'swapped_lat_lon' },
      { line: 3, field: 'geometry', code: 'not_a_point' },
      { line: 4, field: 'geometry', code: 'not_a_point' },
    ]);
    expect(r.households.map((h) => h.id)).toEqual(['1']);
  });
});

describe('parseHouseholds: unusable files throw UserInputError with a stable code', () => {
  it.each([
    ['empty_file', 'h.csv', ''],
    ['empty_file', 'h.csv', '\uFEFF \n\n'],
    ['no_header', 'h.csv', '108.1,30.1\n108.2,30.2\n'],
    ['no_coordinate_columns', 'h.csv', 'id,name,signal\n1,x,good\n'],
    ['no_coordinate_columns', 'h.csv', 'id,lon,signal\n1,108.1,good\n'],
    ['no_data_rows', 'h.csv', 'id,lon,lat\n\n'],
    ['unterminated_quote', 'h.csv', 'id,lon,lat\n"A,108.1,30.1\n'],
    ['invalid_json', 'h.geojson', '{"type": "FeatureCollection", '],
    ['invalid_json', 'h.geojson', 'id,lon,lat\n'],
    ['not_geojson', 'h.json', '{"type": "Point", "coordinates": [108, 30]}'],
    ['no_data_rows', 'h.geojson', '{"type": "FeatureCollection", "features": []}'],
    ['no_coordinate_columns', 'h.geojson',
      '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"a":1}}]}'],
  ])('%s for %s %j', (code, name, text) => {
    expect(userInputCode(() => parseHouseholds({ name, text }))).toBe(code);
  });
  it('names what is missing and what is accepted', () => {
    try {
      parseHouseholds(csv('id,经度,备注', '1,108.1,x'));
      expect.unreachable();
    } catch (err) {
      expect((err as UserInputError).message).toMatch(/no latitude column.*id, 经度, 备注.*纬度/);
    }
  });
});
