/**
 * `CsvChunkReader` fed a text in pieces gives exactly what `readCsvTable` (and the pre-issue-9
 * reader, `referenceReadCsvTable`) gives for the whole text — table (headers, rows, lines, cells, delimiter, header line) or error (code and message) —
 * wherever the pieces are cut: inside quotes, between a CR and its LF, between a quote and the
 * quote that doubles it, inside leading spaces, inside the header line, at a BOM. On every CSV
 * fixture (cut at every position, and in pieces of 1, 2, 3, 5 and 64 characters), the demo file,
 * and random texts of CSV characters (cut at every position, and at random cuts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, readCsvTable, UserInputError } from '../../../../src/core/index.ts';
import { CsvChunkReader } from '../../../../src/core/io/csv-chunk-reader.ts';
import { referenceReadCsvTable } from '../../../bench/reference-read-csv-table.ts';

type Outcome = { table: unknown } | { code: string; message: string };

function outcome(read: () => unknown): Outcome {
  try {
    return { table: read() };
  } catch (err) {
    if (!(err instanceof UserInputError)) throw err;
    return { code: err.code, message: err.message };
  }
}

/** The whole text's table, by the pre-issue-9 reader (an oracle apart from the code under test), which `readCsvTable` equals. */
function whole(text: string): Outcome {
  const expected = outcome(() => referenceReadCsvTable(text));
  expect(outcome(() => readCsvTable(text))).toEqual(expected);
  return expected;
}

function inPieces(pieces: readonly string[]): Outcome {
  return outcome(() => {
    const reader = new CsvChunkReader();
    for (const piece of pieces) reader.push(piece);
    return reader.finish();
  });
}

/** The text cut at the given positions (ascending, repeats make empty pieces). */
const cutAt = (text: string, cuts: readonly number[]): string[] => {
  const pieces: string[] = [];
  let from = 0;
  for (const at of cuts) {
    pieces.push(text.slice(from, at));
    from = at;
  }
  pieces.push(text.slice(from));
  return pieces;
};

const piecesOf = (text: string, size: number): string[] => {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces;
};

const FIXTURES = readdirSync('test/fixtures').filter((f) => f.endsWith('.csv'));

describe('CsvChunkReader equals readCsvTable', () => {
  it.each(FIXTURES)('on %s cut at every position, and in small pieces', (file) => {
    const text = decodeText(new Uint8Array(readFileSync(`test/fixtures/${file}`))).text;
    const expected = whole(text);
    expect(expected).toHaveProperty('table');
    for (let at = 0; at <= text.length; at++) expect(inPieces(cutAt(text, [at])), `cut at ${at}`).toEqual(expected);
    for (const size of [1, 2, 3, 5, 64]) expect(inPieces(piecesOf(text, size)), `pieces of ${size}`).toEqual(expected);
  });

  it('on the demo file in pieces of 1, 7 and 4,096 characters, with empty pieces between', () => {
    const text = readFileSync('public/demo/households.csv', 'utf8');
    const expected = whole(text);
    for (const size of [1, 7, 4096]) expect(inPieces(piecesOf(text, size))).toEqual(expected);
    expect(inPieces(piecesOf(text, 4096).flatMap((p) => ['', p]))).toEqual(expected);
  });

  it('on the cases that straddle a cut: CRLF, doubled quotes, a quote after spaces, a BOM, the header line', () => {
    const texts = [
      'id,note\r\n1,"a\r\nb"\r\n2,"x""y"\r\n3,  "q, r" z\r\n',
      '\uFEFFid;lon\r4;"5\r\r6"\r\r7;8',
      'a\tb\n \t"c"\t d\n',
      '\n\n  \n"h1,h2",h3\n1,2\n',
      '"a""",b\n"""",""\n',
      'id,x\n1,"never closed\n2,3\n',
      'id\n"open at the end\r',
      ' \r\n\t\r\n',
      '',
      '\uFEFF',
      'x,y,\n,,\n1,2,3,4\n',
    ];
    for (const text of texts) {
      const expected = whole(text);
      for (let a = 0; a <= text.length; a++) {
        for (let b = a; b <= text.length; b++) expect(inPieces(cutAt(text, [a, b])), `${JSON.stringify(text)} cut at ${a}, ${b}`).toEqual(expected);
      }
    }
  });

  const CHARS = [...'ab1.,,,;;\t\t"" \r\n\n\n村\uFEFF'];
  const csvText = fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((cs) => cs.join(''));
  const rowsText = fc.array(
    fc.array(fc.oneof(fc.constantFrom('', ' ', 'x', ' "q, r" ', '"a""b"', '"two\nlines"', '"cr\r\nlf"', '108.1', '龙池村', 'a long cell of 20 ch'),
      fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 5 }),
    { minLength: 1, maxLength: 6 },
  ).chain((rows) => fc.constantFrom(',', ';', '\t').chain((d) => fc.constantFrom('\n', '\r\n', '\r').map((eol) =>
    rows.map((cells) => cells.join(d)).join(eol))));

  it('on random texts of CSV characters cut at every position', () => {
    fc.assert(fc.property(csvText, (text) => {
      const expected = whole(text);
      for (let at = 0; at <= text.length; at++) expect(inPieces(cutAt(text, [at]))).toEqual(expected);
    }), { numRuns: 2_000 });
  });

  it('on random tables of quoted and plain cells, cut at every position and at random cuts', () => {
    fc.assert(fc.property(rowsText, fc.array(fc.nat(), { maxLength: 12 }), (text, rawCuts) => {
      const expected = whole(text);
      for (let at = 0; at <= text.length; at++) expect(inPieces(cutAt(text, [at]))).toEqual(expected);
      const cuts = rawCuts.map((c) => c % (text.length + 1)).sort((a, b) => a - b);
      expect(inPieces(cutAt(text, cuts))).toEqual(expected);
    }), { numRuns: 500 });
  });

  it('refuses a piece after finish', () => {
    const reader = new CsvChunkReader();
    reader.push('a\n1');
    reader.finish();
    expect(() => reader.push('2')).toThrow();
  });
});
