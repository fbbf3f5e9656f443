/**
 * The terrain coverage picture: rasters over one DEM grid land on whole cells of the union grid,
 * each cell shows the strongest site (best server) in its RSRP band, nothing below the threshold
 * or outside every raster, and the picture's bounds are its cells' outer edges.
 */
import { describe, expect, it } from 'vitest';
import { composeCoverageImage, type RasterLike } from '../../../src/map/coverage-image.ts';
import { RSRP_BANDS } from '../../../src/map/palette.ts';

const C = 0.01;
function raster(west: number, north: number, width: number, height: number, value: (i: number, j: number) => number): RasterLike {
  const rsrpDbm = new Float32Array(width * height);
  for (let j = 0; j < height; j++) for (let i = 0; i < width; i++) rsrpDbm[j * width + i] = value(i, j);
  return { rsrpDbm, width, height, bounds: [west, north - height * C, west + width * C, north], cellSizeDeg: [C, C] };
}
const hex = (h: string) => [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16));
const pixel = (img: { rgba: Uint8ClampedArray; width: number }, col: number, row: number) => [...img.rgba.slice(4 * (row * img.width + col), 4 * (row * img.width + col) + 4)];

describe('composeCoverageImage', () => {
  it('lays two rasters on one grid, strongest site wins, bands from the threshold', () => {
    const a = raster(108, 30.03, 3, 3, () => -104); // just above −105: the lightest band
    const b = raster(108.02, 30.01, 2, 2, (i) => (i === 0 ? -80 : -200)); // overlaps a's south-east cell
    const img = composeCoverageImage([a, b], -105)!;
    expect([img.width, img.height]).toEqual([4, 4]);
    img.bounds.forEach((v, k) => expect(v).toBeCloseTo([108, 29.99, 108.04, 30.03][k]!, 9));
    expect(pixel(img, 0, 0)).toEqual([...hex(RSRP_BANDS.at(-1)![1]), 255]);
    expect(pixel(img, 1, 2)).toEqual([...hex(RSRP_BANDS.at(-1)![1]), 255]); // a only
    expect(pixel(img, 2, 2)).toEqual([...hex(RSRP_BANDS[0]![1]), 255]); // b's −80 beats a's −104
    expect(pixel(img, 2, 3)).toEqual([...hex(RSRP_BANDS[0]![1]), 255]); // b only
    expect(pixel(img, 3, 2)[3]).toBe(0); // b below the threshold, a absent
    expect(pixel(img, 0, 3)[3]).toBe(0); // outside every raster
  });

  it('leaves NaN cells transparent and returns null without rasters', () => {
    const img = composeCoverageImage([raster(108, 30, 2, 1, (i) => (i === 0 ? NaN : -90))], -105)!;
    expect(pixel(img, 0, 0)[3]).toBe(0);
    expect(pixel(img, 1, 0)[3]).toBe(255);
    expect(composeCoverageImage([], -105)).toBeNull();
  });

  it('draws a large picture at a coarser whole-number step within the pixel budget', () => {
    const img = composeCoverageImage([raster(108, 30.5, 100, 50, () => -90)], -105, 1000)!;
    expect(img.width * img.height).toBeLessThanOrEqual(1000);
    expect(img.width).toBe(34);
    expect(img.rgba[3]).toBe(255);
  });
});
