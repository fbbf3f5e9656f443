import { zlibSync } from 'fflate';
import { writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { readGeotiffDem } from '../../../../src/core/terrain/read-geotiff-dem.ts';
import { UserInputError } from '../../../../src/core/model/errors.ts';
import { GEO_KEY, writeTestTiff, type TestTiff } from './write-test-tiff.ts';

/** 4 × 3 samples, 0.01° cells, north-west corner (108, 30), WGS-84, PixelIsArea. */
const base = (over: Partial<TestTiff> = {}): TestTiff => ({
  width: 4, height: 3,
  samples: Int16Array.from([
    100, 110, 120, 130,
    200, 210, 220, 230,
    300, 310, 320, 330,
  ]),
  tiepoint: [0, 0, 0, 108, 30, 0],
  pixelScale: [0.01, 0.01, 0],
  geoKeys: { [GEO_KEY.modelType]: 2, [GEO_KEY.rasterType]: 1, [GEO_KEY.geographicType]: 4326 },
  ...over,
});

async function errorOf(p: Promise<unknown>): Promise<UserInputError | undefined> {
  try { await p; } catch (e) { if (e instanceof UserInputError) return e; throw e; }
  return undefined;
}

describe('readGeotiffDem, WGS-84 grids', () => {
  it('reads Int16 PixelIsArea: samples at the cell centres, bounds at the cell edges', async () => {
    const dem = await readGeotiffDem(writeTestTiff(base()), 'dem/area.tif');
    expect(dem.label).toBe('area.tif');
    expect(dem.bounds[0]).toBe(108);
    expect(dem.bounds[1]).toBeCloseTo(29.97, 12);
    expect(dem.bounds[2]).toBeCloseTo(108.04, 12);
    expect(dem.bounds[3]).toBe(30);
    expect(dem.grids[0]!.samples).toBeInstanceOf(Int16Array);
    expect(dem.elevationM(108.005, 29.995)).toBeCloseTo(100, 9);
    expect(dem.elevationM(108.035, 29.975)).toBeCloseTo(330, 9);
    expect(dem.elevationM(108.01, 29.99)).toBeCloseTo((100 + 110 + 200 + 210) / 4, 9);
    expect(dem.elevationM(108.0401, 29.99)).toBeNaN();
  });

  it('reads PixelIsPoint: the samples are the grid points', async () => {
    const dem = await readGeotiffDem(writeTestTiff(base({
      geoKeys: { [GEO_KEY.modelType]: 2, [GEO_KEY.rasterType]: 2, [GEO_KEY.geographicType]: 4326 },
    })), 'point.tif');
    expect(dem.bounds[2]).toBeCloseTo(108.03, 12);
    expect(dem.bounds[1]).toBeCloseTo(29.98, 12);
    expect(dem.elevationM(108, 30)).toBe(100);
    expect(dem.elevationM(108.03, 29.98)).toBeCloseTo(330, 9);
  });

  it('places the grid from a tiepoint at another raster position', async () => {
    const dem = await readGeotiffDem(writeTestTiff(base({ tiepoint: [2, 1, 0, 108.02, 29.99, 0] })), 't.tif');
    expect(dem.bounds[0]).toBeCloseTo(108, 12);
    expect(dem.bounds[3]).toBeCloseTo(30, 12);
    expect(dem.elevationM(108.025, 29.985)).toBeCloseTo(220, 9);
  });

  it('reads a ModelTransformation without rotation', async () => {
    const dem = await readGeotiffDem(writeTestTiff(base({
      tiepoint: undefined, pixelScale: undefined,
      transformation: [0.01, 0, 0, 108, 0, -0.01, 0, 30, 0, 0, 1, 0, 0, 0, 0, 1],
    })), 'mt.tif');
    expect(dem.elevationM(108.015, 29.985)).toBeCloseTo(210, 9);
  });

  it('reads Int32, Float32 and Float64 samples (Float64 narrowed to Float32)', async () => {
    const values = [100, 110, 120, 130, 200, 210, 220, 230, 300, 310, 320, 330.5];
    for (const samples of [Int32Array.from(values.map(Math.round)), Float32Array.from(values), Float64Array.from(values)]) {
      const dem = await readGeotiffDem(writeTestTiff(base({ samples })), 'x.tif');
      expect(dem.elevationM(108.025, 29.985)).toBeCloseTo(220, 5);
      expect(dem.grids[0]!.samples).toBeInstanceOf(samples instanceof Int32Array ? Int32Array : Float32Array);
    }
  });

  it('reads a Deflate-compressed Float32 grid (as GDAL writes with COMPRESS=DEFLATE)', async () => {
    const samples = Float32Array.from({ length: 12 }, (_, i) => 1000 + i * 10);
    const dem = await readGeotiffDem(writeTestTiff(base({ samples, deflate: (b) => zlibSync(b) })), 'deflate.tif');
    expect(dem.elevationM(108.005, 29.995)).toBeCloseTo(1000, 5);
    expect(dem.elevationM(108.035, 29.975)).toBeCloseTo(1110, 5);
  });

  it('reads a Float32 GeoTIFF written by geotiff itself (big-endian), Uint8Array view input', async () => {
    const values = Float32Array.from([500, 600, 700, 800, 900, 1000, 1100, 1200, 1300, 1400, 1500, 1600]);
    const buffer = writeArrayBuffer(values, {
      width: 4, height: 3, ModelPixelScale: [0.01, 0.01, 0], ModelTiepoint: [0, 0, 0, 108, 30, 0],
      GTModelTypeGeoKey: 2, GTRasterTypeGeoKey: 1, GeographicTypeGeoKey: 4326,
    });
    const padded = new Uint8Array(buffer.byteLength + 16);
    padded.set(new Uint8Array(buffer), 8);
    const dem = await readGeotiffDem(padded.subarray(8, 8 + buffer.byteLength), 'gt.tif');
    expect(dem.elevationM(108.005, 29.995)).toBeCloseTo(500, 5);
    expect(dem.elevationM(108.035, 29.975)).toBeCloseTo(1600, 5);
  });
});

describe('readGeotiffDem, nodata', () => {
  it('Int16 with GDAL_NODATA −9999: NaN where the void weighs', async () => {
    const samples = Int16Array.from([100, 110, 120, 130, 200, -9999, 220, 230, 300, 310, 320, 330]);
    const dem = await readGeotiffDem(writeTestTiff(base({ samples, nodata: '-9999' })), 'nd.tif');
    expect(dem.elevationM(108.015, 29.985)).toBeNaN();
    expect(dem.elevationM(108.01, 29.99)).toBeNaN();
    expect(dem.elevationM(108.035, 29.995)).toBeCloseTo(130, 9);
  });

  it('Float32 with the usual −3.4028234663852886e+38 written as a double: NaN', async () => {
    const samples = Float32Array.from([1, 2, 3, 4, 5, -3.4028234663852886e38, 7, 8, 9, 10, 11, 12]);
    const dem = await readGeotiffDem(writeTestTiff(base({ samples, nodata: '-3.4028234663852886e+38' })), 'ndf.tif');
    expect(dem.elevationM(108.015, 29.985)).toBeNaN();
    expect(dem.elevationM(108.035, 29.975)).toBeCloseTo(12, 9);
  });
});

describe('readGeotiffDem, refusals', () => {
  it('refuses a projected CRS with unsupported_dem_crs, naming it', async () => {
    const e = await errorOf(readGeotiffDem(writeTestTiff(base({
      tiepoint: [0, 0, 0, 400000, 3300000, 0], pixelScale: [30, 30, 0],
      geoKeys: { [GEO_KEY.modelType]: 1, [GEO_KEY.rasterType]: 1, [GEO_KEY.projectedType]: 32649 },
    })), 'utm.tif'));
    expect(e?.code).toBe('unsupported_dem_crs');
    expect(e?.params['crs']).toBe('EPSG:32649');
    expect(e?.message).toMatch(/EPSG:32649.*EPSG:4326/);
  });

  it('refuses another geographic datum (Beijing 1954, EPSG:4214)', async () => {
    const e = await errorOf(readGeotiffDem(writeTestTiff(base({
      geoKeys: { [GEO_KEY.modelType]: 2, [GEO_KEY.geographicType]: 4214 },
    })), 'bj54.tif'));
    expect(e?.code).toBe('unsupported_dem_crs');
    expect(e?.params['crs']).toBe('EPSG:4214');
  });

  it('takes CGCS2000 (EPSG:4490) and a user-defined CRS on the WGS-84 datum', async () => {
    const cases: Record<number, number>[] = [
      { [GEO_KEY.modelType]: 2, [GEO_KEY.geographicType]: 4490 },
      { [GEO_KEY.modelType]: 2, [GEO_KEY.geographicType]: 32767, [GEO_KEY.datum]: 6326 },
    ];
    for (const geoKeys of cases) {
      const dem = await readGeotiffDem(writeTestTiff(base({ geoKeys })), 'ok.tif');
      expect(dem.elevationM(108.005, 29.995)).toBeCloseTo(100, 9);
    }
  });

  it('refuses a TIFF without GeoKeys or without a georeference', async () => {
    expect((await errorOf(readGeotiffDem(writeTestTiff(base({ geoKeys: undefined })), 'plain.tif')))?.params['reason']).toBe('no_georeference');
    expect((await errorOf(readGeotiffDem(writeTestTiff(base({ tiepoint: undefined })), 'nt.tif')))?.params['reason']).toBe('no_georeference');
  });

  it('refuses metres labelled as degrees', async () => {
    const e = await errorOf(readGeotiffDem(writeTestTiff(base({ tiepoint: [0, 0, 0, 400000, 3300000, 0] })), 'm.tif'));
    expect(e?.code).toBe('invalid_dem');
    expect(e?.params['reason']).toBe('bounds');
  });

  it('refuses a grid larger than the limit before decoding it', async () => {
    const e = await errorOf(readGeotiffDem(writeTestTiff(base()), 'big.tif', { maxSamples: 11 }));
    expect(e?.code).toBe('dem_too_large');
    expect(e?.params).toMatchObject({ width: 4, height: 3, maxSamples: 11 });
  });

  it('refuses 8-bit samples, rotation, and bytes that are not a TIFF', async () => {
    expect((await errorOf(readGeotiffDem(writeTestTiff(base({ samples: new Uint8Array(12) })), 'u8.tif')))?.params['reason']).toBe('sample_type');
    expect((await errorOf(readGeotiffDem(writeTestTiff(base({
      tiepoint: undefined, pixelScale: undefined,
      transformation: [0.01, 0.001, 0, 108, 0.001, -0.01, 0, 30, 0, 0, 1, 0, 0, 0, 0, 1],
    })), 'rot.tif')))?.params['reason']).toBe('rotated');
    const e = await errorOf(readGeotiffDem(new TextEncoder().encode('not a tiff at all'), 'x.tif'));
    expect(e?.code).toBe('invalid_dem');
    expect(e?.params['reason']).toBe('not_tiff');
  });
});
