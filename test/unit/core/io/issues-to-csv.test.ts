import { describe, expect, it } from 'vitest';
import { issuesToCsv, readCsvTable, type ImportIssue } from '../../../../src/core/index.ts';

const issues: ImportIssue[] = [
  { line: 3, field: 'lon', code: 'missing_coordinate', severity: 'error', message: 'line 3: lon is empty; a coordinate is required' },
  { line: 5, field: 'row', code: 'swapped_lat_lon', severity: 'error', value: 'lon=29.98, lat=108.12',
    message: 'line 5: lon=29.98, lat=108.12 look "swapped"' },
  { line: 7, field: 'rsrp_dbm', code: 'out_of_range', severity: 'warning', value: '-20', message: 'line 7: rsrp_dbm "-20"\nignored' },
  { line: 8, field: 'village', code: 'unknown_signal_value', severity: 'warning', value: '=HYPERLINK("x")', message: 'm' },
];

describe('issuesToCsv', () => {
  const out = issuesToCsv(issues);
  it('starts with a UTF-8 BOM and the documented header, CRLF line ends', () => {
    expect(out.startsWith('\uFEFFline,field,code,severity,value,message\r\n')).toBe(true);
    expect(out.endsWith('\r\n')).toBe(true);
  });
  it('round-trips through a CSV reader (quoting commas, quotes and line breaks)', () => {
    const table = readCsvTable(out);
    expect(table.headers).toEqual(['line', 'field', 'code', 'severity', 'value', 'message']);
    expect(table.rows.map((r) => r.cells.slice(0, 5))).toEqual([
      ['3', 'lon', 'missing_coordinate', 'error', ''],
      ['5', 'row', 'swapped_lat_lon', 'error', 'lon=29.98, lat=108.12'],
      ['7', 'rsrp_dbm', 'out_of_range', 'warning', '-20'],
      ['8', 'village', 'unknown_signal_value', 'warning', '\'=HYPERLINK("x")'],
    ]);
    expect(table.rows[1]?.cells[5]).toBe('line 5: lon=29.98, lat=108.12 look "swapped"');
    expect(table.rows[2]?.cells[5]).toBe('line 7: rsrp_dbm "-20"\nignored');
  });
  it('writes only the header for no issues', () => {
    expect(issuesToCsv([])).toBe('\uFEFFline,field,code,severity,value,message\r\n');
  });
});
