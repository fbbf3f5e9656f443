import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyzeBlindspots, clustersToGeoJson, DEFAULT_ANALYSIS_SETTINGS, describeColumns, detectColumns, issuesToCsv, parseHouseholdsFile,
  type HouseholdsFileResult,
} from '../../../../src/core/index.ts';

// Every row of this file has personal values, and most rows have an issue of some kind.
const NAMES = ['测试家长甲', '测试家长乙', '测试家长丙', '测试家长丁', '测试家长戊', '测试家长己', 'Parent Kilo'];
const PHONES = ['13912340001', '13912340002', '13912340003', '13912340004', '13912340005', '13912340006', '13912340007'];
const ID_CARDS = ['500240199001011234', '500240199001021234', '500240199001031234', '500240199001041234',
  '500240199001051234', '500240199001061234', '500240199001071234'];
const CSV = [
  '户编号,经度,纬度,学生人数,信号强度,参考信号接收功率,上报日期,家长姓名,联系电话,身份证号',
  `P1,108.20,30.10,1,无,-120,2025-03-01,${NAMES[0]},${PHONES[0]},${ID_CARDS[0]}`,
  `P2,108.201,30.101,1,无,-121,2025-03-01,${NAMES[1]},${PHONES[1]},${ID_CARDS[1]}`,
  `P3,108.202,30.102,1,差,-119,2025-03-01,${NAMES[2]},${PHONES[2]},${ID_CARDS[2]}`,
  `P4,30.10,108.20,x,excellent,-20,2025-02-30,${NAMES[3]},${PHONES[3]},${ID_CARDS[3]}`,
  `P5,,30.10,-1,无,,,${NAMES[4]},${PHONES[4]},${ID_CARDS[4]}`,
  `P1,108.5,30.5,1,无,,,${NAMES[5]},${PHONES[5]},${ID_CARDS[5]}`,
  `P7,116.4,39.9,1,无,,,${NAMES[6]},${PHONES[6]},${ID_CARDS[6]}`,
].join('\n');
const PERSONAL = [...NAMES, ...PHONES, ...ID_CARDS];
const expectNoPersonal = (text: string) => {
  for (const value of PERSONAL) expect(text).not.toContain(value);
};

describe('personal fields never leave through issues or exports', () => {
  let r: HouseholdsFileResult;
  beforeAll(async () => {
    r = await parseHouseholdsFile({ name: 'p.csv', bytes: new TextEncoder().encode(CSV) });
  });

  it('are detected by header and kept in memory only', () => {
    expect(detectColumns(['家长姓名', '联系电话', '身份证号']).fields).toEqual(['personal', 'personal', 'personal']);
    expect(r.households[0]?.personal).toEqual({ 家长姓名: NAMES[0], 联系电话: PHONES[0], 身份证号: ID_CARDS[0] });
  });
  it('are in no issue message or value, though nearly every row has issues', () => {
    expect(new Set(r.issues.map((i) => i.code))).toEqual(new Set(['swapped_lat_lon', 'not_a_number', 'unknown_signal_value',
      'out_of_range', 'invalid_date', 'missing_coordinate', 'duplicate_id_conflict', 'outside_area']));
    expectNoPersonal(JSON.stringify(r.issues));
  });
  it('are not in the issues CSV', () => {
    const csv = issuesToCsv(r.issues);
    expect(csv.split('\r\n').length).toBeGreaterThan(8);
    expectNoPersonal(csv);
  });
  it('are not in the clusters GeoJSON, with or without privacy', () => {
    const analysis = analyzeBlindspots(r.households, [], { ...DEFAULT_ANALYSIS_SETTINGS, minHouseholds: 2 });
    expect(analysis.clusters.length).toBe(1);
    expectNoPersonal(JSON.stringify(clustersToGeoJson(analysis)));
    expectNoPersonal(JSON.stringify(clustersToGeoJson(analysis, { privacy: true })));
  });
  it('are masked in the mapping dialog\'s samples and absent from the header signature', () => {
    expectNoPersonal(JSON.stringify(r.columns));
    expectNoPersonal(r.headerSignature);
    const table = { headers: ['姓名', 'x'], rows: [{ line: 2, cells: ['张三', '1'] }] };
    expect(describeColumns(table, [null, null])).toEqual([
      { index: 0, header: '姓名', field: null, samples: ['•••'] }, { index: 1, header: 'x', field: null, samples: ['1'] }]);
  });
});
