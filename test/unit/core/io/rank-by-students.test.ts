import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankByStudents } from '../../../../src/core/index.ts';

describe('rankByStudents', () => {
  it('ranks by newly covered students, ties and missing impacts in list order', () => {
    const ids = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    expect(rankByStudents(ids, [{ siteId: 'c', newlyCoveredStudents: 9 }, { siteId: 'a', newlyCoveredStudents: 2 }, { siteId: 'd', newlyCoveredStudents: 2 }]))
      .toEqual([2, 4, 1, 3]);
    expect(rankByStudents([], [])).toEqual([]);
  });
  it('is a permutation of 1..n that never puts fewer students ahead (property)', () => {
    fc.assert(fc.property(fc.array(fc.nat(50), { maxLength: 20 }), (students) => {
      const ids = students.map((_, i) => ({ id: `s${i}` }));
      const rank = rankByStudents(ids, students.map((n, i) => ({ siteId: `s${i}`, newlyCoveredStudents: n })));
      expect([...rank].sort((a, b) => a - b)).toEqual(students.map((_, i) => i + 1));
      for (let i = 0; i < students.length; i++) {
        for (let j = 0; j < students.length; j++) {
          if (rank[i]! < rank[j]!) expect(students[i]! > students[j]! || (students[i] === students[j] && i < j)).toBe(true);
        }
      }
    }));
  });
});
