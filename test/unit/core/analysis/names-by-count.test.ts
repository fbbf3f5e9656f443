import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namesByCount, namesByCountOfCodes } from '../../../../src/core/analysis/names-by-count.ts';

describe('namesByCount', () => {
  it('counts trimmed names, most first, ties in code-unit order; skips blank and missing ones', () => {
    expect(namesByCount(['b', ' a', 'a ', undefined, '  ', 'b', 'B', 'c', ''])).toEqual(['a', 'b', 'B', 'c']);
  });

  it('namesByCountOfCodes gives namesByCount of the same rows, whatever the table of names', () => {
    const name = fc.constantFrom('村', ' 村', '村 ', 'A', 'a', 'B', '', '  ', 'Z村', 'ä');
    fc.assert(fc.property(fc.uniqueArray(name, { minLength: 1 }), fc.array(fc.integer({ min: -1, max: 20 })), fc.array(fc.nat(40)),
      (names, rawCodes, rows) => {
        const codes = Int32Array.from(rawCodes, (c) => (c < 0 ? -1 : c % names.length));
        const picked = rows.filter((r) => r < codes.length);
        const count = namesByCountOfCodes(names);
        const expected = namesByCount(picked.map((r) => (codes[r]! < 0 ? undefined : names[codes[r]!])));
        expect(count(codes, picked)).toEqual(expected);
        expect(count(codes, picked)).toEqual(expected); // the counts are reset between calls
      }), { numRuns: 300 });
  });
});
