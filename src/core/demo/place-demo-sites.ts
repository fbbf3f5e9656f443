/**
 * Synthetic existing base stations for the demo: one per street office of the county seat, one
 * near each township centre, then "valley" sites along the synthetic main roads (the minimum
 * spanning tree of township centres, longest links first) until `count` sites stand. No site may
 * come closer than a keep-away distance to the story's dead villages, so those stay far from any
 * site (a township site that cannot keep away moves off its centre, or is left out).
 * Not a real tower list (none was available offline); plausible spacing only.
 * Cost: O(townships² + count × (outline vertices + count)); Shizhu: a few ms.
 */
import type { CountyRegion } from './county-region.ts';
import type { TownshipCentre } from './place-township-centres.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface PlacedSite {
  x: number;
  y: number;
  heightM: number;
  bandMHz: number;
  eirpDbm: number;
  radiusM: number;
  operator: string;
  kind: 'seat' | 'township' | 'valley';
}

/** A point sites must keep `distanceM` away from. */
export interface KeepAway {
  x: number;
  y: number;
  distanceM: number;
}

export const SITE_PLACEMENT_DEFAULTS = Object.freeze({
  /** Total number of sites wanted. */
  count: 40,
  /** A township site is looked for within this distance of the township centre, metres. */
  townshipSearchM: 3_000,
  /** Valley sites keep at least this far from every other site, metres. */
  valleyMinSpacingM: 4_000,
  /** Sites keep this far from the county outline, metres. */
  edgeMarginM: 500,
  /** Operators with their shares of the sites. */
  operators: [['中国移动', 0.6], ['中国电信', 0.25], ['中国联通', 0.15]] as readonly (readonly [string, number])[],
  /** Coverage radius (radius model) by band, metres. */
  radiusByBandM: { 900: 3_000, 1800: 1_500 } as Readonly<Record<number, number>>,
});

export function placeDemoSites(
  townships: readonly TownshipCentre[],
  keepAway: readonly KeepAway[],
  region: CountyRegion,
  random: SeededRandom,
  options: Partial<typeof SITE_PLACEMENT_DEFAULTS> = {},
): PlacedSite[] {
  const o = { ...SITE_PLACEMENT_DEFAULTS, ...options };
  const sites: PlacedSite[] = [];
  const allowed = (x: number, y: number): boolean =>
    region.containsXY(x, y) && region.edgeDistanceM(x, y) >= o.edgeMarginM &&
    keepAway.every((k) => Math.hypot(k.x - x, k.y - y) >= k.distanceM);
  const operator = (): string => o.operators[random.weighted(o.operators.map(([, share]) => share))]![0];
  const add = (x: number, y: number, kind: PlacedSite['kind'], bandMHz: number): void => {
    sites.push({
      x, y, kind, bandMHz,
      heightM: random.pick([25, 30, 30, 35, 40, 45]),
      eirpDbm: random.pick([55, 58, 58, 60]),
      radiusM: o.radiusByBandM[bandMHz] ?? 3_000,
      operator: operator(),
    });
  };

  // 1. The county seat: one 1800 MHz site per street office.
  for (const t of townships.filter((u) => u.seat)) {
    const x = t.x + random.normal(0, 150), y = t.y + random.normal(0, 150);
    if (allowed(x, y) && sites.length < o.count) add(x, y, 'seat', 1800);
  }

  // 2. Townships: the allowed point nearest the centre among draws at growing distance.
  for (const t of townships.filter((u) => !u.seat)) {
    if (sites.length >= o.count) break;
    for (let k = 0; k < 60; k++) {
      const r = (o.townshipSearchM * k) / 60 + random.uniform(0, 150);
      const a = random.uniform(0, 2 * Math.PI);
      const x = t.x + r * Math.cos(a), y = t.y + r * Math.sin(a);
      if (allowed(x, y)) { add(x, y, 'township', 900); break; }
    }
  }

  // 3. Valleys: along the minimum spanning tree of township centres (Prim), longest links first.
  const edges: [TownshipCentre, TownshipCentre, number][] = [];
  const inTree = new Set<number>([0]);
  while (inTree.size < townships.length) {
    let best: [number, number, number] | undefined;
    for (const i of inTree) {
      for (let j = 0; j < townships.length; j++) {
        if (inTree.has(j)) continue;
        const a = townships[i]!, b = townships[j]!;
        const d = Math.hypot(a.x - b.x, a.y - b.y);
        if (!best || d < best[2]) best = [i, j, d];
      }
    }
    if (!best) break;
    inTree.add(best[1]);
    edges.push([townships[best[0]]!, townships[best[1]]!, best[2]]);
  }
  edges.sort((p, q) => q[2] - p[2]);
  for (let pass = 0; pass < 4 && sites.length < o.count; pass++) {
    for (const [a, b, length] of edges) {
      if (sites.length >= o.count) break;
      const f = random.uniform(0.3, 0.7);
      const side = random.normal(0, 400) / Math.max(length, 1);
      const x = a.x + f * (b.x - a.x) - side * (b.y - a.y);
      const y = a.y + f * (b.y - a.y) + side * (b.x - a.x);
      if (allowed(x, y) && sites.every((s) => Math.hypot(s.x - x, s.y - y) >= o.valleyMinSpacingM)) add(x, y, 'valley', 900);
    }
  }
  return sites;
}
