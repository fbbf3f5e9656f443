import { describe, expect, it } from 'vitest';
import { readCsvTable, UserInputError } from '../../../../src/core/index.ts';

const lines = (t: { rows: { line: number }[] }) => t.rows.map((r) => r.line);
const cells = (t: { rows: { cells: string[] }[] }) => t.rows.map((r) => r.cells);

describe('readCsvTable: delimiters', () => {
  it('reads comma files', () => {
    const t = readCsvTable('id,lon,lat\nA,108.1,29.9\n');
    expect(t.delimiter).toBe(',');
    expect(t.headers).toEqual(['id', 'lon', 'lat']);
    expect(cells(t)).toEqual([['A', '108.1', '29.9']]);
  });
  it('detects semicolon files (and keeps commas inside cells)', () => {
    const t = readCsvTable('id;lon;lat;village\nA;108.1;29.9;a,b\n');
    expect(t.delimiter).toBe(';');
    expect(cells(t)).toEqual([['A', '108.1', '29.9', 'a,b']]);
  });
  it('detects tab files', () => {
    const t = readCsvTable('id\tlon\tlat\nA\t108.1\t29.9\nB\t108.2\t30.0');
    expect(t.delimiter).toBe('\t');
    expect(cells(t)).toEqual([['A', '108.1', '29.9'], ['B', '108.2', '30.0']]);
  });
  it('counts delimiters in the header only, outside quotes', () => {
    const t = readCsvTable('"a;b;c",lon\n"x;y",1\n');
    expect(t.delimiter).toBe(',');
    expect(t.headers).toEqual(['a;b;c', 'lon']);
  });
});

describe('readCsvTable: quoting (RFC 4180)', () => {
  it('reads quoted fields with delimiters and doubled quotes', () => {
    const t = readCsvTable('id,note\n1,"a, ""b"" c"\n');
    expect(cells(t)).toEqual([['1', 'a, "b" c']]);
  });
  it('reads a quoted field holding a line break, and later lines stay true to the file', () => {
    const t = readCsvTable('id,note,lon\n1,"two\nlines",108\n2,x,108\n3,"three\r\nline\rbreaks",108\n4,y,108\n');
    expect(cells(t)[0]).toEqual(['1', 'two\nlines', '108']);
    expect(cells(t)[2]).toEqual(['3', 'three\nline\nbreaks', '108']);
    expect(lines(t)).toEqual([2, 4, 5, 8]);
  });
  it('accepts a quote after leading spaces', () => {
    expect(cells(readCsvTable('a,b\n1, "x, y"\n'))).toEqual([['1', 'x, y']]);
  });
  it('throws unterminated_quote naming the line where the quote opened', () => {
    try {
      readCsvTable('id,note\n1,ok\n2,"never closed\n3,x\n');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(UserInputError);
      expect((err as UserInputError).code).toBe('unterminated_quote');
      expect((err as UserInputError).message).toContain('line 3');
    }
  });
});

describe('readCsvTable: lines, blank rows, line ends', () => {
  it('numbers rows by file line with CRLF, LF and CR line ends', () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      const t = readCsvTable(['id,lon', 'A,1', 'B,2', 'C,3'].join(eol) + eol);
      expect(lines(t)).toEqual([2, 3, 4]);
      expect(cells(t).map((c) => c[0])).toEqual(['A', 'B', 'C']);
    }
  });
  it('skips blank lines and all-empty rows but keeps counting lines', () => {
    const t = readCsvTable('id,lon\n\nA,1\n , \n\r\nB,2\n,\n');
    expect(lines(t)).toEqual([3, 6]);
  });
  it('ignores a BOM before the header', () => {
    expect(readCsvTable('\uFEFFid,lon\nA,1').headers).toEqual(['id', 'lon']);
  });
  it('counts lines before the header when the file starts with blank lines', () => {
    const t = readCsvTable('\n\nid,lon\nA,1\n');
    expect(t.headers).toEqual(['id', 'lon']);
    expect(lines(t)).toEqual([4]);
  });
  it('tolerates trailing empty columns and pads short rows', () => {
    const t = readCsvTable('id,lon,lat,,\nA,1,2,,\nB,3\n');
    expect(t.headers).toEqual(['id', 'lon', 'lat']);
    expect(cells(t)).toEqual([['A', '1', '2', '', ''], ['B', '3', '']]);
  });
  it('trims cells', () => {
    expect(cells(readCsvTable('a,b\n  x , y  \n'))).toEqual([['x', 'y']]);
  });
  it('throws empty_file when there is nothing but blank lines', () => {
    expect(() => readCsvTable('\n \r\n,,\n')).toThrow(expect.objectContaining({ code: 'empty_file' }));
  });
});
