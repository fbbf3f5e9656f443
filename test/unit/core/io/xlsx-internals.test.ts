import { describe, expect, it } from 'vitest';
import { UserInputError, sniffFileFormat } from '../../../../src/core/index.ts';
import { dateFormatKind } from '../../../../src/core/io/date-format-kind.ts';
import { excelSerialToIso } from '../../../../src/core/io/excel-serial-to-iso.ts';
import { scanXml } from '../../../../src/core/io/scan-xml.ts';

function events(xml: string): string[] {
  const out: string[] = [];
  scanXml(xml, {
    open: (name, a, self) => out.push(`<${name}${Object.entries(a).map(([k, v]) => ` ${k}=${v}`).join('')}${self ? '/' : ''}>`),
    close: (name) => out.push(`</${name}>`),
    text: (t) => out.push(JSON.stringify(t)),
  }, 'test.xml');
  return out;
}
const xmlError = (xml: string) => {
  try { events(xml); } catch (err) { return err instanceof UserInputError ? err.code : String(err); }
  return undefined;
};

describe('scanXml', () => {
  it('reads elements without prefixes, attributes as written, entities, CDATA; skips comments and declarations', () => {
    expect(events('\uFEFF<?xml version="1.0"?><!-- c --><x:a r:id=\'1\' b="&lt;&#x4E2D;&#25991;&amp;"><b/>t&gt;<![CDATA[<raw>]]></x:a>')).toEqual([
      '<a r:id=1 b=<中文&>', '<b/>', '</b>', '"t>"', '"<raw>"', '</a>']);
  });
  it.each([
    ['<a>', 'unclosed'], ['<a></b>', 'crossed'], ['<a>x & y</a>', 'stray &'], ['<a>&nbsp;</a>', 'unknown entity'],
    ['<a b="1" b="2"/>', 'duplicate attribute'], ['<a b=1/>', 'unquoted'], ['<a b="<"/>', '< in attribute'], ['<a/><b/>', 'two roots'],
    ['x<a/>', 'text outside'], ['<!DOCTYPE a><a/>', 'DOCTYPE'], ['<a><!-- x</a>', 'open comment'], ['', 'empty'],
    ['<a>&#0;</a>', 'invalid character'], ['<a b="1"c="2"/>', 'no space'], ['< a/>', 'stray <'],
  ])('refuses %j (%s) as not_a_workbook', (xml) => {
    expect(xmlError(xml)).toBe('not_a_workbook');
  });
});

describe('dateFormatKind', () => {
  it.each([
    [14, undefined, 'date'], [22, undefined, 'datetime'], [20, undefined, 'time'], [31, undefined, 'date'], [57, undefined, 'date'],
    [0, undefined, null], [2, undefined, null], [49, undefined, null],
    [176, 'yyyy"年"m"月"d"日"', 'date'], [176, 'yyyy/m/d h:mm', 'datetime'], [176, '[h]:mm:ss', 'time'], [176, 'mm:ss', 'time'],
    [176, '[$-804]aaaa', null], [176, 'mmm', 'date'], [176, '0.00E+00', null], [176, '#,##0.00;[Red]-#,##0.00', null],
    [176, 'General', null], [176, '@', null], [176, '0"天"', null], [176, '[Red][<=100]yyyy-mm-dd', 'date'],
    [176, `${'['.repeat(300)}y`, null],
  ] as const)('%i %j → %s', (id, code, kind) => {
    expect(dateFormatKind(id, code)).toBe(kind);
  });
});

describe('excelSerialToIso', () => {
  it.each([
    [45717, 'date', false, '2025-03-01'], [45717.5, 'date', false, '2025-03-01T12:00:00'], [0.75, 'time', false, '18:00:00'],
    [1, 'date', false, '1900-01-01'], [59, 'date', false, '1900-02-28'], [60, 'date', false, '1900-02-29'], [61, 'date', false, '1900-03-01'],
    [0, 'date', true, '1904-01-01'], [0, 'date', false, null], [-1, 'date', false, null], [2_958_466, 'date', false, null],
    [2_958_465, 'date', false, '9999-12-31'],
  ] as const)('%d (%s, 1904: %s) → %j', (serial, kind, d1904, iso) => {
    expect(excelSerialToIso(serial, kind, d1904)).toBe(iso);
  });
});

describe('sniffFileFormat', () => {
  const b = (...xs: number[]) => new Uint8Array(xs);
  it.each([
    ['a.xlsx', b(0x50, 0x4b, 3, 4, 0), 'xlsx'], ['a.csv', b(0x50, 0x4b, 3, 4), 'xlsx'], ['a.bin', b(0x50, 0x4b, 5, 6), 'xlsx'],
    ['a.xls', b(0xd0, 0xcf, 0x11, 0xe0), 'ole'], ['a.xls', new TextEncoder().encode(' \n<html>'), 'html'],
    ['a.xlsx', b(1, 0, 2), 'binary'], ['a.xls', b(0xff, 0xfe, 0x61, 0), 'text'], ['a.xlsx', new TextEncoder().encode('id,lon'), 'text'],
    ['a.csv', b(1, 0, 2), 'text'], ['a.csv', b(), 'text'],
  ] as const)('%s %j → %s', (name, bytes, kind) => {
    expect(sniffFileFormat(name, bytes)).toBe(kind);
  });
});
