/**
 * Finding a home by id in a `HouseholdTable` (`householdIndexById`): every id (any characters,
 * empty included, ids that are prefixes of others) is found at its own index, an id not in the
 * table is −1, and the index is built once per table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { householdIndexById, householdTableOf, type Household } from '../../../../src/core/index.ts';

const homes = (ids: readonly string[]): Household[] =>
  ids.map((id, i) => ({ id, lon: 108, lat: 30, students: 1, reports: [], cls: 'none', personal: {}, line: i + 2 }));

describe('householdIndexById', () => {
  it('finds every id at its index and nothing else', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 300 }), fc.string({ maxLength: 6 }),
      (ids, other) => {
        const table = householdTableOf(homes(ids));
        const index = householdIndexById(table);
        ids.forEach((id, i) => expect(index.find(id)).toBe(i));
        expect(index.find(other)).toBe(ids.indexOf(other));
      }), { numRuns: 300 });
  });

  it('holds 100,000 ids that share prefixes, built once per table', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `CQ${i}`);
    const table = householdTableOf(homes(ids));
    const index = householdIndexById(table);
    expect(householdIndexById(table)).toBe(index);
    for (const i of [0, 1, 10, 99, 12_345, 99_999]) expect(index.find(`CQ${i}`)).toBe(i);
    expect(index.find('CQ100000')).toBe(-1);
    expect(index.find('CQ')).toBe(-1);
  });
});
