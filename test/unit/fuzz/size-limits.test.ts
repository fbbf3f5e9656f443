/**
 * Size limits of hostile files, each tested with a real generated file (issue 7): a text file
 * over 300 MB (`file_too_large`), real Excel zip bombs (`workbook_too_large`), tables that would
 * pad a small file into billions of cells (`too_many_cells`), GeoJSON, proposals and project files
 * nested 10,000 and 1,000,000 deep (a clear error, never a stack overflow), and the i18n words of
 * every new code. The zip bombs are built with Node's zlib at level 9 (fflate's JavaScript
 * deflate takes ~8 s for 300 MB) and stored in a real zip with fflate, sizes and CRC correct.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync, Zip, ZipPassThrough, type ZipInputFile } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  parseHouseholdsFile, parseProjectFile, parseProposalsGeoJson, parseSitesFile, UserInputError, WORKBOOK_LIMITS,
} from '../../../src/core/index.ts';
import { checkTableCells, checkTextSize, INPUT_LIMITS } from '../../../src/core/io/input-limits.ts';
import { en } from '../../../src/i18n/en.ts';
import { zhCN } from '../../../src/i18n/zh-CN.ts';
import { buildXlsx, sheetDataOf } from '../core/io/helpers/build-xlsx.ts';
import { nested, utf8 } from './generators.ts';

const MiB = 1024 * 1024;

async function thrown(run: () => unknown): Promise<UserInputError> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(UserInputError);
    return err as UserInputError;
  }
  throw new Error('expected a UserInputError');
}

/** A zip whose parts are deflated by zlib (at `level`, 9 by default), with true sizes and CRCs — what a bomb maker would build. */
function zipOf(parts: Record<string, Uint8Array>, level = 9): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => { if (err) throw err; chunks.push(chunk); });
  for (const [filename, data] of Object.entries(parts)) {
    const file: ZipInputFile = { filename, size: data.length, crc: crc32(data), compression: 8 };
    zip.add(file);
    file.ondata!(null, deflateRawSync(data, { level }), true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/** A workbook (as `buildXlsx` lays it out) whose first sheet is `sheetXml`. */
function workbookWithSheet(sheetXml: Uint8Array, level = 9): Uint8Array {
  const parts = unzipSync(buildXlsx({ sheets: [{ name: 'S', sheetData: sheetDataOf([['lon', 'lat']]) }] }));
  return zipOf({ ...parts, 'xl/worksheets/sheet1.xml': sheetXml }, level);
}

/** Worksheet XML of `size` bytes: a header row, then padding built by `fill` inside <sheetData>. */
function sheetXmlOf(size: number, fill: (body: Uint8Array) => void): Uint8Array {
  const head = utf8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    + '<row r="1"><c r="A1" t="inlineStr"><is><t>lon</t></is></c><c r="B1" t="inlineStr"><is><t>lat</t></is></c></row>');
  const tail = utf8('</sheetData></worksheet>');
  const xml = new Uint8Array(size);
  xml.set(head);
  fill(xml.subarray(head.length, size - tail.length));
  xml.set(tail, size - tail.length);
  return xml;
}

describe('a text file over 300 MB', () => {
  it('is refused before decoding with file_too_large {sizeMB, limitMB}, for households and sites', { timeout: 60_000 }, async () => {
    const bytes = new Uint8Array(INPUT_LIMITS.maxTextBytes + 1).fill(0x31); // 300 MiB + 1 byte of "1"
    const start = performance.now();
    const err = await thrown(() => parseHouseholdsFile({ name: 'big.csv', bytes }));
    expect(err.code).toBe('file_too_large');
    expect(err.params).toEqual({ sizeMB: 301, limitMB: 300 });
    expect(err.message).toMatch(/big\.csv is 301 MB; at most 300 MB/);
    expect((await thrown(() => parseSitesFile({ name: 'cells.csv', bytes }))).code).toBe('file_too_large');
    expect((await thrown(() => parseHouseholdsFile({ name: 'big.geojson', bytes }))).code).toBe('file_too_large');
    expect(performance.now() - start).toBeLessThan(2_000); // nothing is decoded
  });

  it('accepts exactly the limit (the check is ">"), and proposals and project texts have the same limit', async () => {
    expect(() => checkTextSize(INPUT_LIMITS.maxTextBytes)).not.toThrow();
    const text = ' '.repeat(INPUT_LIMITS.maxTextBytes + 1);
    expect((await thrown(() => parseProposalsGeoJson(text))).code).toBe('file_too_large');
    expect((await thrown(() => parseProjectFile(text))).code).toBe('file_too_large');
  });

  it('a workbook keeps its own, smaller limit (50 MB → workbook_too_large)', async () => {
    const bytes = new Uint8Array(WORKBOOK_LIMITS.maxFileBytes + 1);
    bytes.set([0x50, 0x4b, 3, 4]);
    expect((await thrown(() => parseHouseholdsFile({ name: 'big.xlsx', bytes }))).code).toBe('workbook_too_large');
  });
});

describe('Excel zip bombs', () => {
  it('a 300 KB workbook whose sheet XML inflates to 300 MB is refused unread (ratio > 1000)', { timeout: 60_000 }, async () => {
    const bomb = workbookWithSheet(sheetXmlOf(300 * MiB, (body) => body.fill(0x20)));
    expect(bomb.length).toBeLessThan(400 * 1024);
    const ratio = (300 * MiB) / bomb.length; // ~1030: deflate's ceiling
    const start = performance.now();
    const err = await thrown(() => parseHouseholdsFile({ name: 'bomb.xlsx', bytes: bomb }));
    expect(err.code).toBe('workbook_too_large');
    // Past 1000:1 the ratio guard names it; a zlib compressing a little less well would leave it to the 200 MB budget.
    expect(err.message).toMatch(ratio > WORKBOOK_LIMITS.maxRatio ? /zip bomb/ : /expands to more than 200 MB/);
    expect(performance.now() - start).toBeLessThan(1_000); // refused from the zip directory, nothing inflated
  });

  it('a few-MB workbook whose sheet inflates to 210 MB at a ratio under 1000 is refused by the 200 MB budget', { timeout: 60_000 }, async () => {
    // One letter every 256 spaces keeps deflate (level 1, fast) well under the ratio guard.
    const xml = sheetXmlOf(210 * MiB, (body) => {
      body.fill(0x20);
      for (let i = 0; i < body.length; i += 256) body[i] = 0x61 + ((i * 7919) % 26);
    });
    const bomb = workbookWithSheet(xml, 1);
    expect(bomb.length).toBeLessThan(WORKBOOK_LIMITS.maxFileBytes);
    expect(xml.length / bomb.length).toBeLessThan(WORKBOOK_LIMITS.maxRatio);
    const start = performance.now();
    const err = await thrown(() => parseSitesFile({ name: 'bomb.xlsx', bytes: bomb }));
    expect(err.code).toBe('workbook_too_large');
    expect(err.message).toMatch(/expands to more than 200 MB/);
    expect(performance.now() - start).toBeLessThan(1_000);
  });

  it('a zip listing more than 50,000 parts is refused', { timeout: 60_000 }, async () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => { if (err) throw err; chunks.push(chunk); });
    for (let i = 0; i <= WORKBOOK_LIMITS.maxEntries; i++) {
      const f = new ZipPassThrough(`p${i}`);
      zip.add(f);
      f.push(new Uint8Array(0), true);
    }
    zip.end();
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) { bytes.set(c, at); at += c.length; }
    const err = await thrown(() => parseHouseholdsFile({ name: 'parts.xlsx', bytes }));
    expect(err.code).toBe('workbook_too_large');
    expect(err.message).toMatch(/more than 50000 parts/);
  });
});

describe('tables a small file would pad into billions of cells', () => {
  it('CSV: a 20,000-column header over 20,000 two-cell rows (340 kB) → too_many_cells, at once', async () => {
    const header = ['lon', 'lat', ...Array.from({ length: 20_000 }, (_, i) => `c${i}`)].join(',');
    const bytes = utf8(`${header}\n${'108.1,30.1\n'.repeat(20_000)}`);
    const start = performance.now();
    const err = await thrown(() => parseHouseholdsFile({ name: 'wide.csv', bytes }));
    expect(err.code).toBe('too_many_cells');
    expect(err.params).toEqual({ cells: 20_000 * 20_002, limitCells: INPUT_LIMITS.maxTableCells });
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it('CSV: a wide row found as the header below a title line → too_many_cells (the promoted header pads too)', async () => {
    const header = ['lon', 'lat', ...Array.from({ length: 30_000 }, (_, i) => `c${i}`)].join(',');
    const bytes = utf8(`站点清单\n${header}\n${'108.1,30.1\n'.repeat(2_000)}`);
    const err = await thrown(() => parseSitesFile({ name: 'sites.csv', bytes }));
    expect(err.code).toBe('too_many_cells');
  });

  it('.xlsx: a header reaching column XFD over 5,000 one-cell rows (82,000,000 cells padded) → workbook_too_large', async () => {
    const head = '<row r="1"><c r="A1" t="inlineStr"><is><t>lon</t></is></c><c r="B1" t="inlineStr"><is><t>lat</t></is></c><c r="XFD1"><v>1</v></c></row>';
    const rows = Array.from({ length: 5_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>108.1</v></c></row>`).join('');
    const bytes = buildXlsx({ sheets: [{ name: 'S', sheetData: head + rows }] });
    const err = await thrown(() => parseHouseholdsFile({ name: 'wide.xlsx', bytes }));
    expect(err.code).toBe('workbook_too_large');
    expect(err.message).toMatch(/as wide as its header \(16384 columns\)/);
  });

  it('GeoJSON: 10,000 features, each with its own property name (0.6 MB) → too_many_cells', async () => {
    const features = Array.from({ length: 10_000 }, (_, i) =>
      `{"type":"Feature","geometry":{"type":"Point","coordinates":[108.1,30.1]},"properties":{"k${i}":1}}`);
    const bytes = utf8(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
    expect((await thrown(() => parseHouseholdsFile({ name: 'keys.geojson', bytes }))).code).toBe('too_many_cells');
  });

  it('the check itself: rows × columns over the limit', () => {
    expect(() => checkTableCells(INPUT_LIMITS.maxTableCells)).not.toThrow();
    expect(() => checkTableCells(INPUT_LIMITS.maxTableCells + 1)).toThrow(UserInputError);
  });
});

describe('JSON nested 10,000 and 1,000,000 deep', () => {
  const point = '{"type":"Point","coordinates":[108.1,30.1]}';
  const geojson = (inner: string) => utf8(`{"type":"FeatureCollection","features":[${inner}]}`);
  const deepText = (depth: number, leaf = '1') => '['.repeat(depth) + leaf + ']'.repeat(depth);

  it('GeoJSON: a property value 10,000 deep → json_too_deep naming the feature (was a RangeError: stack overflow)', async () => {
    for (const depth of [10_000, 1_000_000]) {
      const bytes = geojson(`{"type":"Feature","geometry":${point},"properties":{"lon":108.1,"lat":30.1}},`
        + `{"type":"Feature","geometry":${point},"properties":{"note":${deepText(depth)}}}`);
      const err = await thrown(() => parseHouseholdsFile({ name: 'deep.geojson', bytes }));
      expect(err.code).toBe('json_too_deep');
      expect(err.params).toEqual({ feature: 2, maxDepth: INPUT_LIMITS.maxJsonDepth });
      expect(err.message).toMatch(/^feature 2: property "note" is nested more than 64 levels deep/);
    }
  });

  it('GeoJSON: a property nested up to the limit is still read (as JSON text)', async () => {
    const value = JSON.stringify(nested(INPUT_LIMITS.maxJsonDepth));
    const r = await parseHouseholdsFile({ name: 'ok.geojson', bytes: geojson(`{"type":"Feature","geometry":${point},"properties":{"note":${value}}}`) });
    expect(r.households).toHaveLength(1);
    expect(r.columns.find((c) => c.header === 'note')?.samples[0]).toBe(value.slice(0, 40) + '…');
  });

  it('GeoJSON: features, a feature or a geometry nested 10,000 deep → row issues and a clear error, no stack overflow', async () => {
    const deep = deepText(10_000);
    expect((await thrown(() => parseHouseholdsFile({ name: 'd.geojson', bytes: utf8(`{"type":"FeatureCollection","features":${deep}}`) })))
      .code).toBe('no_coordinate_columns');
    const r = await parseHouseholdsFile({ name: 'd.geojson', bytes: geojson(`${deep},{"type":"Feature","geometry":{"type":"Point","coordinates":${deep}}},`
      + `{"type":"Feature","geometry":${point},"properties":{"lon":108.1,"lat":30.1}}`) });
    expect(r.households).toHaveLength(1);
    expect(r.issues.map((i) => [i.line, i.code])).toEqual([[1, 'not_a_point'], [2, 'not_a_point']]);
  });

  it('proposals and project files: a field nested 1,000,000 deep is a field of the wrong type', async () => {
    for (const depth of [10_000, 1_000_000]) {
      const proposals = `{"type":"FeatureCollection","features":[{"type":"Feature","id":"s1","geometry":${point},"properties":{"notes":${deepText(depth, '"x"')}}}]}`;
      const p = await thrown(() => parseProposalsGeoJson(proposals));
      expect([p.code, p.message]).toEqual(['invalid_sites_file', 'Not a usable site-proposals file: feature 1: notes is not text.']);
      const project = `{"schema":"blindspot.project/1","savedAt":"2026-03-13T08:00:00Z","households":${deepText(depth)}}`;
      const q = await thrown(() => parseProjectFile(project));
      expect([q.code, q.params]).toEqual(['invalid_project', { path: 'households' }]);
      const whole = await thrown(() => parseProposalsGeoJson(deepText(depth)));
      expect(whole.code).toBe('invalid_sites_file');
    }
  });
});

describe('the words of the new codes', () => {
  it('exist in both languages and state the limits the code applies', () => {
    for (const code of ['file_too_large', 'too_many_cells', 'json_too_deep', 'cells_too_dense'] as const) {
      expect(zhCN[`error.${code}`]).toBeTruthy();
      expect(en[`error.${code}`]).toBeTruthy();
    }
    const mb = String(INPUT_LIMITS.maxTextBytes / MiB);
    expect(en['error.file_too_large']).toContain(`${mb} MB`);
    expect(zhCN['error.file_too_large']).toContain(`${mb} MB`);
    expect(en['error.json_too_deep']).toContain(`${INPUT_LIMITS.maxJsonDepth} levels`);
    expect(zhCN['error.json_too_deep']).toContain(`${INPUT_LIMITS.maxJsonDepth} 层`);
  });
});
