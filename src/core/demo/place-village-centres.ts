/**
 * Synthetic village centres around their township's centre (the lists carry no coordinates).
 * Urban communities (社区 / 居民委员会) sit in the township's built-up core, within `coreRadiusM`.
 * Rural villages (村民委员会) are spread by best-candidate sampling over a disc around the centre
 * whose radius is a share of the distance to the nearest other township centre; a candidate must be
 * inside the county, `edgeMarginM` from its outline, and nearer its own township centre than any
 * other (so townships stay in one piece). Villages listed in `remoteVillageCodes` are placed first
 * and on purpose far from every township centre: the story's dead, out-of-the-way villages.
 * Not real geography: villages are in the right township, not at their real place.
 * Cost: O(villages × candidates × (outline vertices + townships)); Shizhu: ~50 ms.
 */
import type { CountyRegion } from './county-region.ts';
import type { DemoVillageInput } from './demo-types.ts';
import type { TownshipCentre } from './place-township-centres.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface VillageCentre {
  code: string;
  name: string;
  townshipCode: string;
  x: number;
  y: number;
  /** True for a rural village (村民委员会), false for an urban community. */
  rural: boolean;
}

export const VILLAGE_PLACEMENT_DEFAULTS = Object.freeze({
  /** Random points tried per village. */
  candidates: 16,
  /** Rural villages spread up to this share of the distance to the nearest other township centre. */
  spreadShare: 0.6,
  /** …but at least / at most this far from their township centre, metres. */
  minSpreadM: 2_500,
  maxSpreadM: 6_500,
  /** Rural village centres keep at least this far from their township centre, metres. */
  innerRadiusM: 900,
  /** Communities sit within this distance of the township centre (street offices: 1.5×), metres. */
  coreRadiusM: 800,
  /** Village centres keep this far from the county outline, metres. */
  edgeMarginM: 600,
  /** Remote villages are drawn between these shares of the township's spread radius. */
  remoteShare: [0.9, 1.35] as readonly [number, number],
  /** Random points tried for a remote village. */
  remoteCandidates: 60,
});

/** True for a rural village; false for an urban community (社区, 居民委员会). */
export function isRuralVillageName(name: string): boolean {
  return name.includes('村民委员会') || (name.endsWith('村') && !name.includes('社区'));
}

export function placeVillageCentres(
  villages: readonly DemoVillageInput[],
  townships: readonly TownshipCentre[],
  region: CountyRegion,
  random: SeededRandom,
  remoteVillageCodes: ReadonlySet<string> = new Set(),
  options: Partial<typeof VILLAGE_PLACEMENT_DEFAULTS> = {},
): VillageCentre[] {
  const o = { ...VILLAGE_PLACEMENT_DEFAULTS, ...options };
  const placed = new Map<string, VillageCentre>();
  const nearestOtherCentre = (t: TownshipCentre, x: number, y: number): number => {
    let d = Infinity;
    for (const u of townships) if (u.code !== t.code) d = Math.min(d, Math.hypot(u.x - x, u.y - y));
    return d;
  };
  const validFor = (t: TownshipCentre, x: number, y: number, margin: number): boolean =>
    region.containsXY(x, y) && region.edgeDistanceM(x, y) >= margin &&
    Math.hypot(t.x - x, t.y - y) <= nearestOtherCentre(t, x, y);
  const inDisc = (t: TownshipCentre, r0: number, r1: number): [number, number] => {
    // Uniform over the annulus r0 … r1.
    const r = Math.sqrt(random.uniform(r0 * r0, r1 * r1));
    const a = random.uniform(0, 2 * Math.PI);
    return [t.x + r * Math.cos(a), t.y + r * Math.sin(a)];
  };

  /** Of the first `count` valid draws (at most 4,000 tries), the one with the highest score. */
  const bestOf = (count: number, draw: () => [number, number], valid: (p: [number, number]) => boolean,
    score: (p: [number, number]) => number): [number, number] | undefined => {
    let best: [number, number] | undefined;
    let bestScore = -Infinity;
    for (let tries = 0, found = 0; tries < 4000 && found < count; tries++) {
      const p = draw();
      if (!valid(p)) continue;
      found++;
      const s = score(p);
      if (s > bestScore) { bestScore = s; best = p; }
    }
    return best;
  };

  for (const t of townships) {
    const own = villages.filter((v) => v.streetCode === t.code);
    const spread = Math.min(o.maxSpreadM, Math.max(o.minSpreadM, o.spreadShare * nearestOtherCentre(t, t.x, t.y)));
    const ordered = [...own.filter((v) => remoteVillageCodes.has(v.code)), ...own.filter((v) => !remoteVillageCodes.has(v.code))];
    const siblings: [number, number][] = [];
    for (const v of ordered) {
      const rural = isRuralVillageName(v.name);
      let best: [number, number] | undefined;
      if (!rural) {
        const core = (t.seat ? 1.5 : 1) * o.coreRadiusM;
        best = bestOf(1, () => inDisc(t, 0, core), (p) => region.containsXY(p[0], p[1]), () => 0);
      } else if (remoteVillageCodes.has(v.code)) {
        best = bestOf(o.remoteCandidates, () => inDisc(t, o.remoteShare[0] * spread, o.remoteShare[1] * spread),
          (p) => validFor(t, p[0], p[1], o.edgeMarginM),
          (p) => Math.min(...townships.map((u) => Math.hypot(u.x - p[0], u.y - p[1]))));
      } else {
        best = bestOf(o.candidates, () => inDisc(t, o.innerRadiusM, spread),
          (p) => validFor(t, p[0], p[1], o.edgeMarginM),
          (p) => Math.min(Math.hypot(t.x - p[0], t.y - p[1]), ...siblings.map((s) => Math.hypot(s[0] - p[0], s[1] - p[1]))));
      }
      // Fallback (tiny or oddly shaped township): the township centre itself, slightly jittered.
      const [x, y] = best ?? [t.x + random.normal(0, 200), t.y + random.normal(0, 200)];
      if (rural) siblings.push([x, y]);
      placed.set(v.code, { code: v.code, name: v.name, townshipCode: t.code, x, y, rural });
    }
  }
  return villages.filter((v) => placed.has(v.code)).map((v) => placed.get(v.code)!);
}
