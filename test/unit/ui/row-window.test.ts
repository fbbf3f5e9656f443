/**
 * The windowed table's arithmetic: every body row that shows below the sticky header is in the
 * window (with the overscan on each side, within the list), and the scroll that reveals a row
 * moves the least and leaves it whole below the header.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rowWindow, scrollTopToReveal } from '../../../src/ui/row-window.ts';

describe('rowWindow', () => {
  it('at the top: the rows in view plus the overscan below', () => {
    // 260 px view, 24 px header: 236 px of rows → rows 0..9 (9.8 rows), + 10 overscan.
    expect(rowWindow(3000, 0, 260, 24, 24, 10)).toEqual({ start: 0, end: 20 });
  });

  it('scrolled: the overscan on both sides', () => {
    // scrollTop 24,000 → first row seen 1,000; the view ends at row 1,009.8.
    expect(rowWindow(3000, 24_000, 260, 24, 24, 10)).toEqual({ start: 990, end: 1020 });
  });

  it('at the bottom, and beyond it: clamped to the list', () => {
    expect(rowWindow(3000, 3000 * 24 + 24 - 260, 260, 24, 24, 10)).toEqual({ start: 2980, end: 3000 });
    expect(rowWindow(3000, 1e9, 260, 24, 24, 10)).toEqual({ start: 3000, end: 3000 });
  });

  it('short or empty lists, and no row height yet', () => {
    expect(rowWindow(5, 0, 260, 24, 24, 10)).toEqual({ start: 0, end: 5 });
    expect(rowWindow(0, 0, 260, 24, 24, 10)).toEqual({ start: 0, end: 0 });
    expect(rowWindow(50, 0, 260, 0, 24, 10)).toEqual({ start: 0, end: 50 });
  });

  it('holds every row that shows below the header, for any scroll position and sizes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 200_000, noNaN: true }),
        fc.double({ min: 30, max: 1000, noNaN: true }),
        fc.double({ min: 10, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 29, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        (count, scrollTop, viewport, rowH, header, overscan) => {
          const { start, end } = rowWindow(count, scrollTop, viewport, rowH, header, overscan);
          expect(0 <= start && start <= end && end <= count).toBe(true);
          for (let i = 0; i < count; i++) {
            const top = header + i * rowH;
            const shows = top + rowH > scrollTop + header && top < scrollTop + viewport;
            if (shows) expect(i >= start && i < end, `row ${i} shows but the window is [${start}, ${end})`).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('scrollTopToReveal', () => {
  // A 260 px view with a 24 px header; rows 24 px; body row i spans [24 + 24i, 48 + 24i).
  const row = (i: number): [number, number] => [24 + 24 * i, 48 + 24 * i];

  it('leaves a row that already shows where it is', () => {
    expect(scrollTopToReveal(...row(3), 0, 260, 24)).toBe(0);
    expect(scrollTopToReveal(...row(1000), 24_000, 260, 24)).toBe(24_000);
  });

  it('a row below the view comes up to its bottom edge', () => {
    const [, bottom] = row(2500);
    expect(scrollTopToReveal(...row(2500), 0, 260, 24)).toBe(bottom - 260);
  });

  it('a row above the view (or under the header) comes down to just below the header', () => {
    expect(scrollTopToReveal(...row(10), 24_000, 260, 24)).toBe(240);
    expect(scrollTopToReveal(...row(0), 10, 260, 24)).toBe(0); // half under the header
  });

  it('a row taller than the view shows its top', () => {
    expect(scrollTopToReveal(500, 900, 0, 260, 24)).toBe(476);
  });
});
