/**
 * `parseNumber` and `parseSignalCategory` read plain cells without a regular expression (issue 9):
 * on any text they must give what the general path gives. The general path is re-stated here as
 * it was before (fold widths, trim, the ideographic full stop, the pattern; fold, drop spaces,
 * lower-case, look up) and compared on random cells built from the characters that matter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber, parseSignalCategory } from '../../../../src/core/index.ts';
import { normalizeWidth } from '../../../../src/core/io/normalize-width.ts';
import { SIGNAL_CATEGORY_VALUES } from '../../../../src/core/io/parse-signal-category.ts';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function referenceParseNumber(cell: string): number | null {
  const text = normalizeWidth(cell).trim().replace(/(\d)\u3002(\d)/u, '$1.$2');
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function referenceParseSignalCategory(cell: string): string | null {
  const key = normalizeWidth(cell).replace(/\s+/g, '').toLowerCase();
  return Object.hasOwn(SIGNAL_CATEGORY_VALUES, key) ? (SIGNAL_CATEGORY_VALUES[key] ?? null) : null;
}

const NUMBER_CHARS = [...'0123456789.+-eE xX\t\u3002\uFF10\uFF11\uFF0E\uFF0D\u2212\u3000a'];
const numberCell = fc.array(fc.constantFrom(...NUMBER_CHARS), { maxLength: 14 }).map((cs) => cs.join(''));
const SIGNAL_CHARS = [...'noegdpfairNOGD0123 无信号差弱一般中好强\uFF13\u3000'];
const signalCell = fc.oneof(
  fc.constantFrom(...Object.keys(SIGNAL_CATEGORY_VALUES)),
  fc.array(fc.constantFrom(...SIGNAL_CHARS), { maxLength: 6 }).map((cs) => cs.join('')),
);

describe('parseNumber: the plain-decimal fast path', () => {
  it('gives what the general path gives, on random cells', () => {
    fc.assert(fc.property(fc.oneof(numberCell, fc.string({ maxLength: 12 })), (cell) => {
      expect(parseNumber(cell)).toBe(referenceParseNumber(cell));
    }), { numRuns: 20_000 });
  });
  it('reads plain decimals of up to 20 digits exactly as Number() does (the division path and its limits)', () => {
    const decimal = fc.tuple(fc.constantFrom('', '-', '+'), fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 20 }),
      fc.nat(21)).map(([sign, ds, at]) => {
      const digits = ds.join('');
      const dot = Math.min(at, digits.length);
      return `${sign}${digits.slice(0, dot)}.${digits.slice(dot)}`;
    });
    fc.assert(fc.property(fc.oneof(decimal, fc.double({ noNaN: true, noDefaultInfinity: true }).map(String)), (cell) => {
      expect(parseNumber(cell)).toBe(referenceParseNumber(cell));
    }), { numRuns: 50_000 });
  });
  it.each(['108.123456', '999999999999999', '9007199254740993', '0.1', '-0.0', '123456789012345.6', '-115', '+3', '.5', '7.', '1e3', '-1.5E-2', '1e999', '0', '00.0', '+.0e+0', 'e3', '1e', '.', '+', '-e1'])(
    '%j', (cell) => {
      expect(parseNumber(cell)).toBe(referenceParseNumber(cell));
    });
});

describe('parseSignalCategory: an accepted spelling as it is', () => {
  it('gives what the general path gives, on random cells', () => {
    fc.assert(fc.property(signalCell, (cell) => {
      expect(parseSignalCategory(cell)).toBe(referenceParseSignalCategory(cell));
    }), { numRuns: 10_000 });
  });
});
