/**
 * The demo's household reports as CSV text, the way a county education committee would send them:
 * Chinese headers (aliases of FORMATS.md §1), one row per report, UTF-8 without BOM (the caller
 * writes the string as UTF-8), LF line endings, a final newline. Codes (`township_code`,
 * `village_code`) are not written: the file names places as teachers do.
 * Cost: O(rows).
 */
import { csvLine } from './csv-cell.ts';
import type { DemoHouseholdRow } from './demo-types.ts';

/** Header, in column order: id, lon, lat, students, county, township, village, signal, rsrp_dbm, down_mbps, reported_at, operator. */
export const DEMO_HOUSEHOLD_HEADERS = Object.freeze([
  '户编号', '经度', '纬度', '学生人数', '区县', '乡镇', '村', '信号强度', '参考信号接收功率', '下行速率', '上报日期', '运营商',
]);

export function demoHouseholdsToCsv(rows: readonly DemoHouseholdRow[]): string {
  const lines = [csvLine(DEMO_HOUSEHOLD_HEADERS)];
  for (const r of rows) {
    lines.push(csvLine([
      r.id, r.lon.toFixed(6), r.lat.toFixed(6), r.students, r.county, r.township, r.village,
      r.signal, r.rsrp_dbm, r.down_mbps?.toFixed(2), r.reported_at, r.operator,
    ]));
  }
  return lines.join('\n') + '\n';
}
