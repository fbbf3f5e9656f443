import { describe, expect, it } from 'vitest';
import { parseNumber, parseReportDate, parseSignalCategory } from '../../../../src/core/index.ts';

describe('parseNumber', () => {
  it.each([
    ['108.12', 108.12], [' -115 ', -115], ['+29.9', 29.9], ['.5', 0.5], ['7.', 7], ['0', 0],
    ['１０８．１２', 108.12], ['－１１５', -115], ['\u2212115', -115], ['1e3', 1000],
  ])('%j → %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
  it.each(['', '  ', 'abc', '108,12', '1,000', '-100dBm', 'NaN', 'Infinity', '1.2.3', '--1', '0x10', '1e999'])(
    '%j is not a number', (text) => {
      expect(parseNumber(text)).toBeNull();
    });
});

describe('parseSignalCategory: every accepted value (FORMATS §1)', () => {
  it.each([
    ['none', 'none'], ['无', 'none'], ['无信号', 'none'], ['0', 'none'],
    ['poor', 'poor'], ['差', 'poor'], ['弱', 'poor'], ['1', 'poor'],
    ['fair', 'fair'], ['一般', 'fair'], ['中', 'fair'], ['2', 'fair'],
    ['good', 'good'], ['好', 'good'], ['强', 'good'], ['3', 'good'],
  ] as const)('%s → %s', (text, cls) => {
    expect(parseSignalCategory(text)).toBe(cls);
    expect(parseSignalCategory(` ${text.toUpperCase()} `)).toBe(cls);
  });
  it('is case-, space- and width-insensitive', () => {
    expect(parseSignalCategory('Good')).toBe('good');
    expect(parseSignalCategory('N O N E')).toBe('none');
    expect(parseSignalCategory('无 信号')).toBe('none');
    expect(parseSignalCategory('３')).toBe('good');
  });
  it.each(['', 'excellent', '4', '-1', '1.5', '很好', 'ok'])('%j is not a category', (text) => {
    expect(parseSignalCategory(text)).toBeNull();
  });
});

describe('parseReportDate', () => {
  it('reads ISO dates and date-times, with or without an offset (no offset = UTC)', () => {
    expect(parseReportDate('2025-03-01')).toBe(Date.UTC(2025, 2, 1));
    expect(parseReportDate('2025-03-01T08:30')).toBe(Date.UTC(2025, 2, 1, 8, 30));
    expect(parseReportDate('2025-03-01 08:30:15')).toBe(Date.UTC(2025, 2, 1, 8, 30, 15));
    expect(parseReportDate('2025-03-01T08:30:15.250Z')).toBe(Date.UTC(2025, 2, 1, 8, 30, 15, 250));
    expect(parseReportDate('2025-03-01T08:30+08:00')).toBe(Date.UTC(2025, 2, 1, 0, 30));
  });
  it('reads the slash and dot forms spreadsheets write', () => {
    expect(parseReportDate('2025/3/1')).toBe(Date.UTC(2025, 2, 1));
    expect(parseReportDate('2025.03.01')).toBe(Date.UTC(2025, 2, 1));
  });
  it.each(['', '2025-02-30', '2025-13-01', '2025-00-10', '2025-03-01T24:00', '2025-03-01T08:60', '03/01/2025',
    '25-03-01', 'yesterday', '2025-03'])('%j is not a date', (text) => {
    expect(parseReportDate(text)).toBeNull();
  });
  it('knows leap years', () => {
    expect(parseReportDate('2024-02-29')).not.toBeNull();
    expect(parseReportDate('2025-02-29')).toBeNull();
  });
});
