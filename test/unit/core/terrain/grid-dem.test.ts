import { describe, expect, it } from 'vitest';
import { createGridDem, type DemGrid } from '../../../../src/core/terrain/grid-dem.ts';
import { mosaicDems } from '../../../../src/core/terrain/mosaic-dems.ts';
import { UserInputError } from '../../../../src/core/model/errors.ts';

/** 3 × 3 samples, 0.1° apart, north-west corner (108, 30). Row 0 is the north row. */
const grid = (over: Partial<DemGrid> = {}): DemGrid => ({
  samples: Int16Array.from([
    100, 200, 300,
    400, 500, 600,
    700, 800, 900,
  ]),
  width: 3, height: 3, westLon: 108, northLat: 30, cellSizeDeg: [0.1, 0.1], registration: 'point', label: 'test', ...over,
});

const codeOf = (f: () => unknown): string | undefined => {
  try { f(); } catch (e) { return e instanceof UserInputError ? e.code : 'other'; }
  return undefined;
};

describe('createGridDem, point registration (SRTM)', () => {
  const dem = createGridDem(grid());

  it('bounds are the outermost samples', () => {
    expect(dem.bounds[0]).toBe(108);
    expect(dem.bounds[3]).toBe(30);
    expect(dem.bounds[2]).toBeCloseTo(108.2, 12);
    expect(dem.bounds[1]).toBeCloseTo(29.8, 12);
    expect(dem.cellSizeDeg).toEqual([0.1, 0.1]);
  });

  it('returns the samples at the grid points, corners included', () => {
    expect(dem.elevationM(108, 30)).toBe(100);
    expect(dem.elevationM(108.2, 30)).toBeCloseTo(300, 9);
    expect(dem.elevationM(108.1, 29.9)).toBeCloseTo(500, 9);
    expect(dem.elevationM(108.2, 29.8)).toBeCloseTo(900, 9);
  });

  it('interpolates bilinearly between them', () => {
    expect(dem.elevationM(108.05, 30)).toBeCloseTo(150, 9);
    expect(dem.elevationM(108.05, 29.95)).toBeCloseTo((100 + 200 + 400 + 500) / 4, 9);
    // a quarter of the way east and three quarters south in the north-west cell
    expect(dem.elevationM(108.025, 29.925)).toBeCloseTo(100 + 0.25 * 100 + 0.75 * 300, 9);
  });

  it('is NaN outside the bounds and for NaN input', () => {
    expect(dem.elevationM(107.99, 29.9)).toBeNaN();
    expect(dem.elevationM(108.1, 30.01)).toBeNaN();
    expect(dem.elevationM(108.21, 29.9)).toBeNaN();
    expect(dem.elevationM(NaN, 29.9)).toBeNaN();
  });

  it('reads the samples in place (no copy)', () => {
    const g = grid();
    const d = createGridDem(g);
    expect(d.grids[0]!.samples).toBe(g.samples);
  });
});

describe('createGridDem, nodata', () => {
  const samples = Int16Array.from([100, 200, 300, 400, -32768, 600, 700, 800, 900]);
  const dem = createGridDem(grid({ samples, nodata: -32768 }));

  it('is NaN wherever the void has a weight', () => {
    expect(dem.elevationM(108.1, 29.9)).toBeNaN();
    expect(dem.elevationM(108.05, 29.95)).toBeNaN();
    expect(dem.elevationM(108.15, 29.85)).toBeNaN();
  });

  it('keeps the samples next to it, where the void has no weight', () => {
    expect(dem.elevationM(108, 30)).toBe(100);
    expect(dem.elevationM(108.05, 30)).toBeCloseTo(150, 9);
    expect(dem.elevationM(108.2, 29.85)).toBeCloseTo(750, 9);
  });

  it('treats NaN samples of a float grid as nodata', () => {
    const f = createGridDem(grid({ samples: Float32Array.from([1, 2, 3, 4, NaN, 6, 7, 8, 9]) }));
    expect(f.elevationM(108.05, 29.95)).toBeNaN();
    expect(f.elevationM(108, 30)).toBe(1);
  });
});

describe('createGridDem, area registration (GeoTIFF PixelIsArea)', () => {
  const dem = createGridDem(grid({ registration: 'area' }));

  it('bounds are the outer cell edges; samples sit at the cell centres', () => {
    expect(dem.bounds[0]).toBe(108);
    expect(dem.bounds[2]).toBeCloseTo(108.3, 12);
    expect(dem.bounds[1]).toBeCloseTo(29.7, 12);
    expect(dem.elevationM(108.05, 29.95)).toBeCloseTo(100, 9);
    expect(dem.elevationM(108.15, 29.85)).toBeCloseTo(500, 9);
    expect(dem.elevationM(108.1, 29.95)).toBeCloseTo(150, 9);
  });

  it('extends the edge samples flat over the outer half cell', () => {
    expect(dem.elevationM(108.001, 29.999)).toBeCloseTo(100, 9);
    expect(dem.elevationM(108.299, 29.701)).toBeCloseTo(900, 9);
    expect(dem.elevationM(108.301, 29.8)).toBeNaN();
  });
});

describe('createGridDem, refusals', () => {
  it('refuses a grid whose sample count does not match', () => {
    expect(codeOf(() => createGridDem(grid({ width: 4 })))).toBe('invalid_dem');
    expect(codeOf(() => createGridDem(grid({ samples: new Int16Array(1), width: 1, height: 1 })))).toBe('invalid_dem');
    expect(codeOf(() => createGridDem(grid({ cellSizeDeg: [0, 0.1] })))).toBe('invalid_dem');
  });
});

describe('mosaicDems', () => {
  // Two SRTM-like tiles sharing the column at lon 108.2 (same values there).
  const west = createGridDem(grid({ label: 'W' }));
  const east = createGridDem(grid({
    label: 'E', westLon: 108.2,
    samples: Int16Array.from([300, 1000, 1000, 600, 1000, 1000, 900, 1000, 1000]),
  }));
  const dem = mosaicDems([west, east]);

  it('answers from the tile holding the point, without a merged copy', () => {
    expect(dem.elevationM(108.05, 30)).toBeCloseTo(150, 9);
    expect(dem.elevationM(108.3, 29.9)).toBeCloseTo(1000, 9);
    expect(dem.elevationM(108.2, 29.9)).toBeCloseTo(600, 9);
    expect(dem.elevationM(108.1, 29.9)).toBeCloseTo(500, 9); // back in the first tile
    expect(dem.grids.map((g) => g.samples)).toEqual([west.grids[0]!.samples, east.grids[0]!.samples]);
    expect(dem.grids[0]!.samples).toBe(west.grids[0]!.samples);
  });

  it('has the union of the bounds, the finest cell, a joined label', () => {
    expect(dem.bounds[0]).toBe(108);
    expect(dem.bounds[2]).toBeCloseTo(108.4, 12);
    expect(dem.label).toBe('W + E');
    expect(dem.synthetic).toBeUndefined();
    expect(dem.elevationM(108.5, 29.9)).toBeNaN();
  });

  it('asks the next tile where the first has a void on the shared edge', () => {
    const voidWest = createGridDem(grid({ samples: Int16Array.from([100, 200, 300, 400, 500, -32768, 700, 800, 900]), nodata: -32768 }));
    const m = mosaicDems([voidWest, east]);
    expect(m.elevationM(108.2, 29.9)).toBeCloseTo(600, 9);
    expect(m.elevationM(108.15, 29.9)).toBeNaN(); // only the west tile holds this point
  });

  it('flattens mosaics of mosaics; refuses an empty list', () => {
    expect(mosaicDems([dem, createGridDem(grid({ northLat: 29.8, label: 'S' }))]).grids).toHaveLength(3);
    expect(codeOf(() => mosaicDems([]))).toBe('invalid_dem');
  });
});
