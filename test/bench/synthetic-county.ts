/**
 * Seeded synthetic homes for benchmarks and large tests: village-like clumps over a
 * Chongqing-sized area (105.3–110.2°E, 28.2–32.2°N, ~450 × 440 km).
 *
 * Villages are dropped uniformly over the area; each has 1–6 hamlets within ~1.5 km of its
 * centre; a hamlet holds 3–120 homes (skewed towards small) spread with a Gaussian of σ 60–250 m;
 * 6 % of homes are scattered alone over the whole area. Same seed ⇒ same homes, bit for bit
 * (mulberry32 + Box–Muller, no Math.random). Cost: O(n).
 */
export interface Homes {
  lon: Float64Array;
  lat: Float64Array;
}

export const CHONGQING_BOX = { west: 105.3, east: 110.2, south: 28.2, north: 32.2 } as const;

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const M_PER_DEG_LAT = 111_195;

export interface Box {
  west: number;
  east: number;
  south: number;
  north: number;
}

export function syntheticCounty(n: number, seed: number, box: Box = CHONGQING_BOX): Homes {
  const rnd = mulberry32(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const scattered = Math.round(n * 0.06);
  let k = 0;
  for (; k < scattered; k++) {
    lon[k] = box.west + rnd() * (box.east - box.west);
    lat[k] = box.south + rnd() * (box.north - box.south);
  }
  while (k < n) {
    const vLon = box.west + rnd() * (box.east - box.west);
    const vLat = box.south + rnd() * (box.north - box.south);
    const mPerDegLon = M_PER_DEG_LAT * Math.cos((vLat * Math.PI) / 180);
    const hamlets = 1 + Math.floor(rnd() * 6);
    for (let h = 0; h < hamlets && k < n; h++) {
      const hLon = vLon + (gauss() * 1500) / mPerDegLon;
      const hLat = vLat + (gauss() * 1500) / M_PER_DEG_LAT;
      const size = 3 + Math.floor(117 * rnd() ** 3);
      const sigma = 60 + rnd() * 190;
      for (let i = 0; i < size && k < n; i++, k++) {
        lon[k] = hLon + (gauss() * sigma) / mPerDegLon;
        lat[k] = hLat + (gauss() * sigma) / M_PER_DEG_LAT;
      }
    }
  }
  // Shuffle so that input order is not spatial (real files are sorted by village at best).
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const x = lon[i]!; lon[i] = lon[j]!; lon[j] = x;
    const y = lat[i]!; lat[i] = lat[j]!; lat[j] = y;
  }
  return { lon, lat };
}
