/**
 * Synthetic township centres spread over the county (the division lists carry no coordinates).
 * Street offices (街道) form the county seat: the first one is at `seatXY` when given (inside the
 * county), else drawn well inside the county; the others sit a couple of kilometres around it. Every other township gets a centre by best-candidate
 * sampling (Mitchell): of `candidates` random points inside the county and at least `edgeMarginM`
 * from its outline, the one farthest from the centres placed so far. This gives an even, Poisson-disc
 * like spread without a target spacing; it does not follow real geography (no real town positions
 * were available offline).
 * Cost: O(townships × candidates × (outline vertices + townships)); Shizhu: ~30 ms.
 */
import { invariant } from '../model/errors.ts';
import type { CountyRegion } from './county-region.ts';
import type { DemoTownshipInput } from './demo-types.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface TownshipCentre {
  code: string;
  name: string;
  x: number;
  y: number;
  /** True for a street office (街道) of the county seat. */
  seat: boolean;
}

export const TOWNSHIP_PLACEMENT_DEFAULTS = Object.freeze({
  /** Random points tried per township; more gives a more even spread. */
  candidates: 40,
  /** Township centres keep this far from the county outline, metres. */
  edgeMarginM: 2_500,
  /** The county seat keeps this far from the outline, metres. */
  seatEdgeMarginM: 8_000,
  /** Street offices after the first sit this far from it, metres. */
  seatSpreadM: 2_200,
  /** Give up drawing a valid random point after this many tries. */
  maxTries: 20_000,
});

export function placeTownshipCentres(
  townships: readonly DemoTownshipInput[],
  region: CountyRegion,
  random: SeededRandom,
  seatXY?: readonly [number, number],
  options: Partial<typeof TOWNSHIP_PLACEMENT_DEFAULTS> = {},
): TownshipCentre[] {
  const o = { ...TOWNSHIP_PLACEMENT_DEFAULTS, ...options };
  const randomInside = (marginM: number): [number, number] => {
    for (let tries = 0; tries < o.maxTries; tries++) {
      const x = random.uniform(region.minX, region.maxX);
      const y = random.uniform(region.minY, region.maxY);
      if (region.containsXY(x, y) && region.edgeDistanceM(x, y) >= marginM) return [x, y];
    }
    invariant(false, `no point found ${marginM} m inside the county outline`);
  };

  const placed: TownshipCentre[] = [];
  const streetOffices = townships.filter((t) => t.name.endsWith('街道'));
  const rural = townships.filter((t) => !t.name.endsWith('街道'));

  if (streetOffices.length > 0) {
    const [sx, sy] = seatXY && region.containsXY(seatXY[0], seatXY[1]) ? seatXY : randomInside(o.seatEdgeMarginM);
    const start = random.uniform(0, 2 * Math.PI);
    streetOffices.forEach((t, i) => {
      if (i === 0) {
        placed.push({ code: t.code, name: t.name, x: sx, y: sy, seat: true });
        return;
      }
      // Around the first, a quarter turn further each time one would fall outside the county.
      let angle = start + ((i - 1) * 2 * Math.PI) / Math.max(1, streetOffices.length - 1);
      for (let k = 0; k < 4 && !region.containsXY(sx + o.seatSpreadM * Math.cos(angle), sy + o.seatSpreadM * Math.sin(angle)); k++) angle += Math.PI / 2;
      placed.push({ code: t.code, name: t.name, x: sx + o.seatSpreadM * Math.cos(angle), y: sy + o.seatSpreadM * Math.sin(angle), seat: true });
    });
  }

  for (const t of rural) {
    let best: [number, number] | undefined;
    let bestScore = -Infinity;
    for (let c = 0; c < o.candidates; c++) {
      const [x, y] = randomInside(o.edgeMarginM);
      let score = Infinity;
      for (const p of placed) score = Math.min(score, Math.hypot(p.x - x, p.y - y));
      if (score > bestScore) { bestScore = score; best = [x, y]; }
    }
    invariant(best, 'a best candidate');
    placed.push({ code: t.code, name: t.name, x: best[0], y: best[1], seat: false });
  }

  // Back to the input order, so everything downstream follows the division list.
  const byCode = new Map(placed.map((p) => [p.code, p]));
  return townships.map((t) => byCode.get(t.code)!);
}
