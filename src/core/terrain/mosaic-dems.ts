/**
 * Several grid DEMs (e.g. the SRTM tiles N29E107, N29E108, N30E107, N30E108 around Shizhu) seen as
 * one `Dem`, without a merged copy: each query goes to a grid whose bounds contain the point.
 *
 * Rules:
 * - The grids of every input (a mosaic's own grids included) are flattened into one list, in input
 *   order. A point is answered by a grid that contains it and has a value there: the grid that
 *   answered last is asked first (profiles walk through one tile for long runs), then the others
 *   in list order. Where grids overlap (SRTM tiles share their edge rows and columns, with the
 *   same values) and one gives NaN (a void or its edge), the next one is asked. NaN when no grid
 *   has a value. Overlapping grids that disagree give whichever answers first: not blended.
 * - `bounds`: the union of the grids' bounds (it may include gaps between grids: NaN there);
 *   `cellSizeDeg`: the finest spacing among them; `synthetic` only when every grid is.
 * - Grids are not copied; an empty list is an `invalid_dem` error.
 * Cost: `elevationM` O(1) while the point stays in the last grid, else O(grids); memory: none
 * beyond the grids.
 */
import { UserInputError } from '../model/errors.ts';
import { createGridDem, type GridDem } from './grid-dem.ts';

export function mosaicDems(dems: readonly GridDem[], label?: string): GridDem {
  const grids = dems.flatMap((d) => d.grids);
  if (grids.length === 0) throw new UserInputError('invalid_dem', 'no elevation data: the list of DEM files is empty');
  const parts = grids.map((g) => createGridDem(g));
  if (parts.length === 1) {
    const only = parts[0]!;
    return label === undefined ? only : { ...only, label };
  }
  const west = Math.min(...parts.map((p) => p.bounds[0]));
  const south = Math.min(...parts.map((p) => p.bounds[1]));
  const east = Math.max(...parts.map((p) => p.bounds[2]));
  const north = Math.max(...parts.map((p) => p.bounds[3]));
  const dLon = Math.min(...parts.map((p) => p.cellSizeDeg[0]));
  const dLat = Math.min(...parts.map((p) => p.cellSizeDeg[1]));
  const n = parts.length;
  const W = new Float64Array(n), S = new Float64Array(n), E = new Float64Array(n), N = new Float64Array(n);
  parts.forEach((p, i) => { [W[i], S[i], E[i], N[i]] = p.bounds; });
  let last = 0;

  function elevationM(lon: number, lat: number): number {
    for (let step = 0; step < n; step++) {
      const i = (last + step) % n;
      if (lon >= W[i]! && lon <= E[i]! && lat >= S[i]! && lat <= N[i]!) {
        const z = parts[i]!.elevationM(lon, lat);
        if (z === z) { last = i; return z; }
      }
    }
    return NaN;
  }

  return {
    bounds: [west, south, east, north] as const,
    cellSizeDeg: [dLon, dLat] as const,
    elevationM,
    label: label ?? parts.map((p) => p.label).join(' + '),
    ...(grids.every((g) => g.synthetic) ? { synthetic: true } : {}),
    grids,
  };
}
