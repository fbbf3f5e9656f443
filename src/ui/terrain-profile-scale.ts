/**
 * Scales and axis ticks of the terrain profile chart: metres along the path → x, metres above
 * sea level (in the Earth-bulge frame of `terrainProfile`: ground + bulge, straight line of sight)
 * → y, for an SVG box. The vertical range holds every known obstacle height, the line of sight and
 * both boundaries of the first Fresnel zone, and the two antennas, rounded out to "nice" ticks
 * (1, 2 or 5 × 10ⁿ). Unknown heights (NaN) are left out; with nothing known the range is 0–100 m.
 * Cost: O(n) for n profile samples. Pure: no DOM.
 */
import type { TerrainProfile } from '../core/index.ts';

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface TerrainProfileScale {
  /** Metres from the site → x, px. */
  x: (distanceM: number) => number;
  /** Metres above sea level → y, px (down). */
  y: (heightM: number) => number;
  /** The plot area, px. */
  plot: { x0: number; x1: number; y0: number; y1: number };
  /** Vertical domain, m (y0 is at `maxM`, y1 at `minM`). */
  minM: number;
  maxM: number;
  /** Distance ticks, km, and the decimals their labels need. */
  xTicksKm: number[];
  xTickDigits: number;
  /** Elevation ticks, m. */
  yTicksM: number[];
}

/** The smallest 1, 2 or 5 × 10ⁿ at least `raw` (raw > 0). */
export function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5]) if (m * p >= raw * (1 - 1e-9)) return m * p;
  return 10 * p;
}

function ticks(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  const first = Math.ceil(min / step - 1e-9);
  for (let k = first; k * step <= max + step * 1e-9; k++) out.push(Math.round(k * step * 1e9) / 1e9);
  return out;
}

export function terrainProfileScale(profile: TerrainProfile, box: ChartBox, xTickCount = 6, yTickCount = 4): TerrainProfileScale {
  let lo = Infinity, hi = -Infinity;
  const take = (h: number): void => {
    if (Number.isFinite(h)) { if (h < lo) lo = h; if (h > hi) hi = h; }
  };
  const n = profile.distanceM.length;
  for (let k = 0; k < n; k++) {
    take(profile.heightM[k]!);
    const los = profile.losM[k]!, r = profile.fresnelRadiusM[k]!;
    take(los + r);
    take(los - r);
  }
  take(profile.txHeightM);
  take(profile.rxHeightM);
  if (!(hi >= lo)) { lo = 0; hi = 100; }
  if (hi - lo < 10) { lo -= 5; hi += 5; }
  const yStep = niceStep((hi - lo) / yTickCount);
  const minM = Math.floor(lo / yStep) * yStep;
  const maxM = Math.ceil(hi / yStep) * yStep;

  const totalM = profile.totalDistanceM > 0 ? profile.totalDistanceM : 1;
  const xStepKm = niceStep(totalM / 1000 / xTickCount);
  const plot = { x0: box.left, x1: box.width - box.right, y0: box.top, y1: box.height - box.bottom };
  return {
    x: (d) => plot.x0 + (d / totalM) * (plot.x1 - plot.x0),
    y: (h) => plot.y1 - ((h - minM) / (maxM - minM)) * (plot.y1 - plot.y0),
    plot, minM, maxM,
    xTicksKm: ticks(0, totalM / 1000, xStepKm),
    xTickDigits: Math.max(0, -Math.floor(Math.log10(xStepKm) + 1e-9)),
    yTicksM: ticks(minM, maxM, yStep),
  };
}
