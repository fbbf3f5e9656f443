/**
 * `readCsvTable` reads by character code into rows built once (issue 9); the reader it replaced is
 * kept as `referenceReadCsvTable` (test/bench). Both must give the same table — headers, rows,
 * lines, cells, delimiter, header line — or throw the same error, on any text: random CSV-ish
 * texts from the characters that matter (delimiters, quotes, CR/LF, spaces, tabs, a BOM, CJK).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvTable, UserInputError } from '../../../../src/core/index.ts';
import { referenceReadCsvTable } from '../../../bench/reference-read-csv-table.ts';

type Outcome = { table: unknown } | { code: string; message: string };

function outcome(read: (text: string) => unknown, text: string): Outcome {
  try {
    return { table: read(text) };
  } catch (err) {
    if (!(err instanceof UserInputError)) throw err;
    return { code: err.code, message: err.message };
  }
}

const CHARS = [...'ab1.,,,;;\t\t"" \r\n\n\n村\uFEFF'];
const csvText = fc.array(fc.constantFrom(...CHARS), { maxLength: 80 }).map((cs) => cs.join(''));
const rowsText = fc.array(
  fc.array(fc.oneof(fc.constantFrom('', ' ', 'x', ' "q, r" ', '"a""b"', '"two\nlines"', '108.1', '龙池村'), fc.string({ maxLength: 4 })),
    { minLength: 1, maxLength: 5 }),
  { minLength: 1, maxLength: 8 },
).chain((rows) => fc.constantFrom(',', ';', '\t').chain((d) => fc.constantFrom('\n', '\r\n', '\r').map((eol) =>
  rows.map((cells) => cells.join(d)).join(eol))));

describe('readCsvTable equals the reference reader', () => {
  it('on random texts of CSV characters', () => {
    fc.assert(fc.property(csvText, (text) => {
      expect(outcome(readCsvTable, text)).toEqual(outcome(referenceReadCsvTable, text));
    }), { numRuns: 20_000 });
  });
  it('on random tables of quoted and plain cells', () => {
    fc.assert(fc.property(rowsText, (text) => {
      expect(outcome(readCsvTable, text)).toEqual(outcome(referenceReadCsvTable, text));
    }), { numRuns: 5_000 });
  });
  it('on the demo file', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile('public/demo/households.csv', 'utf8');
    expect(readCsvTable(text)).toEqual(referenceReadCsvTable(text));
  });
});
