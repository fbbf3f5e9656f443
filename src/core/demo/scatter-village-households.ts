/**
 * Home positions of one village: a few hamlets (组) a few hundred metres around the village centre,
 * homes scattered normally around their hamlet; urban communities are one hamlet with a wider
 * scatter. Positions are rounded to 6 decimals first and kept only if the rounded point is inside
 * the county (Turf's booleanPointInPolygon); after `maxTries` misses a home falls back to its
 * hamlet centre (a hamlet centre outside the county falls back to the village centre, which the
 * caller guarantees to be inside).
 * Cost: O(homes × outline vertices); Shizhu: ~6,000 homes in ~20 ms.
 */
import type { CountyRegion } from './county-region.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { VillageCentre } from './place-village-centres.ts';

export interface ScatteredHome {
  lon: number;
  lat: number;
  x: number;
  y: number;
  /** Index of the home's hamlet within the village. */
  hamlet: number;
}

export const HOME_SCATTER_DEFAULTS = Object.freeze({
  /** Hamlets per rural village, both ends included. */
  hamlets: [2, 4] as readonly [number, number],
  /** Hamlet centres lie this far from the village centre, metres. */
  hamletDistanceM: [250, 1_100] as readonly [number, number],
  /** Standard deviation of a rural home around its hamlet centre, metres. */
  ruralScatterM: 160,
  /** Standard deviation of an urban home around its community centre, metres. */
  urbanScatterM: 250,
  maxTries: 50,
});

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

export function scatterVillageHouseholds(
  village: VillageCentre,
  count: number,
  region: CountyRegion,
  random: SeededRandom,
  /** Homes per hamlet, when the story fixes them (their sum is the village's count). */
  hamletSizes?: readonly number[],
  options: Partial<typeof HOME_SCATTER_DEFAULTS> = {},
): ScatteredHome[] {
  const o = { ...HOME_SCATTER_DEFAULTS, ...options };
  const hamletCount = hamletSizes?.length ?? (village.rural ? random.int(o.hamlets[0], o.hamlets[1]) : 1);
  const hamlets: [number, number][] = [];
  for (let h = 0; h < hamletCount; h++) {
    if (!village.rural) { hamlets.push([village.x, village.y]); continue; }
    const r = random.uniform(o.hamletDistanceM[0], o.hamletDistanceM[1]);
    const a = random.uniform(0, 2 * Math.PI);
    const x = village.x + r * Math.cos(a), y = village.y + r * Math.sin(a);
    hamlets.push(region.containsXY(x, y) ? [x, y] : [village.x, village.y]);
  }
  // Hamlets of uneven size: weights drawn once per village.
  const weights = hamlets.map(() => random.uniform(0.5, 2));
  // Fixed sizes: the first sizes[0] homes in hamlet 0, the next sizes[1] in hamlet 1, …
  const fixedHamlets = hamletSizes?.flatMap((size, h) => Array.from({ length: size }, () => h));
  const scatter = village.rural ? o.ruralScatterM : o.urbanScatterM;

  const homes: ScatteredHome[] = [];
  for (let i = 0; i < count; i++) {
    const hamlet = fixedHamlets ? (fixedHamlets[i] ?? hamlets.length - 1) : random.weighted(weights);
    const [hx, hy] = hamlets[hamlet]!;
    let home: ScatteredHome | undefined;
    for (let tries = 0; tries < o.maxTries && !home; tries++) {
      const [lon, lat] = region.frame.toLonLat(hx + random.normal(0, scatter), hy + random.normal(0, scatter));
      const rlon = round6(lon), rlat = round6(lat);
      if (region.containsLonLat(rlon, rlat)) home = { lon: rlon, lat: rlat, ...xyOf(region, rlon, rlat), hamlet };
    }
    if (!home) {
      const [lon, lat] = region.frame.toLonLat(hx, hy);
      home = { lon: round6(lon), lat: round6(lat), ...xyOf(region, round6(lon), round6(lat)), hamlet };
    }
    homes.push(home);
  }
  return homes;
}

function xyOf(region: CountyRegion, lon: number, lat: number): { x: number; y: number } {
  const [x, y] = region.frame.toXY(lon, lat);
  return { x, y };
}
