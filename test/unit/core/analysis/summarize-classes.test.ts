import { describe, expect, it } from 'vitest';
import { summarizeClasses } from '../../../../src/core/index.ts';

describe('summarizeClasses', () => {
  it('counts households and students per class and in total, unknown included', () => {
    const s = summarizeClasses([
      { cls: 'none', students: 2 }, { cls: 'none', students: 0 }, { cls: 'good', students: 3 },
      { cls: 'unknown', students: 1 },
    ]);
    expect(s.households).toBe(4);
    expect(s.students).toBe(6);
    expect(s.byClass).toEqual({
      none: { households: 2, students: 2 }, poor: { households: 0, students: 0 },
      fair: { households: 0, students: 0 }, good: { households: 1, students: 3 },
      unknown: { households: 1, students: 1 },
    });
  });
  it('gives zero counts for every class on an empty list', () => {
    const s = summarizeClasses([]);
    expect(s.households).toBe(0);
    expect(Object.values(s.byClass).every((c) => c.households === 0 && c.students === 0)).toBe(true);
    expect(Object.keys(s.byClass)).toEqual(['none', 'poor', 'fair', 'good', 'unknown']);
  });
});
