import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readHgt, hgtTileCorner } from '../../../../src/core/terrain/read-hgt.ts';
import { UserInputError } from '../../../../src/core/model/errors.ts';

/** An SRTM tile in memory: big-endian Int16, row 0 = north, sample (i, j) = f(i, j). */
function makeHgt(side: number, f: (col: number, row: number) => number): Uint8Array {
  const bytes = new Uint8Array(2 * side * side);
  const view = new DataView(bytes.buffer);
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) view.setInt16(2 * (row * side + col), f(col, row), false);
  }
  return bytes;
}

const ramp = (col: number, row: number): number => 300 + col - row; // −900 … 1500: exercises the sign bit

const errorOf = (f: () => unknown): UserInputError | undefined => {
  try { f(); } catch (e) { if (e instanceof UserInputError) return e; throw e; }
  return undefined;
};

describe('hgtTileCorner', () => {
  it('reads the south-west corner from the name', () => {
    expect(hgtTileCorner('N29E107.hgt')).toEqual({ lon: 107, lat: 29 });
    expect(hgtTileCorner('/data/srtm/n30e108.HGT')).toEqual({ lon: 108, lat: 30 });
    expect(hgtTileCorner('N29E107.SRTMGL1.hgt')).toEqual({ lon: 107, lat: 29 });
    expect(hgtTileCorner('S12W077.hgt')).toEqual({ lon: -77, lat: -12 });
    expect(hgtTileCorner('N29E107.tif')).toBeUndefined();
    expect(hgtTileCorner('shizhu.hgt')).toBeUndefined();
    expect(hgtTileCorner('N95E107.hgt')).toBeUndefined();
  });
});

describe('readHgt, 3″ tile (1201²)', () => {
  const dem = readHgt(makeHgt(1201, ramp), 'N29E107.hgt');
  const step = 1 / 1200;

  it('is corner-registered over the named degree square', () => {
    expect(dem.bounds).toEqual([107, 29, 108, 30]);
    expect(dem.cellSizeDeg[0]).toBeCloseTo(step, 15);
    expect(dem.label).toBe('N29E107.hgt');
  });

  it('puts the first sample at the north-west corner, the last at the south-east, big-endian', () => {
    expect(dem.elevationM(107, 30)).toBe(300);
    expect(dem.elevationM(108, 29)).toBeCloseTo(300, 9);
    expect(dem.elevationM(108, 30)).toBeCloseTo(1500, 9);
    expect(dem.elevationM(107, 29)).toBeCloseTo(-900, 9);
    expect(dem.elevationM(107 + 600 * step, 30 - 400 * step)).toBeCloseTo(300 + 600 - 400, 9);
  });

  it('interpolates between samples', () => {
    expect(dem.elevationM(107 + 10.5 * step, 30 - 20.25 * step)).toBeCloseTo(300 + 10.5 - 20.25, 9);
  });

  it('turns voids (−32768) into NaN', () => {
    const holed = readHgt(makeHgt(1201, (c, r) => (c === 600 && r === 600 ? -32768 : 100)), 'N29E107.hgt');
    expect(holed.elevationM(107.5, 29.5)).toBeNaN();
    expect(holed.elevationM(107.5 + 0.5 * step, 29.5)).toBeNaN();
    expect(holed.elevationM(107.5 + step, 29.5)).toBe(100);
  });
});

describe('readHgt, 1″ tile (3601²)', () => {
  it('reads a full-size 1″ tile', () => {
    const dem = readHgt(makeHgt(3601, (c, r) => (c + r) % 2000), 'N30E108.SRTMGL1.hgt');
    expect(dem.bounds).toEqual([108, 30, 109, 31]);
    expect(dem.cellSizeDeg[0]).toBeCloseTo(1 / 3600, 15);
    expect(dem.elevationM(108 + 1000 / 3600, 31 - 500 / 3600)).toBeCloseTo(1500, 6);
  });
});

describe('readHgt, refusals', () => {
  it('refuses a wrong size with invalid_dem / size', () => {
    const e = errorOf(() => readHgt(new Uint8Array(2 * 1200 * 1200), 'N29E107.hgt'));
    expect(e?.code).toBe('invalid_dem');
    expect(e?.params['reason']).toBe('size');
    expect(e?.message).toMatch(/2,884,802 bytes/);
  });

  it('refuses a name that does not say where the tile is', () => {
    const e = errorOf(() => readHgt(makeHgt(1201, ramp), 'shizhu.hgt'));
    expect(e?.code).toBe('invalid_dem');
    expect(e?.params['reason']).toBe('name');
    expect(e?.message).toMatch(/N29E107\.hgt/);
  });
});

describe('readHgt, zip', () => {
  it('reads the tiles of a zip and mosaics them', () => {
    const zip = zipSync({
      'N29E107.hgt': makeHgt(1201, () => 500),
      'tiles/N29E108.hgt': makeHgt(1201, () => 500 + 700),
      'readme.txt': new TextEncoder().encode('SRTM'),
    }, { level: 1 });
    const dem = readHgt(zip, 'srtm.zip');
    expect(dem.grids).toHaveLength(2);
    expect(dem.bounds).toEqual([107, 29, 109, 30]);
    expect(dem.elevationM(107.5, 29.5)).toBe(500);
    expect(dem.elevationM(108.5, 29.5)).toBe(1200);
  });

  it('refuses a zip without .hgt and a broken zip', () => {
    const empty = zipSync({ 'readme.txt': new Uint8Array([65]) });
    expect(errorOf(() => readHgt(empty, 'x.zip'))?.code).toBe('invalid_dem');
    const broken = empty.slice(0, 30);
    expect(errorOf(() => readHgt(broken, 'x.zip'))?.code).toBe('invalid_dem');
  });
});
