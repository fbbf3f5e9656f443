import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHouseholdsFile } from '../../../../src/core/index.ts';

const TEMPLATES = new URL('../../../../public/templates/', import.meta.url);
const HEADERS = ['户编号', '经度', '纬度', '学生人数', '区县', '乡镇', '村', '信号强度', '参考信号接收功率', '下行速率', '上报日期', '运营商'];

describe('household report templates (public/templates, written by scripts/build-templates.ts)', () => {
  it.each(['household-report-template.csv', 'household-report-template.xlsx'])('%s imports with no issue', async (name) => {
    const bytes = new Uint8Array(readFileSync(new URL(name, TEMPLATES)));
    const r = await parseHouseholdsFile({ name, bytes });
    expect(r.issues).toEqual([]);
    expect(r.rows).toBe(1);
    expect(r.columns.map((c) => c.header)).toEqual(HEADERS);
    expect(r.columns.every((c) => c.field !== null && c.field !== 'personal')).toBe(true);
    expect(r.households[0]).toMatchObject({ id: '示例-001', township: '六塘乡', village: '龙池村', students: 2, cls: 'poor',
      lon: 108.43443, lat: 30.217841 });
    expect(r.households[0]?.reports[0]).toMatchObject({ signal: 'poor', rsrpDbm: -112, downMbps: 0.8, reportedAt: '2025-03-01' });
  });
  it('the CSV is UTF-8 with a BOM and CRLF line ends (Excel opens it in Chinese)', () => {
    const bytes = readFileSync(new URL('household-report-template.csv', TEMPLATES));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toMatch(/\r\n示例-001,/);
  });
  it('the workbook has the household sheet first and the instructions second', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('household-report-template.xlsx', TEMPLATES)));
    const r = await parseHouseholdsFile({ name: 't.xlsx', bytes });
    expect(r.sheets).toEqual(['住户', '填写说明']);
  });
});
