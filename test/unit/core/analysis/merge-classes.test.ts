import { describe, expect, it } from 'vitest';
import { mergeClasses, type AttendanceClass } from '../../../../src/core/index.ts';

const r = (cls: AttendanceClass, reportedAt?: string) => ({ line: 2, cls, ...(reportedAt ? { reportedAt } : {}) });

describe('mergeClasses: worst', () => {
  it('the worst known class wins, in any order', () => {
    expect(mergeClasses([r('good'), r('poor'), r('fair')], 'worst')).toBe('poor');
    expect(mergeClasses([r('fair'), r('none'), r('good')], 'worst')).toBe('none');
  });
  it('unknown reports do not hide a known class', () => {
    expect(mergeClasses([r('unknown'), r('good')], 'worst')).toBe('good');
  });
  it('is unknown only when all are unknown (or there are none)', () => {
    expect(mergeClasses([r('unknown'), r('unknown')], 'worst')).toBe('unknown');
    expect(mergeClasses([], 'worst')).toBe('unknown');
  });
});

describe('mergeClasses: latest', () => {
  it('takes the class of the latest dated report, whatever the file order', () => {
    expect(mergeClasses([r('none', '2025-03-05'), r('good', '2025-03-01')], 'latest')).toBe('none');
    expect(mergeClasses([r('good', '2025-03-01'), r('none', '2025-03-05')], 'latest')).toBe('none');
  });
  it('compares date-times by instant, offsets included', () => {
    // 09:00+08:00 is 01:00Z, earlier than 02:00Z.
    expect(mergeClasses([r('poor', '2025-03-01T02:00Z'), r('good', '2025-03-01T09:00+08:00')], 'latest')).toBe('poor');
    expect(mergeClasses([r('poor', '2025-03-01'), r('good', '2025-03-01T00:01')], 'latest')).toBe('good');
  });
  it('counts undated reports as earlier than dated ones', () => {
    expect(mergeClasses([r('fair', '2025-01-01'), r('none')], 'latest')).toBe('fair');
    expect(mergeClasses([r('none'), r('fair', '2025-01-01')], 'latest')).toBe('fair');
  });
  it('breaks ties by file order: the later report wins', () => {
    expect(mergeClasses([r('none', '2025-03-01'), r('good', '2025-03-01')], 'latest')).toBe('good');
    expect(mergeClasses([r('good'), r('poor')], 'latest')).toBe('poor');
  });
  it('ignores unknown reports unless all are unknown', () => {
    expect(mergeClasses([r('poor', '2025-01-01'), r('unknown', '2025-06-01')], 'latest')).toBe('poor');
    expect(mergeClasses([r('unknown', '2025-01-01'), r('unknown')], 'latest')).toBe('unknown');
  });
});
