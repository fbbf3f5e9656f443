import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../src/core/index.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('decodes UTF-8 and strips its BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('经度,纬度\n')]);
    expect(decodeText(bytes)).toEqual({ text: '经度,纬度\n', encoding: 'utf-8' });
  });
  it('decodes UTF-8 without a BOM', () => {
    expect(decodeText(utf8('lon,lat\n108.1,29.9'))).toEqual({ text: 'lon,lat\n108.1,29.9', encoding: 'utf-8' });
  });
  it('falls back to GB18030 for GBK bytes', () => {
    // "经度,纬度" in GBK: 经 BE AD, 度 B6 C8, 纬 CE B3.
    const gbk = new Uint8Array([0xbe, 0xad, 0xb6, 0xc8, 0x2c, 0xce, 0xb3, 0xb6, 0xc8]);
    expect(decodeText(gbk)).toEqual({ text: '经度,纬度', encoding: 'gb18030' });
  });
  it('decodes a GBK CSV line with ASCII and Chinese mixed', () => {
    // "差" in GBK is B2 EE, "好" is BA C3.
    const gbk = new Uint8Array([...utf8('K1,108.2,30.05,'), 0xb2, 0xee, 0x0a, ...utf8('K2,108.2,30.06,'), 0xba, 0xc3]);
    expect(decodeText(gbk)).toEqual({ text: 'K1,108.2,30.05,差\nK2,108.2,30.06,好', encoding: 'gb18030' });
  });
  it('returns empty text for empty bytes', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
