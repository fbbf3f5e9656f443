/**
 * Writes the Excel test fixture test/fixtures/households.xlsx the way a county education
 * committee's workbook looks (issue 5): a first sheet "住户" with a title row, a blank row, the
 * header on row 3, real date cells (one with a time), numbers, a degrees-minutes-seconds
 * latitude typed as text, a full-width longitude typed as text, a swapped row, a negative student
 * count, a blank row in the middle and two personal columns (made-up names and phone numbers);
 * and a second sheet "第二批" with another column order and dates typed as text. Written with
 * write-excel-file (an independent writer, not our reader's code) and re-packed with fixed
 * timestamps so the committed file only changes with its content.
 * test/unit/core/io/parse-households-file.test.ts pins what it must read to.
 *   npx tsx scripts/build-test-fixtures.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import writeXlsxFile from 'write-excel-file/node';
import { deterministicZip } from './deterministic-zip.ts';

const OUT = fileURLToPath(new URL('../test/fixtures/', import.meta.url));

const day = (iso: string) => ({ value: new Date(`${iso}Z`), type: Date, format: iso.includes('T') ? 'yyyy-mm-dd hh:mm' : 'yyyy/m/d' });
const text = (value: string) => ({ value, type: String });

const HEADER = ['户编号', '家长姓名', '联系电话', '经度', '纬度', '学生人数', '乡镇', '村', '信号强度', '参考信号接收功率', '下行速率', '上报日期'];
const first = [
  [{ value: '石柱县学生家庭网络信号调查表（第一批）', fontWeight: 'bold' as const, columnSpan: HEADER.length }, ...HEADER.slice(1).map(() => null)],
  [],
  HEADER.map((value) => ({ value, fontWeight: 'bold' as const })),
  // row 4
  [text('XL-001'), '测试家长甲', text('13800000101'), 108.1523, 29.9981, 2, '中益乡', '华溪村', '差', -109, 0.6, day('2025-03-01T00:00:00')],
  // row 5: a date with a time
  [text('XL-002'), '测试家长乙', text('13800000102'), 108.1589, 30.0034, 1, '中益乡', '华溪村', '无', -118, null, day('2025-03-02T08:30:00')],
  // row 6: blank
  [],
  // row 7: latitude in degrees-minutes-seconds, typed as text
  [text('XL-003'), '测试家长丙', text('13800000103'), 108.3124, text('30°07\'13"N'), 3, '六塘乡', '龙池村', '弱', null, 0.3, day('2025-03-03T00:00:00')],
  // row 8: longitude and latitude swapped
  [text('XL-004'), '测试家长丁', text('13800000104'), 30.1256, 108.3188, 1, '六塘乡', '龙池村', '无', null, null, day('2025-03-04T00:00:00')],
  // row 9: full-width digits typed as text
  [text('XL-005'), '测试家长戊', text('13800000105'), text('１０８．３５６１'), 30.2012, 2, '沙子镇', '卧龙村', '一般', -98, 3.1, day('2025-03-05T00:00:00')],
  // row 10: a negative student count
  [text('XL-006'), '测试家长己', text('13800000106'), 108.3627, 30.2084, -1, '沙子镇', '卧龙村', '好', -93, 25, day('2025-03-06T00:00:00')],
];
const second = [
  ['村', '户编号', '纬度', '经度', '信号强度', '上报日期'],
  ['万胜坝村', text('XL-101'), 30.0523, 108.2011, '好', text('2025/3/8')],
  ['万胜坝村', text('XL-102'), 30.0589, 108.2057, '差', text('2025/3/9')],
];

const buffer = await writeXlsxFile([
  { sheet: '住户', data: first, columns: HEADER.map(() => ({ width: 12 })) },
  { sheet: '第二批', data: second },
]).toBuffer();
writeFileSync(`${OUT}households.xlsx`, deterministicZip(new Uint8Array(buffer)));
console.log(JSON.stringify({ ok: true, out: `${OUT}households.xlsx` }));
