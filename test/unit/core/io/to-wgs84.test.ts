import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { haversineM, toWgs84 } from '../../../../src/core/index.ts';

// A home in 六塘乡 龙池村, Shizhu (WGS-84, from the synthetic demo).
const LONGCHI: [number, number] = [108.43443, 30.217841];

describe('toWgs84 (gcoord)', () => {
  it('leaves WGS-84 alone', () => {
    expect(toWgs84(LONGCHI[0], LONGCHI[1], 'wgs84')).toEqual(LONGCHI);
    expect(toWgs84(LONGCHI[0], LONGCHI[1], undefined)).toEqual(LONGCHI);
  });
  it('GCJ-02 in Shizhu is offset by several hundred metres, and converting back lands within 1 m', () => {
    const gcj = gcoord.transform(LONGCHI, gcoord.WGS84, gcoord.GCJ02);
    const offsetM = haversineM(LONGCHI, gcj);
    expect(offsetM).toBeGreaterThan(300);
    expect(offsetM).toBeLessThan(800);
    const back = toWgs84(gcj[0], gcj[1], 'gcj02');
    expect(haversineM(back, LONGCHI)).toBeLessThan(1);
  });
  it('BD-09 (Baidu) converts back within 1 m too', () => {
    const bd = gcoord.transform(LONGCHI, gcoord.WGS84, gcoord.BD09);
    expect(haversineM(LONGCHI, bd)).toBeGreaterThan(500);
    expect(haversineM(toWgs84(bd[0], bd[1], 'bd09'), LONGCHI)).toBeLessThan(1);
  });
});
