import { describe, expect, it } from 'vitest';
import { formatNumber, initialLang, translate } from '../../../src/i18n/translate.ts';
import { zhCN } from '../../../src/i18n/zh-CN.ts';
import { en } from '../../../src/i18n/en.ts';

describe('i18n', () => {
  it('fills parameters and formats numbers for the language', () => {
    expect(translate('en', 'legend.householdsStudents', { households: 6012, students: 8123 })).toBe(
      '6,012 households · 8,123 students',
    );
    expect(translate('zh-CN', 'legend.householdsStudents', { households: 12, students: 3 })).toBe('12 户 · 3 名学生');
  });

  it('formats numbers as toLocaleString does for the language', () => {
    for (const value of [0, 7, 1234, 959825, 1234567.891, -4321.5, 0.125, 1e21, NaN, Infinity]) {
      expect(formatNumber('en', value)).toBe(value.toLocaleString('en-US'));
      expect(formatNumber('zh-CN', value)).toBe(value.toLocaleString('zh-CN'));
    }
  });

  it('has every key in both languages, with the same parameters', () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(en[key], key).toBeTruthy();
      expect(params(en[key]), key).toEqual(params(zhCN[key]));
    }
  });

  it('starts in the saved language, else the browser language, else Chinese', () => {
    expect(initialLang('en', ['zh-CN'])).toBe('en');
    expect(initialLang(null, ['en-GB', 'zh-CN'])).toBe('en');
    expect(initialLang(null, ['zh-TW'])).toBe('zh-CN');
    expect(initialLang(null, ['fr-FR'])).toBe('zh-CN');
    expect(initialLang('xx', [])).toBe('zh-CN');
  });
});
