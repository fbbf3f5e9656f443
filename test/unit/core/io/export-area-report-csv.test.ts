import { describe, expect, it } from 'vitest';
import {
  aggregateAreas, AREA_REPORT_CSV_HEADER, areaReportToCsv, readCsvTable, type AttendanceClass, type Household,
} from '../../../../src/core/index.ts';
import { at, proposal } from '../coverage/fixtures.ts';

function home(id: string, east: number, cls: AttendanceClass, students: number, village: string, township = '六塘乡'): Household {
  const [lon, lat] = at(east, 0);
  return { id, lon, lat, students, cls, line: 0, personal: {}, reports: [{ line: 0, cls }], county: '石柱县', township, village };
}

/**
 * 龙池村: 6 homes — 4 none (1 student each), 1 poor (2), 1 good (7): 13 students; the proposal
 * (r 150 m at 0) covers the homes at 0 and 100 m. 桥头村: 1 fair home of 3 students.
 * =HYPERLINK村: 1 unknown home of 0 students (a name that would run as a formula).
 */
const HOMES: Household[] = [
  home('a1', 0, 'none', 1, '龙池村'), home('a2', 100, 'none', 1, '龙池村'), home('a3', 400, 'none', 1, '龙池村'),
  home('a4', 500, 'none', 1, '龙池村'), home('a5', 600, 'poor', 2, '龙池村'), home('a6', 700, 'good', 7, '龙池村'),
  home('b1', 5000, 'fair', 3, '桥头村'),
  home('c1', 9000, 'unknown', 0, '=HYPERLINK("http://x","y")', '黄鹤镇'),
];
const REPORT = aggregateAreas(HOMES, { level: 'village', uncovered: ['none', 'poor'], proposals: [proposal('P', at(0, 0), 150)] });

describe('areaReportToCsv', () => {
  it('starts with a UTF-8 BOM and the exact header of FORMATS.md §6, CRLF line ends', () => {
    const csv = areaReportToCsv(REPORT);
    expect(csv.startsWith('\uFEFFcounty,township,village,households,students,none,poor,fair,good,unknown,uncovered_students,uncovered_students_after\r\n'))
      .toBe(true);
    expect(AREA_REPORT_CSV_HEADER.join(',')).toBe('county,township,village,households,students,none,poor,fair,good,unknown,uncovered_students,uncovered_students_after');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('one row per area in report order, student counts per class, no totals row', () => {
    const lines = areaReportToCsv(REPORT).slice(1).split('\r\n');
    expect(lines).toEqual([
      AREA_REPORT_CSV_HEADER.join(','),
      '石柱县,六塘乡,龙池村,6,13,4,2,0,7,0,6,4',
      '石柱县,六塘乡,桥头村,1,3,0,0,3,0,0,0,0',
      '石柱县,黄鹤镇,"\'=HYPERLINK(""http://x"",""y"")",1,0,0,0,0,0,0,0,0',
      '',
    ]);
  });

  it('privacy mode writes every count from 1 to 4 as <5; 0 stays 0, 5 and more stay', () => {
    const lines = areaReportToCsv(REPORT, { privacy: true }).slice(1).split('\r\n');
    expect(lines.slice(1, 4)).toEqual([
      '石柱县,六塘乡,龙池村,6,13,<5,<5,0,7,0,6,<5',
      '石柱县,六塘乡,桥头村,<5,<5,0,0,<5,0,0,0,0',
      '石柱县,黄鹤镇,"\'=HYPERLINK(""http://x"",""y"")",<5,0,0,0,0,0,0,0,0',
    ]);
  });

  it('reads back with a CSV reader: the formula is defused, the columns in order', () => {
    const table = readCsvTable(areaReportToCsv(REPORT).replace(/^\uFEFF/, ''));
    expect(table.headers).toEqual([...AREA_REPORT_CSV_HEADER]);
    expect(table.rows.map((r) => r.cells[2])).toEqual(['龙池村', '桥头村', '\'=HYPERLINK("http://x","y")']);
    for (const r of table.rows) expect(r.cells).toHaveLength(12);
  });

  it('township level: the village column is empty; guards names that start with + - @', () => {
    const homes = [home('x', 0, 'none', 5, '', '+乡'), home('y', 10, 'none', 5, '', '-1')];
    const csv = areaReportToCsv(aggregateAreas(homes, { level: 'township', uncovered: ['none'] }));
    expect(csv.slice(1).split('\r\n').slice(1, 3).sort()).toEqual(['石柱县,\'+乡,,1,5,5,0,0,0,0,5,5', '石柱县,-1,,1,5,5,0,0,0,0,5,5']);
  });

  it('an empty report is the header alone', () => {
    expect(areaReportToCsv(aggregateAreas([], { level: 'county', uncovered: ['none'] }))).toBe(`\uFEFF${AREA_REPORT_CSV_HEADER.join(',')}\r\n`);
  });
});
