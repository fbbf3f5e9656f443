/**
 * Maps the header of a household report table to canonical fields (FORMATS.md §1).
 *
 * Computes: for each column, the field whose alias matches its header, or null (ignored).
 * Matching ignores case, spaces (also full-width), `_` and `-`, so ' LNG ', 'Household ID' and
 * 'household-id' all match. When two columns match the same field, the first one wins and the
 * later ones are ignored (null) — except `personal`, which any number of columns may feed.
 * Limits: exact alias matching only; no guessing from the data. A column-mapping dialog can
 * replace the result (any `ColumnMapping` works downstream). Cost: O(columns).
 */
import type { ColumnMapping, HouseholdField } from '../model/types.ts';
import { aliasLookup, mapHeaders } from './map-headers.ts';

/** The header alias table of FORMATS.md §1, field → accepted headers. */
export const HOUSEHOLD_COLUMN_ALIASES: Readonly<Record<HouseholdField, readonly string[]>> = Object.freeze({
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
});

const HOUSEHOLD_LOOKUP = aliasLookup(HOUSEHOLD_COLUMN_ALIASES);

export function detectColumns(headers: string[]): ColumnMapping {
  return { fields: mapHeaders<HouseholdField>(headers, HOUSEHOLD_LOOKUP, ['personal']) };
}

/** Whether header cells name both a longitude and a latitude column (a header row, not a title). */
export function looksLikeHouseholdHeader(cells: readonly string[]): boolean {
  const fields = mapHeaders<HouseholdField>(cells, HOUSEHOLD_LOOKUP, ['personal']);
  return fields.includes('lon') && fields.includes('lat');
}
