/**
 * The demo's built-in terrain: a synthetic, seeded, clearly labelled elevation model of the demo
 * area at 3″ (≈ 80 × 92 m cells at 30° N), shaped so that the radio story holds: the villages
 * whose reports say "no signal" sit in valleys behind ridges as seen from the existing sites, and
 * the other villages see their nearest site. NOT real terrain: Shizhu's real relief (SRTM) is
 * different; load SRTM tiles or a GeoTIFF for planning.
 *
 * How (all in a local metric frame, distances in metres; one seeded PRNG, so one input and seed
 * give bit-identical heights on every platform — only +, ×, /, √, floor and comparisons):
 *  1. Relief: ridges striking NE–SW (35° east of north, like Shizhu's Fangdou and Qiyao ranges)
 *     from ridged gradient noise stretched along the strike, plus fractal detail, mapped to
 *     300–1,900 m.
 *  2. Valley floors: each site and each open village sits at the height of a smooth "valley floor"
 *     field (360–740 m) in a cone-shaped valley (walls rising 0.35 m per metre from the place;
 *     a flat pad of `sitePadM` under each site, so the antenna height is above known ground).
 *  3. Line of sight: between each open village and its nearest site, the ground within a corridor is
 *     capped below the straight line from the antenna top to the village's ground, lowered by the
 *     earth's bulge (k = 4/3) and the first Fresnel radius at 900 MHz (+ 5 m), with walls rising
 *     0.3 m/m beyond a 200 m wide floor: the receiver 1.5 m above the village centre then sees the
 *     antenna with the first Fresnel zone clear (no knife-edge loss). Site pads are restored after.
 *  4. Shadow: each shadowed village gets a basin holding its homes (floor 320–700 m) ringed by a
 *     ridge `ringOffsetM` beyond its farthest home, whose crest is high enough that the line from
 *     every site within `shadowSiteRangeM` (antenna top) to the closest home (1.5 m above the
 *     floor) passes at least `shadowMarginM` under it, and at least 450–850 m above the floor.
 *     Rings are applied last and win over everything else.
 *  5. Clamp to 300–1,900 m (a ring that would need more is clamped: counted in `stats`).
 * Limits: only the village centres (open) and the homes within the radius (shadowed) are
 * guaranteed; an open village whose corridor crosses a ring or another village's valley may still
 * be blocked (`stats.openBlocked` counts those for the straight line, measured after the fact).
 * Cost: the demo: 676 × 1,028 = 0.7 M cells in 0.3–0.6 s (Node 20, a busy 2-core machine); memory:
 * the Float32Array kept (2.8 MB) and, while building, a Float32 and a Uint16 scratch grid (4.2 MB).
 */
import type { GridDem } from './grid-dem.ts';
import { createGridDem } from './grid-dem.ts';
import { createGradientNoise } from './gradient-noise.ts';
import type { DemoTerrainInput, DemoTerrainPlace } from './demo-terrain-input.ts';
import { createSeededRandom } from '../demo/seeded-random.ts';
import { createLocalMetricFrame } from '../demo/local-metric-frame.ts';
import { DEMO_DEFAULT_SEED } from '../demo/generate-demo-scenario.ts';
import { UserInputError } from '../model/errors.ts';

export const DEMO_TERRAIN_LABEL = 'demo terrain (synthetic)';

export const DEMO_TERRAIN_DEFAULTS = Object.freeze({
  /** Grid spacing, degrees (3″, like SRTM3). */
  cellDeg: 1 / 1200,
  /** Margin around the sites and villages, degrees. */
  marginDeg: 0.03,
  minHeightM: 300,
  maxHeightM: 1_900,
  /** Across-strike spacing of the main ridges and their along-strike length scale, metres. */
  ridgeSpacingM: 9_000,
  ridgeLengthM: 30_000,
  /** Wavelength of the fractal detail and of the valley-floor field, metres. */
  detailWavelengthM: 7_000,
  floorWavelengthM: 25_000,
  /** Valley floors: lowest and highest, metres. */
  floorMinM: 360,
  floorMaxM: 740,
  /** Bowl around each site: rise a·d + b·d² metres at d metres (0.05, 6e-6: +204 m at 3 km, +516 m at 6 km, the
   *  highest relief by 13 km), reach, roughness (share of the rise). */
  bowlRise: [0.05, 6e-6] as readonly [number, number],
  bowlReachM: 13_000,
  bowlRoughness: 0.25,
  /** Flat pad under each site, radius, metres. */
  sitePadM: 100,
  /** Line-of-sight corridors: wavelength for the Fresnel clearance (900 MHz), extra clearance, floor half-width, wall slope, half-width. */
  corridorWavelengthM: 299_792_458 / 900e6,
  corridorExtraClearanceM: 5,
  corridorFloorHalfWidthM: 100,
  corridorWallSlope: 0.3,
  corridorHalfWidthM: 1_500,
  /** Corridors only to a nearest site closer than this, metres. */
  corridorMaxM: 15_000,
  /** Effective earth radius factor (standard atmosphere). */
  kFactor: 4 / 3,
  /** Shadowed villages: basin beyond the farthest home, crest beyond that, outer flank, metres. */
  basinOffsetM: 300,
  ringOffsetM: 1_200,
  ringOuterFlankM: 1_500,
  /** Crest at least this far above the line from a site to the basin, metres. */
  shadowMarginM: 60,
  /** Sites this close to a shadowed village are hidden from it, metres. */
  shadowSiteRangeM: 30_000,
  /** Crest height above the basin floor when no site asks for more, metres: uniform. */
  ringReliefM: [450, 850] as readonly [number, number],
  /** Crest variation along the ring (added, never below the requirement), metres. */
  ringCrestVariationM: 120,
  /** Default antenna height of a site, metres. */
  antennaHeightM: 30,
  /** Receiver height above the ground (household), metres. */
  receiverHeightM: 1.5,
});

/** Earth radius of the app's haversine, metres. */
const EARTH_RADIUS_M = 6_371_008.8;
/** Across-strike unit vector for a NE–SW strike of 35°: (cos 35°, −sin 35°), as literals (no trig). */
const ACROSS_X = 0.8191520442889918, ACROSS_Y = -0.573576436351046;

export interface DemoTerrainStats {
  cells: number;
  /** Open villages given a corridor, and those whose centre still does not see its site (straight line, no Fresnel). */
  openCorridors: number;
  openBlocked: number;
  /** Shadowed villages given a ring, and rings whose crest had to be clamped at the maximum height. */
  rings: number;
  ringsClamped: number;
}

export interface DemoTerrain extends GridDem {
  stats: DemoTerrainStats;
}

export function generateDemoTerrain(input: DemoTerrainInput): DemoTerrain {
  const o = DEMO_TERRAIN_DEFAULTS;
  const seed = input.seed ?? DEMO_DEFAULT_SEED;
  const random = createSeededRandom((seed ^ 0x7e11a1) >>> 0);
  const noise = createGradientNoise(random);

  // Grid: point-registered on the 3″ lattice (SRTM's), covering everything plus a margin.
  const lons = [...input.sites.map((s) => s.lon), ...input.shadowed.map((p) => p.lon), ...input.open.map((p) => p.lon)];
  const lats = [...input.sites.map((s) => s.lat), ...input.shadowed.map((p) => p.lat), ...input.open.map((p) => p.lat)];
  const [bw, bs, be, bn] = input.bounds ?? (lons.length > 0
    ? [Math.min(...lons) - o.marginDeg, Math.min(...lats) - o.marginDeg, Math.max(...lons) + o.marginDeg, Math.max(...lats) + o.marginDeg]
    : [NaN, NaN, NaN, NaN]);
  if (!(bw < be && bs < bn) || be - bw > 3 || bn - bs > 3) {
    throw new UserInputError('invalid_dem', 'demo terrain: nothing to build it around (no sites or villages), or an area over 3°', {});
  }
  const perDeg = 1 / o.cellDeg;
  const west = Math.floor(bw * perDeg) / perDeg, east = Math.ceil(be * perDeg) / perDeg;
  const south = Math.floor(bs * perDeg) / perDeg, north = Math.ceil(bn * perDeg) / perDeg;
  const width = Math.round((east - west) * perDeg) + 1;
  const height = Math.round((north - south) * perDeg) + 1;
  const frame = createLocalMetricFrame((west + east) / 2, (south + north) / 2);
  const xs = new Float64Array(width), ys = new Float64Array(height);
  for (let i = 0; i < width; i++) xs[i] = frame.toXY(west + i * o.cellDeg, 0)[0];
  for (let j = 0; j < height; j++) ys[j] = frame.toXY(0, north - j * o.cellDeg)[1];
  const mPerCellX = xs[1]! - xs[0]!, mPerCellY = ys[0]! - ys[1]!;
  const z = new Float32Array(width * height);
  /** Cells within [x0, x1] × [y0, y1] metres: calls visit(index, x, y). */
  const forCells = (x0: number, x1: number, y0: number, y1: number, visit: (k: number, x: number, y: number) => void): void => {
    const i0 = Math.max(0, Math.floor((x0 - xs[0]!) / mPerCellX)), i1 = Math.min(width - 1, Math.ceil((x1 - xs[0]!) / mPerCellX));
    const j0 = Math.max(0, Math.floor((ys[0]! - y1) / mPerCellY)), j1 = Math.min(height - 1, Math.ceil((ys[0]! - y0) / mPerCellY));
    for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) visit(j * width + i, xs[i]!, ys[j]!);
  };

  // 1. Relief, computed on every other row and column and filled in linearly (its finest detail,
  // ~900 m, spans ~10 cells: nothing is lost, and it is 4× fewer noise evaluations).
  const warp = (x: number, y: number): number => 0.6 * noise.noise(x / 20_000 + 31.7, y / 20_000 + 11.3);
  const relief = (x: number, y: number): number => {
    const across = (x * ACROSS_X + y * ACROSS_Y) / o.ridgeSpacingM + warp(x, y);
    const along = (x * -ACROSS_Y + y * ACROSS_X) / o.ridgeLengthM;
    const ridge = 1 - Math.abs(noise.noise(across + 0.5, along + 0.5)); // 1 on the ridge lines
    const detail = 0.5 + 0.5 * noise.fbm(x / o.detailWavelengthM + 57.1, y / o.detailWavelengthM + 3.9, 4);
    const s = 0.6 * ridge * ridge * ridge + 0.4 * detail;
    const v = s < 0.12 ? 0 : s > 0.95 ? 1 : (s - 0.12) / 0.83;
    return o.minHeightM + (o.maxHeightM - o.minHeightM) * v;
  };
  const sampled = (n: number, last: number): boolean => n % 2 === 0 || n === last;
  for (let j = 0; j < height; j++) {
    if (!sampled(j, height - 1)) continue;
    for (let i = 0; i < width; i++) if (sampled(i, width - 1)) z[j * width + i] = relief(xs[i]!, ys[j]!);
    for (let i = 1; i < width - 1; i += 2) z[j * width + i] = 0.5 * (z[j * width + i - 1]! + z[j * width + i + 1]!);
  }
  for (let j = 1; j < height - 1; j += 2) {
    for (let i = 0; i < width; i++) z[j * width + i] = 0.5 * (z[(j - 1) * width + i]! + z[(j + 1) * width + i]!);
  }

  // 2. Valleys: a bowl around each site, rising from its valley floor (concave up: from the
  // antenna every point of a smooth bowl is in sight), roughened in proportion to the height gained.
  const floorAt = (x: number, y: number): number =>
    o.floorMinM + (o.floorMaxM - o.floorMinM) * (0.5 + 0.5 * noise.fbm(x / o.floorWavelengthM + 101.3, y / o.floorWavelengthM + 77.7, 2));
  const sites = input.sites.map((s) => {
    const [x, y] = frame.toXY(s.lon, s.lat);
    return { x, y, groundM: floorAt(x, y), mastM: s.antennaHeightM ?? o.antennaHeightM };
  });
  // The lowest bowl at each cell (and whose it is), then roughened where it is below the relief.
  const [bowlA, bowlB] = o.bowlRise;
  const bowl = new Float32Array(width * height).fill(Infinity);
  const bowlSite = new Uint16Array(width * height);
  sites.forEach((s, si) => {
    const reach = o.bowlReachM;
    forCells(s.x - reach, s.x + reach, s.y - reach, s.y + reach, (k, x, y) => {
      const dx = x - s.x, dy = y - s.y;
      const d = Math.sqrt(dx * dx + dy * dy);
      const target = s.groundM + bowlA * d + bowlB * d * d;
      if (d <= reach && target < bowl[k]!) { bowl[k] = target; bowlSite[k] = si; }
    });
  });
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const k = j * width + i;
      const b = bowl[k]!;
      if (!(b < Infinity)) continue;
      const floor = sites[bowlSite[k]!]!.groundM;
      if (floor + (b - floor) * (1 - o.bowlRoughness) >= z[k]!) continue; // relief lower whatever the noise
      const target = floor + (b - floor) * (1 + o.bowlRoughness * noise.fbm(xs[i]! / 2_500 + 7.7, ys[j]! / 2_500 + 1.9, 3));
      if (z[k]! > target) z[k] = target;
    }
  }

  // 3. Line-of-sight corridors from each open village to its nearest site, against the ground as
  // it now is (two passes: a corridor may lower the ground under another village).
  const open = input.open.map((p) => {
    const [x, y] = frame.toXY(p.lon, p.lat);
    return { x, y };
  });
  const groundAt = (x: number, y: number): number => {
    const fi = (x - xs[0]!) / mPerCellX, fj = (ys[0]! - y) / mPerCellY;
    const i = Math.min(width - 2, Math.max(0, Math.floor(fi))), j = Math.min(height - 2, Math.max(0, Math.floor(fj)));
    const tx = Math.min(1, Math.max(0, fi - i)), ty = Math.min(1, Math.max(0, fj - j));
    const k = j * width + i;
    return (1 - ty) * ((1 - tx) * z[k]! + tx * z[k + 1]!) + ty * ((1 - tx) * z[k + width]! + tx * z[k + width + 1]!);
  };
  const bulgeDivisor = 2 * o.kFactor * EARTH_RADIUS_M;
  const corridorOf: (number | undefined)[] = open.map((p) => {
    let best: number | undefined, bestD = Infinity;
    sites.forEach((s, i) => { const d = Math.hypot(s.x - p.x, s.y - p.y); if (d < bestD) { bestD = d; best = i; } });
    return bestD <= o.corridorMaxM && bestD >= 1 ? best : undefined;
  });
  const openCorridors = corridorOf.filter((c) => c !== undefined).length;
  for (let pass = 0; pass < 2; pass++) {
    open.forEach((p, vi) => {
      const si = corridorOf[vi];
      if (si === undefined) return;
      const s = sites[si]!;
      const dx = p.x - s.x, dy = p.y - s.y;
      const length = Math.sqrt(dx * dx + dy * dy);
      const ux = dx / length, uy = dy / length;
      const top = s.groundM + s.mastM, end = groundAt(p.x, p.y);
      const w = o.corridorHalfWidthM;
      forCells(Math.min(s.x, p.x) - w, Math.max(s.x, p.x) + w, Math.min(s.y, p.y) - w, Math.max(s.y, p.y) + w, (k, x, y) => {
        const along = (x - s.x) * ux + (y - s.y) * uy;
        if (along <= 0 || along >= length) return;
        const across = Math.abs((x - s.x) * uy - (y - s.y) * ux);
        if (across > w) return;
        const d1 = along, d2 = length - along;
        const line = top + (end - top) * (d1 / length);
        const fresnel = Math.sqrt((o.corridorWavelengthM * d1 * d2) / length);
        const cap = line - (d1 * d2) / bulgeDivisor - fresnel - o.corridorExtraClearanceM * Math.min(1, d2 / 200)
          + o.corridorWallSlope * Math.max(0, across - o.corridorFloorHalfWidthM);
        if (z[k]! > cap) z[k] = cap;
      });
    });
  }
  // Site pads: the ground under each antenna is its valley floor.
  for (const s of sites) {
    const r = o.sitePadM;
    forCells(s.x - r, s.x + r, s.y - r, s.y + r, (k, x, y) => {
      if (Math.hypot(x - s.x, y - s.y) <= r) z[k] = s.groundM;
    });
  }

  // 4. Basins ringed by ridges around the shadowed villages.
  let ringsClamped = 0;
  for (const place of input.shadowed) ringsClamped += shadowRing(place) ? 1 : 0;

  function shadowRing(place: DemoTerrainPlace): boolean {
    const [cx, cy] = frame.toXY(place.lon, place.lat);
    const floor = Math.max(o.minHeightM + 20, floorAt(cx, cy) - 40);
    const basinR = place.radiusM + o.basinOffsetM;
    const crestR = place.radiusM + o.ringOffsetM;
    const receiver = floor + o.receiverHeightM;
    let crest = floor + o.ringReliefM[0] + random.next() * (o.ringReliefM[1] - o.ringReliefM[0]);
    for (const s of sites) {
      const d = Math.hypot(s.x - cx, s.y - cy);
      if (d > o.shadowSiteRangeM || d <= crestR) continue;
      // The closest home lies `radiusM` from the centre towards the site; the crest `crestR − radiusM` beyond it.
      const top = s.groundM + s.mastM;
      const fromHome = crestR - place.radiusM, span = d - place.radiusM;
      const lineAtCrest = receiver + (top - receiver) * (fromHome / span) + (fromHome * (span - fromHome)) / bulgeDivisor;
      crest = Math.max(crest, lineAtCrest + o.shadowMarginM);
    }
    const maxCrest = o.maxHeightM - o.ringCrestVariationM;
    const clamped = crest > maxCrest;
    if (clamped) crest = maxCrest;
    const outer = crestR + o.ringOuterFlankM;
    const smooth = (t: number): number => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));
    forCells(cx - outer, cx + outer, cy - outer, cy + outer, (k, x, y) => {
      const d = Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
      if (d > outer) return;
      // Crest height varies along the ring: noise sampled on the ring itself (no angles needed).
      const rx = d > 0 ? cx + (crestR * (x - cx)) / d : cx, ry = d > 0 ? cy + (crestR * (y - cy)) / d : cy;
      const top = crest + o.ringCrestVariationM * (0.5 + 0.5 * noise.noise(rx / 1_500 + 13.1, ry / 1_500 + 5.3));
      if (d <= basinR) z[k] = floor + 30 * (d / basinR) * (d / basinR);
      else if (d <= crestR) z[k] = floor + 30 + (top - floor - 30) * smooth((d - basinR) / (crestR - basinR));
      else {
        const flank = top - (top - floor) * smooth((d - crestR) / o.ringOuterFlankM);
        if (z[k]! < flank) z[k] = flank;
      }
    });
    return clamped;
  }

  // 5. Clamp.
  for (let k = 0; k < z.length; k++) {
    const v = z[k]!;
    z[k] = v < o.minHeightM ? o.minHeightM : v > o.maxHeightM ? o.maxHeightM : v;
  }

  const dem = createGridDem({
    samples: z, width, height, westLon: west, northLat: north, cellSizeDeg: [o.cellDeg, o.cellDeg],
    registration: 'point', label: DEMO_TERRAIN_LABEL, synthetic: true,
  });

  // Straight-line check of the open villages (what step 3 promises), for the stats.
  let openBlocked = 0;
  open.forEach((p, vi) => {
    const si = corridorOf[vi];
    if (si === undefined) return;
    const s = sites[si]!;
    const [sLon, sLat] = frame.toLonLat(s.x, s.y), [pLon, pLat] = frame.toLonLat(p.x, p.y);
    const top = dem.elevationM(sLon, sLat) + s.mastM, end = dem.elevationM(pLon, pLat) + o.receiverHeightM;
    const steps = Math.max(2, Math.ceil(Math.hypot(p.x - s.x, p.y - s.y) / 40));
    for (let q = 1; q < steps; q++) {
      const t = q / steps;
      if (dem.elevationM(sLon + t * (pLon - sLon), sLat + t * (pLat - sLat)) > top + t * (end - top)) { openBlocked++; break; }
    }
  });

  return {
    ...dem,
    stats: { cells: width * height, openCorridors, openBlocked, rings: input.shadowed.length, ringsClamped },
  };
}
