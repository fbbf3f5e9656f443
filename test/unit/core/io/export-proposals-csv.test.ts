import { describe, expect, it } from 'vitest';
import { PROPOSALS_CSV_HEADER, proposalsToCsv, readCsvTable } from '../../../../src/core/index.ts';
import { proposal } from '../coverage/fixtures.ts';

const HEADER = 'rank,id,name,lon,lat,status,origin,antenna_height_m,band_mhz,eirp_dbm,radius_m,cost_cny,newly_covered_households,'
  + 'newly_covered_students,cost_per_student_cny,villages,cluster_ids,notes';

describe('proposalsToCsv', () => {
  const A = proposal('a', [108.12345678, 29.98765432], 3000, { name: '六塘乡, 龙池村 "1"', notes: '山顶\r\n第二行', costCny: 250_000 });
  const B = proposal('b', [108.2, 30.1], 1000, { origin: 'suggested', name: '=HYPERLINK("http://x")', notes: '-note', eirpDbm: -5, costCny: 100_000 });
  const C = proposal('c', [108.3, -0.0000001], 500, { name: '@c', notes: '+SUM(A1)' });
  const impacts = [
    { siteId: 'a', newlyCoveredHouseholds: 5, newlyCoveredStudents: 7, villages: ['龙池村', '六塘村'], clusterIds: ['c-1', 'c-4'] },
    { siteId: 'b', newlyCoveredHouseholds: 9, newlyCoveredStudents: 12, clusterIds: ['c-2'] },
  ];
  const out = proposalsToCsv([A, B, C], impacts);
  const table = readCsvTable(out);

  it('starts with a UTF-8 BOM and the documented header, CRLF line ends', () => {
    expect(out.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(PROPOSALS_CSV_HEADER.join(',')).toBe(HEADER);
    expect(out.endsWith('\r\n')).toBe(true);
    expect(table.headers).toEqual(HEADER.split(','));
  });
  it('sorts rows by rank (most students newly covered first) and fills every column', () => {
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['1', 'b', '\'=HYPERLINK("http://x")', '108.2', '30.1', 'proposed', 'suggested', '30', '900', '-5', '1000', '100000', '9', '12', '8333', '', 'c-2', '\'-note'],
      ['2', 'a', '六塘乡, 龙池村 "1"', '108.123457', '29.987654', 'proposed', 'manual', '30', '900', '58', '3000', '250000', '5', '7', '35714', '龙池村;六塘村', 'c-1;c-4', '山顶\n第二行'],
      ['3', 'c', '\'@c', '108.3', '0', 'proposed', 'manual', '30', '900', '58', '500', '250000', '0', '0', '', '', '', '\'+SUM(A1)'],
    ]);
  });
  it('keeps ties in list order and counts a proposal without an impact as 0', () => {
    const rows = readCsvTable(proposalsToCsv([C, A, B], [])).rows.map((r) => [r.cells[0], r.cells[1], r.cells[14]]);
    expect(rows).toEqual([['1', 'c', ''], ['2', 'a', ''], ['3', 'b', '']]);
  });
  it('lets negative numbers through but guards text that starts like a formula', () => {
    const lines = out.split('\r\n');
    expect(lines[1]).toContain(',-5,');
    expect(lines[1]).toContain('"\'=HYPERLINK(""http://x"")"');
    expect(lines[1]!.endsWith(",'-note")).toBe(true);
    expect(out).toContain(',"山顶\r\n第二行"\r\n');
    expect(proposalsToCsv([proposal('n', [108, 30], 1, { notes: '+1', name: '-1e-7' })], [])).toMatch(/,-1e-7,.*,\+1\r\n$/);
  });
  it('in privacy mode writes counts from 1 to 4 as <5 and hides their cost per student; 0 and 5+ stay', () => {
    const few = [{ siteId: 'a', newlyCoveredHouseholds: 3, newlyCoveredStudents: 4 }, { siteId: 'b', newlyCoveredHouseholds: 5, newlyCoveredStudents: 12 }];
    const rows = readCsvTable(proposalsToCsv([A, B, C], few, { privacy: true })).rows.map((r) => r.cells.slice(0, 2).concat(r.cells.slice(12, 15)));
    expect(rows).toEqual([['1', 'b', '5', '12', '8333'], ['2', 'a', '<5', '<5', ''], ['3', 'c', '0', '0', '']]);
  });
  it('writes only the header for no proposals', () => {
    expect(proposalsToCsv([], [])).toBe(`\uFEFF${HEADER}\r\n`);
  });
});
