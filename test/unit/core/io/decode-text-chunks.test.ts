/**
 * `decodeTextChunks` gives the text and encoding of `decodeText`, whatever the chunk size: a
 * character split between two byte chunks — UTF-8 of 2 to 4 bytes, GB18030 of 2 and 4 bytes,
 * UTF-16 — comes whole. Detection as `decodeText`: BOMs, UTF-8 vs GB18030 (a file that proves not
 * to be UTF-8 only late is decoded again from its first byte), the user's choice. `readCsvBytes`
 * (the CSV path of `readInputTable`) reads the same table as `readCsvTable` on the whole text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, readCsvTable, readInputTable, UserInputError } from '../../../../src/core/index.ts';
import { decodeTextChunks, type TextChunk } from '../../../../src/core/io/decode-text-chunks.ts';
import { readCsvBytes } from '../../../../src/core/io/read-csv-bytes.ts';
import type { TextEncoding } from '../../../../src/core/model/import-options.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The text of the last run (a `first` chunk starts one) and its encoding; checks the chunks' byte counts. */
function decodeInChunks(bytes: Uint8Array, override: TextEncoding | undefined, chunkBytes: number) {
  const chunks: TextChunk[] = [...decodeTextChunks(bytes, override, chunkBytes)];
  expect(chunks[0]?.first).toBe(true);
  let run: TextChunk[] = [];
  let runs = 0;
  for (const chunk of chunks) {
    if (chunk.first) { run = []; runs++; }
    if (run.length > 0) expect(chunk.bytesDone).toBeGreaterThan(run[run.length - 1]!.bytesDone);
    run.push(chunk);
  }
  expect(run[run.length - 1]!.bytesDone).toBe(bytes.length);
  expect(new Set(run.map((c) => c.encoding)).size).toBe(1);
  return { text: run.map((c) => c.text).join(''), encoding: run[0]!.encoding, runs };
}

/** Byte sequences of one character or ASCII each: GBK (2 bytes), GB18030 (4 bytes), UTF-8 (2–4 bytes), BOMs. */
const GB18030_TOKENS = [
  [0x61], [0x2c], [0x22], [0x0d], [0x0a], [0x20], [0x31], [0x7b],
  [0xbe, 0xad], [0xb6, 0xc8], [0xb2, 0xee], [0xba, 0xc3], [0xa1, 0xa1], // 经 度 差 好, U+3000
  [0x81, 0x30, 0x81, 0x30], [0x95, 0x32, 0x82, 0x36], [0x84, 0x31, 0xa4, 0x39], // U+0080, U+20000, U+FFFF
];
const UTF8_TOKENS = [
  [0x61], [0x2c], [0x22], [0x0d], [0x0a], [0x20],
  [...utf8('é')], [...utf8('村')], [...utf8('𠀀')], [...utf8('\u3000')], [0xef, 0xbb, 0xbf],
];
const bytesOf = (tokens: number[][]) =>
  fc.array(fc.constantFrom(...tokens), { maxLength: 40 }).map((ts) => new Uint8Array(ts.flat()));

describe('decodeTextChunks equals decodeText', () => {
  const files = [
    ...readdirSync('test/fixtures').filter((f) => f.endsWith('.csv')).map((f) => `test/fixtures/${f}`),
    'public/demo/households.csv',
  ];
  it.each(files)('on %s at every chunk size from 1 to 9 bytes (the demo file: 13, 4,096), and 1 MiB', (file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const expected = decodeText(bytes);
    for (const size of file.includes('demo') ? [13, 4096, 1 << 20] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 1 << 20]) {
      const got = decodeInChunks(bytes, undefined, size);
      expect({ text: got.text, encoding: got.encoding }).toEqual(expected);
    }
  });

  it('on random GB18030 bytes (characters of 1, 2 and 4 bytes split at every position), detected and chosen', () => {
    fc.assert(fc.property(bytesOf(GB18030_TOKENS), (bytes) => {
      for (const override of [undefined, 'gb18030', 'utf-8'] as const) {
        const expected = decodeText(bytes, override);
        for (const size of [1, 2, 3, 5]) {
          const got = decodeInChunks(bytes, override, size);
          expect({ text: got.text, encoding: got.encoding }).toEqual(expected);
        }
      }
    }), { numRuns: 800 });
  });

  it('on random UTF-8 bytes (characters of 1 to 4 bytes split at every position, BOMs), and with a UTF-8 BOM in front', () => {
    fc.assert(fc.property(bytesOf(UTF8_TOKENS), fc.boolean(), (body, bom) => {
      const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
      for (const override of [undefined, 'gb18030', 'utf-8'] as const) {
        const expected = decodeText(bytes, override);
        for (const size of [1, 2, 3, 4]) {
          const got = decodeInChunks(bytes, override, size);
          expect({ text: got.text, encoding: got.encoding }).toEqual(expected);
        }
      }
    }), { numRuns: 800 });
  });

  it('on UTF-16 with its byte-order mark, split inside characters and surrogate pairs', () => {
    const text = 'id,村\r\n1,"𠀀"\n';
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].flatMap((c) => {
      const cp = c.codePointAt(0)!;
      return cp > 0xffff ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)] : [cp];
    })).buffer)]);
    const be = new Uint8Array(le.length);
    be[0] = 0xfe; be[1] = 0xff;
    for (let i = 2; i < le.length; i += 2) { be[i] = le[i + 1]!; be[i + 1] = le[i]!; }
    for (const bytes of [le, be]) {
      const expected = decodeText(bytes);
      expect(expected.text).toBe(text);
      for (const size of [1, 2, 3, 5]) expect(decodeInChunks(bytes, undefined, size)).toMatchObject(expected);
    }
  });

  it('decodes again as GB18030 from the first byte when the bytes prove not UTF-8 only late, and for bad bytes at the very end', () => {
    const late = new Uint8Array([...utf8('id,lon,lat\n'.repeat(50)), 0xb2, 0xee, 0x0a]);
    const got = decodeInChunks(late, undefined, 16);
    expect(got.runs).toBe(2);
    expect(got).toMatchObject(decodeText(late));
    expect(got.encoding).toBe('gb18030');
    const truncated = new Uint8Array([...utf8('a,b\n'), 0xe6, 0x9d]); // a UTF-8 character cut short at the end
    expect(decodeInChunks(truncated, undefined, 2)).toMatchObject(decodeText(truncated));
  });

  it('gives one empty first chunk for no bytes, and refuses a chunk size below 1', () => {
    expect([...decodeTextChunks(new Uint8Array())]).toEqual([{ text: '', bytesDone: 0, encoding: 'utf-8', first: true }]);
    expect(() => [...decodeTextChunks(utf8('a'), undefined, 0)]).toThrow(RangeError);
  });
});

describe('readCsvBytes (the CSV path of readInputTable) equals readCsvTable on the decoded text', () => {
  type Outcome = { table: unknown; encoding?: string } | { code: string; message: string };
  const outcome = (read: () => Outcome): Outcome => {
    try {
      return read();
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      return { code: err.code, message: err.message };
    }
  };
  const viaText = (bytes: Uint8Array, override?: TextEncoding): Outcome => outcome(() => {
    const { text, encoding } = decodeText(bytes, override);
    return { table: readCsvTable(text), encoding };
  });
  const viaBytes = (bytes: Uint8Array, override: TextEncoding | undefined, chunkBytes: number): Outcome => outcome(() => {
    const read = readCsvBytes(bytes, { encoding: override, chunkBytes });
    if (read.kind !== 'csv') throw new Error(`read as ${read.kind}`);
    return { table: read.table, encoding: read.encoding };
  });

  it('on random GB18030 and UTF-8 bytes of CSV characters, in chunks of 1 to 4 bytes', () => {
    fc.assert(fc.property(fc.oneof(bytesOf(GB18030_TOKENS), bytesOf(UTF8_TOKENS)), (bytes) => {
      const text = decodeText(bytes).text;
      if (text.trim() === '' || /^\s*\{/.test(text)) return; // blank, or GeoJSON: below
      for (const override of [undefined, 'gb18030'] as const) {
        const expected = viaText(bytes, override);
        for (const size of [1, 2, 3, 4]) expect(viaBytes(bytes, override, size)).toEqual(expected);
      }
    }), { numRuns: 800 });
  });

  it('on the fixtures, GBK included, in chunks of 1, 5 and 1 MiB', () => {
    for (const file of readdirSync('test/fixtures').filter((f) => f.endsWith('.csv'))) {
      const bytes = new Uint8Array(readFileSync(`test/fixtures/${file}`));
      const expected = viaText(bytes);
      for (const size of [1, 5, 1 << 20]) expect(viaBytes(bytes, undefined, size), `${file} in chunks of ${size}`).toEqual(expected);
    }
  });

  it('says blank for whitespace only, GeoJSON for text that starts with {', () => {
    expect(readCsvBytes(utf8('\uFEFF \r\n\t\u3000'), { chunkBytes: 2 })).toEqual({ kind: 'blank' });
    expect(readCsvBytes(utf8('\uFEFF \n {"type":"FeatureCollection"'), { chunkBytes: 3 })).toEqual({ kind: 'geojson' });
  });

  it('reports bytes read, never decreasing, ending at the file size — also when GB18030 is found late', () => {
    const gbkLate = new Uint8Array([...utf8('id,lon,lat,signal\n'), ...Array.from({ length: 200 }, () => [...utf8('A,108.1,29.9,'), 0xb2, 0xee, 0x0a]).flat()]);
    const utf8Late = new Uint8Array([...utf8('id,lon,lat,signal\n' + 'A,108.1,29.9,x\n'.repeat(100)), 0xb2, 0xee, 0x0a]);
    for (const bytes of [gbkLate, utf8Late, utf8('id,lon\nA,1\n'.repeat(300))]) {
      const seen: [number, number][] = [];
      readCsvBytes(bytes, { chunkBytes: 64, onProgress: (done, total) => seen.push([done, total]) });
      expect(seen.length).toBeGreaterThan(5);
      for (let k = 1; k < seen.length; k++) expect(seen[k]![0]).toBeGreaterThan(seen[k - 1]![0]);
      expect(seen.every(([, total]) => total === bytes.length)).toBe(true);
      expect(seen[seen.length - 1]![0]).toBe(bytes.length);
    }
  });
});

describe('readInputTable reads CSV in chunks as before', () => {
  it('the same table, encoding and errors as the whole text; GeoJSON by content; an empty file by name', async () => {
    const gbk = new Uint8Array(readFileSync('test/fixtures/households-gbk.csv'));
    const small = await readInputTable({ name: 'a.csv', bytes: gbk }, { chunkBytes: 3 });
    expect(small).toEqual(await readInputTable({ name: 'a.csv', bytes: gbk }, { chunkBytes: 1 << 20 }));
    expect(small.encoding).toBe('gb18030');
    const geojson = utf8(' {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[108.1,29.9]},"properties":{"id":"A"}}]}');
    expect((await readInputTable({ name: 'points.txt', bytes: geojson }, { chunkBytes: 4 })).format).toBe('geojson');
    await expect(readInputTable({ name: 'blank.csv', bytes: utf8(' \n\n') })).rejects.toMatchObject({ code: 'empty_file', message: 'blank.csv is empty' });
    await expect(readInputTable({ name: 'q.csv', bytes: utf8('id,x\n1,"open\n') }, { chunkBytes: 2 })).rejects.toMatchObject({ code: 'unterminated_quote' });
  });
});
