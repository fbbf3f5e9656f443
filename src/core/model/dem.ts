/** A digital elevation model in WGS-84: elevation in metres above sea level, NaN where unknown (nodata, outside). */
export interface Dem {
  /** [west, south, east, north], degrees. */
  bounds: readonly [number, number, number, number];
  /** Grid spacing in degrees (lon, lat): the model's resolution (3″ ≈ 0.000833°). */
  cellSizeDeg: readonly [number, number];
  /** Bilinear elevation at a point, metres; NaN outside or on nodata. */
  elevationM(lon: number, lat: number): number;
  /** Where it came from, for the UI and exports ("demo terrain (synthetic)", file names). */
  label: string;
  synthetic?: boolean;
}
