/**
 * Writes the downloadable household report templates (issue 5, item 9):
 *   public/templates/household-report-template.csv   UTF-8 with BOM, CRLF (Excel opens it right)
 *   public/templates/household-report-template.xlsx  sheet "住户" + sheet "填写说明" (instructions)
 * Chinese headers of FORMATS.md §1 and one example row in Shizhu (六塘乡 龙池村; position from the
 * synthetic demo). No personal columns: the template does not invite names or phone numbers.
 * The .xlsx is written with write-excel-file and re-packed with fixed timestamps, so re-running
 * the script changes the files only when their content changes. Both files must import with no
 * issue (test/unit/core/io/templates.test.ts).
 *   npx tsx scripts/build-templates.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import writeXlsxFile from 'write-excel-file/node';
import { deterministicZip } from './deterministic-zip.ts';

const OUT = fileURLToPath(new URL('../public/templates/', import.meta.url));

export const TEMPLATE_HEADERS = ['户编号', '经度', '纬度', '学生人数', '区县', '乡镇', '村', '信号强度', '参考信号接收功率',
  '下行速率', '上报日期', '运营商'] as const;

const EXAMPLE = {
  id: '示例-001', lon: 108.43443, lat: 30.217841, students: 2, county: '石柱土家族自治县', township: '六塘乡',
  village: '龙池村', signal: '差', rsrp: -112, down: 0.8, date: '2025-03-01', operator: '中国移动',
};

/** What each column means, for the instructions sheet. */
const INSTRUCTIONS: [string, string, string][] = [
  ['户编号', '否', '每户一个编号；同一户多次上报用同一编号（不填则按行号）'],
  ['经度', '是', '十进制度，如 108.43443；也可写度分秒，如 108°26′04″E'],
  ['纬度', '是', '十进制度，如 30.217841；也可写度分秒，如 30°13′04″N'],
  ['学生人数', '否', '家中在读学生人数，0–20，不填按 1 人'],
  ['区县', '否', '区县名称或 6 位代码'],
  ['乡镇', '否', '乡镇（街道）名称或 9 位代码'],
  ['村', '否', '村（社区）名称或 12 位代码'],
  ['信号强度', '*', '无 / 差 / 一般 / 好（或 0–3 格）'],
  ['参考信号接收功率', '*', '4G RSRP，单位 dBm，-140 到 -44，如 -112'],
  ['下行速率', '*', '实测下载速率，单位 Mbit/s，如 0.8'],
  ['上报日期', '否', '日期，如 2025-03-01'],
  ['运营商', '否', '中国移动 / 中国联通 / 中国电信 / 中国广电'],
];

function csvTemplate(): string {
  const e = EXAMPLE;
  const row = [e.id, e.lon, e.lat, e.students, e.county, e.township, e.village, e.signal, e.rsrp, e.down, e.date, e.operator];
  return '\uFEFF' + [TEMPLATE_HEADERS.join(','), row.join(',')].join('\r\n') + '\r\n';
}

async function xlsxTemplate(): Promise<Uint8Array> {
  const e = EXAMPLE;
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const households = [
    TEMPLATE_HEADERS.map(bold),
    [
      { value: e.id, type: String, format: '@' }, e.lon, e.lat, e.students, e.county, e.township, e.village, e.signal, e.rsrp,
      e.down, { value: new Date(`${e.date}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' }, e.operator,
    ],
  ];
  const instructions = [
    [bold('列名'), bold('必填'), bold('说明')],
    ...INSTRUCTIONS.map(([a, b, c]) => [a, b, c]),
    [],
    [{ value: '* 信号强度、参考信号接收功率、下行速率至少填一项，否则该户记为“未知”。', columnSpan: 3 }, null, null],
    [{ value: '请勿填写学生或家长姓名、电话、身份证号等个人信息。坐标请用 GPS（WGS-84）；从高德/腾讯地图取的坐标导入时选择 GCJ-02。', columnSpan: 3 }, null, null],
  ];
  const widths = [12, 12, 12, 10, 18, 10, 10, 10, 16, 10, 12, 10].map((width) => ({ width }));
  const buffer = await writeXlsxFile([
    { sheet: '住户', data: households, columns: widths, stickyRowsCount: 1 },
    { sheet: '填写说明', data: instructions, columns: [{ width: 18 }, { width: 6 }, { width: 70 }] },
  ]).toBuffer();
  return deterministicZip(new Uint8Array(buffer));
}

writeFileSync(`${OUT}household-report-template.csv`, csvTemplate(), 'utf8');
writeFileSync(`${OUT}household-report-template.xlsx`, await xlsxTemplate());
console.log(JSON.stringify({ ok: true, out: OUT, files: ['household-report-template.csv', 'household-report-template.xlsx'] }));
