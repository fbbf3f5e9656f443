import { describe, expect, it } from 'vitest';
import { checkCoordinates, decodeText, parseCoordinate, parseNumber } from '../../../../src/core/index.ts';

describe('parseCoordinate: decimal degrees and degrees-minutes-seconds', () => {
  const d = (deg: number, min = 0, sec = 0) => deg + min / 60 + sec / 3600;
  it.each([
    ['108.12', 108.12], ['１０８．１２', 108.12], ['-29.5', -29.5], ['108。12', 108.12],
    [`108°07'30"E`, d(108, 7, 30)], ['108°7′30″', d(108, 7, 30)], [`29°58'N`, d(29, 58)], ['108 07 30.5', d(108, 7, 30.5)],
    [`108°7.5'`, d(108, 7.5)], ['108°7.5', d(108, 7.5)], ['108:07:30', d(108, 7, 30)], ['108 07', d(108, 7)],
    ['108度7分30秒', d(108, 7, 30)], ['东经108°07′30″', d(108, 7, 30)], ['北纬 29°58′', d(29, 58)], [`N 29°58'`, d(29, 58)],
    ['108.125°', 108.125], ['E108.12', 108.12], ['29.98N', 29.98], [`108°07'30''`, d(108, 7, 30)], ['108°07’30”', d(108, 7, 30)],
    ['１０８°０７′３０″Ｅ', d(108, 7, 30)], [`29°58'30"S`, -d(29, 58, 30)], [`W 70°30'`, -d(70, 30)], ['南纬10°', -10],
    [`-108°07'30"`, -d(108, 7, 30)],
  ])('%j → %d', (text, value) => {
    expect(parseCoordinate(text)).toBeCloseTo(value, 12);
  });
  it.each(['', 'abc', `108°60'`, `108°07'60"`, `108.5°30'`, `108°7.5'30"`, `-29°58'S`, `N29°58'S`, '108°07x', '1 2 3 4', '108,12', 's29.9'])(
    '%j is not a coordinate', (text) => {
      expect(parseCoordinate(text)).toBeNull();
    });
  it('a DMS value that cannot be read is not_a_number, and the message shows both accepted forms', () => {
    const r = checkCoordinates(5, `108°61'`, '30.1');
    expect(r.ok).toBe(false);
    expect(r.issues?.[0]).toMatchObject({ line: 5, field: 'lon', code: 'not_a_number', severity: 'error', value: `108°61'` });
    expect(r.issues?.[0]?.message).toMatch(/degrees-minutes-seconds/);
  });
});

describe('parseNumber: the ideographic full stop as a decimal point', () => {
  it('reads 108。12 but not a lone 。', () => {
    expect(parseNumber('108。12')).toBe(108.12);
    expect(parseNumber('。')).toBeNull();
    expect(parseNumber('1。2。3')).toBeNull();
  });
});

describe('checkCoordinates: the swapped fix', () => {
  it('stays an error unless the fix is asked for; then the row is used, swapped back, with a warning', () => {
    expect(checkCoordinates(4, '29.98', '108.12')).toMatchObject({ ok: false, issues: [{ code: 'swapped_lat_lon', severity: 'error' }] });
    const fixed = checkCoordinates(4, '29.98', '108.12', { fixSwapped: true });
    expect(fixed).toMatchObject({ ok: true, lon: 108.12, lat: 29.98,
      issues: [{ line: 4, field: 'row', code: 'swapped_lat_lon', severity: 'warning', value: 'lon=29.98, lat=108.12' }] });
    expect(checkCoordinates(4, '108.12', '29.98', { fixSwapped: true })).toEqual({ ok: true, lon: 108.12, lat: 29.98 });
  });
});

describe('decodeText: overrides and UTF-16', () => {
  const gbk = new Uint8Array([0xbe, 0xad, 0xb6, 0xc8]); // 经度
  it('forces an encoding when asked', () => {
    expect(decodeText(gbk, 'gb18030')).toEqual({ text: '经度', encoding: 'gb18030' });
    expect(decodeText(gbk, 'utf-8').encoding).toBe('utf-8');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'gb18030')).toEqual({ text: 'a', encoding: 'gb18030' });
  });
  it('reads UTF-16 LE and BE by their byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0xcf, 0x7e, 0xa6, 0x5e]))).toEqual({ text: '经度', encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x7e, 0xcf, 0x5e, 0xa6]))).toEqual({ text: '经度', encoding: 'utf-16be' });
  });
});
