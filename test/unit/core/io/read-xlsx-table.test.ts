import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UserInputError, WORKBOOK_LIMITS, listWorkbookSheets, readXlsxTable } from '../../../../src/core/index.ts';
import { buildXlsx, sheetDataOf, worksheet } from './helpers/build-xlsx.ts';

const FIXTURE = new Uint8Array(readFileSync(new URL('../../../fixtures/households.xlsx', import.meta.url)));

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try { await promise; } catch (err) { return err instanceof UserInputError ? err.code : `not a UserInputError: ${String(err)}`; }
  return undefined;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="0.00E+00"/><numFmt numFmtId="178" formatCode="[$-804]hh:mm:ss"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>
<cellStyleXfs count="1"><xf numFmtId="14" fontId="0"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="177" applyNumberFormat="1"/><xf numFmtId="178" applyNumberFormat="1"/><xf numFmtId="31" applyNumberFormat="1"/></cellXfs>
</styleSheet>`;

describe('readXlsxTable: the committed fixture (written by write-excel-file)', () => {
  it('lists both sheets in tab order', async () => {
    expect(await listWorkbookSheets(FIXTURE)).toEqual(['住户', '第二批']);
  });
  it('reads the first sheet by default: header on its row, sheet row numbers as lines, dates as ISO text', async () => {
    const t = await readXlsxTable(FIXTURE);
    expect(t.sheet).toBe('住户');
    expect(t.sheets).toEqual(['住户', '第二批']);
    // The title row (1) is the first non-empty row, so it is the table's header here; the household
    // pipeline promotes row 3 (see parse-households-file.test.ts).
    expect(t.headerLine).toBe(1);
    expect(t.rows.map((r) => r.line)).toEqual([3, 4, 5, 7, 8, 9, 10]);
    expect(t.rows[1]?.cells).toEqual(['XL-001', '测试家长甲', '13800000101', '108.1523', '29.9981', '2', '中益乡', '华溪村', '差',
      '-109', '0.6', '2025-03-01']);
    expect(t.rows[2]?.cells[11]).toBe('2025-03-02T08:30:00');
    expect(t.rows[2]?.cells[10]).toBe('');
    expect(t.rows[3]?.cells[4]).toBe('30°07\'13"N');
    expect(t.rows[5]?.cells[3]).toBe('１０８．３５６１');
  });
  it('reads a chosen sheet, by exact name or ignoring case and spaces', async () => {
    const t = await readXlsxTable(FIXTURE, '第二批');
    expect(t.headers).toEqual(['村', '户编号', '纬度', '经度', '信号强度', '上报日期']);
    expect(t.rows.map((r) => [r.line, r.cells[1]])).toEqual([[2, 'XL-101'], [3, 'XL-102']]);
    expect((await readXlsxTable(FIXTURE, ' 第二批 ')).sheet).toBe('第二批');
  });
  it('refuses an unknown sheet with the names there are', async () => {
    const err = await readXlsxTable(FIXTURE, 'Sheet9').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserInputError);
    expect((err as UserInputError).code).toBe('sheet_not_found');
    expect((err as UserInputError).message).toMatch(/"住户", "第二批"/);
  });
});

describe('readXlsxTable: cells as Excel stores them', () => {
  it('shared strings with rich text, phonetic guides and escapes; inline strings; booleans, errors, formulas, ISO dates', async () => {
    const bytes = buildXlsx({
      sharedStrings: { xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>经度</t></si>
<si><r><rPr><b/></rPr><t>户</t></r><r><t xml:space="preserve">编号</t></r><rPh sb="0" eb="1"><t>hù</t></rPh></si>
<si><t>line_x000D_
two _x005F_x0041_ &amp; &lt;ok&gt;</t></si>
<si><t/></si>
</sst>` },
      sheets: [{ name: 'S', sheetData:
        '<row r="1" spans="1:6"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>备注</t></is></c>'
        + '<c r="D1" t="inlineStr"><is><t>flag</t></is></c><c r="E1" t="inlineStr"><is><t>err</t></is></c><c r="F1" t="inlineStr"><is><t>when</t></is></c></row>'
        + '<row r="2"><c r="A2" t="str"><f>"H"&amp;1</f><v>H1</v></c><c r="B2"><f>100+8.12</f><v>108.12</v></c><c r="C2" t="s"><v>2</v></c>'
        + '<c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2" t="d"><v>2025-03-01T08:30:00</v></c></row>'
        + '<row r="3"><c r="A3"><f>1/0</f></c><c r="B3" t="s"><v>3</v></c><c r="D3" t="b"><v>0</v></c></row>' }],
    });
    const t = await readXlsxTable(bytes);
    expect(t.headers).toEqual(['户编号', '经度', '备注', 'flag', 'err', 'when']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['H1', '108.12', 'line\r\ntwo _x0041_ & <ok>', 'TRUE', '#N/A', '2025-03-01T08:30:00'] },
      { line: 3, cells: ['', '', '', 'FALSE', '', ''] },
    ]);
  });

  it('numbers at Excel\'s 15 digits, shortest; dates and times by built-in and custom formats; scientific is a number', async () => {
    const bytes = buildXlsx({
      styles: STYLES,
      sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>v</t></is></c></row>'
        + '<row r="2"><c r="A2"><v>108.15230000000001</v></c><c r="B2"><v>0.30000000000000004</v></c><c r="C2"><v>1E-7</v></c>'
        + '<c r="D2"><v>-0</v></c><c r="E2"><v>-115</v></c><c r="F2"><v>12345678901234567890</v></c></row>'
        + '<row r="3"><c r="A3" s="1"><v>45717</v></c><c r="B3" s="2"><v>45717.354166666664</v></c><c r="C3" s="3"><v>45717</v></c>'
        + '<c r="D3" s="4"><v>45717</v></c><c r="E3" s="5"><v>0.5</v></c><c r="F3" s="6"><v>45718.99999999</v></c></row>'
        + '<row r="4"><c r="A4" s="1"><v>60</v></c><c r="B4" s="1"><v>0.25</v></c><c r="C4" s="1"><v>1</v></c><c r="D4" s="99"><v>7</v></c></row>' }],
    });
    const t = await readXlsxTable(bytes);
    expect(t.rows[0]?.cells).toEqual(['108.1523', '0.3', '1e-7', '0', '-115', '12345678901234600000']);
    expect(t.rows[1]?.cells).toEqual(['2025-03-01', '2025-03-01T08:30:00', '2025-03-01', '45717', '12:00:00', '2025-03-03']);
    // Serial 60 is Excel's non-existent 1900-02-29 (then an invalid date); below 1 a date format keeps the number.
    expect(t.rows[2]?.cells).toEqual(['1900-02-29', '0.25', '1900-01-01', '7']);
  });

  it('reads 1904-based dates', async () => {
    const bytes = buildXlsx({ date1904: true, styles: STYLES,
      sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>d</t></is></c></row><row r="2"><c r="A2" s="1"><v>44255</v></c></row>' }] });
    expect((await readXlsxTable(bytes)).rows[0]?.cells).toEqual(['2025-03-01']);
  });

  it('places cells by reference, fills gaps, counts rows without r, skips empty rows and trims', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', sheetData:
      '<row r="2"><c r="B2" t="inlineStr"><is><t> a </t></is></c><c r="D2"><v>1</v></c></row>'
      + '<row><c t="inlineStr"><is><t>x</t></is></c><c><v>2</v></c></row>'
      + '<row r="5" spans="1:4"><c r="A5" s="0"/><c r="B5" t="inlineStr"><is><t>   </t></is></c></row>'
      + '<row r="6"><c r="C6"><v>3</v></c></row>' }] });
    const t = await readXlsxTable(bytes);
    expect(t.headerLine).toBe(2);
    expect(t.headers).toEqual(['', 'a', '', '1']);
    expect(t.rows).toEqual([{ line: 3, cells: ['x', '2', '', ''] }, { line: 6, cells: ['', '', '3', ''] }]);
  });

  it('reads prefixed element names, Strict OOXML relationships, part names in other cases, and a UTF-16 part', async () => {
    const strictMain = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
    const strictRel = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${strictMain}"><x:sheetData>`
      + '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>lon</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>108.1</x:v></x:c></x:row>'
      + '</x:sheetData></x:worksheet>';
    const utf16 = (s: string) => new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...s].map((c) => c.charCodeAt(0))).buffer)]);
    const files: Record<string, Uint8Array> = {
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${strictRel}/officeDocument" Target="/XL/Book.xml"/></Relationships>`),
      'xl/book.xml': utf16(`<?xml version="1.0" encoding="UTF-16"?><x:workbook xmlns:x="${strictMain}" xmlns:rel="${strictRel}"><x:sheets><x:sheet name="数据" sheetId="1" rel:id="a"/></x:sheets></x:workbook>`),
      'XL/_rels/Book.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${strictRel}/worksheet" Target="Sheets/One.xml"/></Relationships>`),
      'xl/sheets/one.xml': strToU8(sheet),
    };
    const t = await readXlsxTable(zipSync(files));
    expect(t.sheet).toBe('数据');
    expect(t.rows).toEqual([{ line: 2, cells: ['108.1'] }]);
  });

  it('defaults to the first visible worksheet and leaves chart sheets out', async () => {
    const bytes = buildXlsx({ sheets: [
      { name: 'hidden', hidden: true, sheetData: sheetDataOf([['a'], ['1']]) },
      { name: 'shown', sheetData: sheetDataOf([['b'], ['2']]) },
    ] });
    expect(await listWorkbookSheets(bytes)).toEqual(['hidden', 'shown']);
    expect((await readXlsxTable(bytes)).sheet).toBe('shown');
    expect((await readXlsxTable(bytes, 'hidden')).headers).toEqual(['a']);
  });
});

describe('readXlsxTable: refuses what it cannot read, with one UserInputError', () => {
  const oneSheet = (sheetData: string) => buildXlsx({ sheets: [{ name: 'S', sheetData }] });

  it.each([
    ['an .xls (OLE2) file', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'xls_not_supported'],
    ['text', strToU8('id,lon,lat\n1,108,30\n'), 'not_a_workbook'],
    ['a zip without a workbook', zipSync({ 'content.xml': strToU8('<office:document/>'), mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet') }), 'not_a_workbook'],
    ['a truncated zip', buildXlsx({ sheets: [{ name: 'S', sheetData: sheetDataOf([['a'], ['1']]) }] }).subarray(0, 300), 'not_a_workbook'],
    ['malformed sheet XML', oneSheet('<row r="1"><c r="A1"><v>1</v></row>'), 'not_a_workbook'],
    ['a stray ampersand', oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a & b</t></is></c></row>'), 'not_a_workbook'],
    ['a DOCTYPE', buildXlsx({ sheets: [{ name: 'S', xml: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>' }] }), 'not_a_workbook'],
    ['rows out of order', oneSheet('<row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>'), 'not_a_workbook'],
    ['cells out of order', oneSheet('<row r="1"><c r="C1"><v>1</v></c><c r="B1"><v>1</v></c></row>'), 'not_a_workbook'],
    ['a column past XFD', oneSheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'), 'not_a_workbook'],
    ['a missing shared string', oneSheet('<row r="1"><c r="A1" t="s"><v>4</v></c></row>'), 'not_a_workbook'],
    ['an empty sheet', oneSheet(''), 'empty_file'],
  ])('%s', async (_, bytes, code) => {
    expect(await codeOf(readXlsxTable(bytes))).toBe(code);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = new Uint8Array(WORKBOOK_LIMITS.maxFileBytes + 1);
    big.set([0x50, 0x4b, 3, 4]);
    expect(await codeOf(readXlsxTable(big))).toBe('workbook_too_large');
  });

  it('refuses more cells than the limit (rows × columns), without building them', async () => {
    const rows = Math.ceil(WORKBOOK_LIMITS.maxCells / 16_384) + 1;
    const data = Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join('');
    expect(await codeOf(readXlsxTable(oneSheet(data)))).toBe('workbook_too_large');
  });

  it('refuses a part whose declared size is huge, before inflating it (a forged zip directory)', async () => {
    const bytes = oneSheet(sheetDataOf([['a'], ['1']]));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Every central-directory entry (PK\x01\x02) claims 3 GB uncompressed (offset 24).
    for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 3_000_000_000, true);
    expect(await codeOf(readXlsxTable(bytes))).toBe('workbook_too_large');
  });

  it('refuses a zip bomb: a part expanding more than 1000 times past 10 MB', async () => {
    // 24 MB of spaces deflate to ~24 kB (deflate's ceiling is ~1032:1); the limit refuses it unread.
    const spaces = new Uint8Array(24 * 1024 * 1024).fill(0x20);
    const bomb = buildXlsx({ sheets: [{ name: 'S', sheetData: sheetDataOf([['a']]) }], parts: { 'xl/worksheets/sheet1.xml': spaces } });
    const err = await readXlsxTable(bomb).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserInputError);
    expect((err as UserInputError).code).toBe('workbook_too_large');
    expect((err as UserInputError).message).toMatch(/zip bomb/);
  });

  it('cuts a part that inflates past its declared size instead of growing (then it is malformed)', async () => {
    const bytes = oneSheet(sheetDataOf([['a'], ['1'], ['2']]));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = strToU8('xl/worksheets/sheet1.xml');
    for (let i = 0; i + 46 <= bytes.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const n = view.getUint16(i + 28, true);
      if (n === name.length && bytes.subarray(i + 46, i + 46 + n).every((b, k) => b === name[k])) view.setUint32(i + 24, 40, true);
    }
    expect(await codeOf(readXlsxTable(bytes))).toBe('not_a_workbook');
  });
});

describe('worksheet helper sanity', () => {
  it('writes parts the reader accepts', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml: worksheet(sheetDataOf([['a', 'b'], [1, 'x\u0001y']])) }] });
    expect((await readXlsxTable(bytes)).rows).toEqual([{ line: 2, cells: ['1', 'x\u0001y'] }]);
  });
});
