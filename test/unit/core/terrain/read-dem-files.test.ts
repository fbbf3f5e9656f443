import { describe, expect, it } from 'vitest';
import { readDemFiles } from '../../../../src/core/terrain/read-dem-files.ts';
import { UserInputError } from '../../../../src/core/model/errors.ts';
import { GEO_KEY, writeTestTiff } from './write-test-tiff.ts';

const hgt3 = (value: number): Uint8Array => {
  const bytes = new Uint8Array(2 * 1201 * 1201);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 1201 * 1201; i++) view.setInt16(2 * i, value, false);
  return bytes;
};

/** A 0.1° GeoTIFF east of the tile N29E107, at 900 m. */
const tiff = writeTestTiff({
  width: 12, height: 12, samples: new Int16Array(144).fill(900),
  tiepoint: [0, 0, 0, 108, 29.6, 0], pixelScale: [0.1 / 12, 0.1 / 12, 0],
  geoKeys: { [GEO_KEY.modelType]: 2, [GEO_KEY.geographicType]: 4326 },
});

async function errorOf(p: Promise<unknown>): Promise<UserInputError | undefined> {
  try { await p; } catch (e) { if (e instanceof UserInputError) return e; throw e; }
  return undefined;
}

describe('readDemFiles', () => {
  it('reads a tile and a GeoTIFF by their content and mosaics them', async () => {
    const dem = await readDemFiles([{ name: 'N29E107.hgt', bytes: hgt3(400) }, { name: 'east.tif', bytes: tiff }]);
    expect(dem.label).toBe('N29E107.hgt + east.tif');
    expect(dem.elevationM(107.5, 29.5)).toBe(400);
    expect(dem.elevationM(108.05, 29.55)).toBe(900);
    expect(dem.elevationM(108.5, 29.5)).toBeNaN();
  });

  it('returns a single file as it is', async () => {
    const dem = await readDemFiles([{ name: 'x.TIF', bytes: tiff }]);
    expect(dem.label).toBe('x.TIF');
    expect(dem.grids).toHaveLength(1);
  });

  it('refuses an unknown format, an empty list, and too many samples in all', async () => {
    const e = await errorOf(readDemFiles([{ name: 'dem.asc', bytes: new TextEncoder().encode('ncols 10\n') }]));
    expect(e?.code).toBe('invalid_dem');
    expect(e?.params['reason']).toBe('format');
    expect((await errorOf(readDemFiles([])))?.code).toBe('invalid_dem');
    const big = await errorOf(readDemFiles([
      { name: 'N29E107.hgt', bytes: hgt3(1) }, { name: 'N29E108.hgt', bytes: hgt3(2) },
    ], { maxSamples: 2_000_000 }));
    expect(big?.code).toBe('dem_too_large');
    expect(big?.params['file']).toBe('N29E108.hgt');
  });
});
