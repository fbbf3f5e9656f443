import { describe, expect, it } from 'vitest';
import { detectColumns, HOUSEHOLD_COLUMN_ALIASES, type HouseholdField } from '../../../../src/core/index.ts';

/** FORMATS.md §1, copied here on purpose: a change to the table must be a change to this test. */
const FORMATS_TABLE: Record<HouseholdField, string[]> = {
  id: ['id', 'household_id', '户编号', '编号', '序号'],
  lon: ['lon', 'lng', 'longitude', 'x', '经度'],
  lat: ['lat', 'latitude', 'y', '纬度'],
  students: ['students', 'children', '学生数', '学生人数', '在校学生'],
  county: ['county', 'district', '区县', '县', '区'],
  township: ['township', 'town', '乡镇', '乡', '镇', '街道'],
  village: ['village', '村', '村委会', '行政村'],
  signal: ['signal', 'coverage', '信号', '信号强度', '信号质量'],
  rsrp_dbm: ['rsrp', 'rsrp_dbm', '参考信号接收功率'],
  down_mbps: ['down_mbps', 'download', '下行速率', '网速'],
  reported_at: ['date', 'reported_at', '日期', '上报日期', '上报时间'],
  operator: ['operator', 'carrier', '运营商'],
  personal: ['姓名', '学生姓名', '家长姓名', '电话', '联系电话', '手机', '身份证号',
    'name', 'phone', 'student_name', 'parent_name', 'id_card'],
};

const field = (header: string) => detectColumns([header]).fields[0];
const cases = Object.entries(FORMATS_TABLE).flatMap(([f, aliases]) => aliases.map((a) => [a, f] as const));

describe('detectColumns: the alias table of FORMATS §1', () => {
  it('exports exactly the documented table', () => {
    expect(HOUSEHOLD_COLUMN_ALIASES).toEqual(FORMATS_TABLE);
  });
  it.each(cases)('%s → %s', (alias, f) => {
    expect(field(alias)).toBe(f);
  });
  it.each(cases)('%s matches in upper case and with surrounding/inner spaces', (alias, f) => {
    expect(field(`  ${alias.toUpperCase()} `)).toBe(f);
    expect(field(alias.split('').join(' '))).toBe(f);
  });
  it('matches the examples people type', () => {
    expect(field(' LNG ')).toBe('lon');
    expect(field('Longitude')).toBe('lon');
    expect(field('经 度')).toBe('lon');
    expect(field('户编号')).toBe('id');
    expect(field('Household ID')).toBe('id');
    expect(field('RSRP_dBm')).toBe('rsrp_dbm');
    expect(field('\u3000纬度\u3000')).toBe('lat');
  });
  it('ignores unknown headers', () => {
    expect(detectColumns(['备注', 'remarks', '']).fields).toEqual([null, null, null]);
  });
  it('maps each field to its first column only, but every personal column', () => {
    expect(detectColumns(['lon', 'x', 'lat', '姓名', 'phone', 'lng']).fields)
      .toEqual(['lon', null, 'lat', 'personal', 'personal', null]);
  });
});
