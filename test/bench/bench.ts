/**
 * `npm run bench`: clusterDbscan against @turf/clusters-dbscan, measured in the same run on the
 * same seeded synthetic counties (village-like clumps over a Chongqing-sized area,
 * `synthetic-county.ts`), eps 500 m, minPoints 3, all points clustered in input order.
 *
 * Ours: median of 15 runs after 5 warm-up runs, typed arrays in, all sizes before any Turf run. Turf: its
 * FeatureCollection built outside the timer, `mutate: true`; median of 3 runs at 10,000 points,
 * one run at 100,000 (~2 minutes), not run at 1,000,000 (it throws a RangeError there; at the
 * measured growth it would take hours anyway). "identical" compares cluster numbers point by point.
 *
 * Then suggest (maximal covering, issue 4 §4): `greedyMaxCover` (lazy greedy) against
 * `plainGreedyMaxCover` (the same greedy without lazy evaluation: K × C circle queries), measured
 * in the same run on seeded synthetic homes (`syntheticCounty` over a 2.5° × 2.2° area of
 * eastern Chongqing, 107.0–109.5°E, 28.8–31.0°N), students 0–3 per home (seeded), candidates a
 * seeded sample of distinct homes, K = 20, radius 3 km: 100,000 homes × 1,000 candidates and
 * 1,000,000 × 10,000. Lazy: median of 5 runs after a warm-up (3 at 1,000,000); plain: median of 3
 * (1 at 1,000,000). "same picks" compares the pick sequences and totals; the run fails if they
 * differ.
 *
 * Flags: `--quick` skips Turf at 100,000 (then the ratio there is not measured) and the plain
 * greedy at 1,000,000 (~20 s); `--sizes=10000,100000` picks the DBSCAN sizes;
 * `--only=dbscan|suggest|coverage` runs one part (coverage: see `benchCoverage` at the end).
 */
import os from 'node:os';
import { clusterDbscan, greedyMaxCover, type MaxCoverInstance, type MaxCoverResult } from '../../src/core/index.ts';
import { mulberry32, syntheticCounty } from './synthetic-county.ts';
import { plainGreedyMaxCover } from './plain-greedy-max-cover.ts';
import { clustersDbscan, featureCollection, point } from '@turf/turf';
import {
  coverageOutline, coverageRaster, createGridDem, haversineLonLatM, sampleCoverageRaster, terrainCoverageModel, type CoverageRaster,
  type Site,
} from '../../src/core/index.ts';

const EPS_M = 500;
const MIN_POINTS = 3;
const SEED = 20_240_603;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const sizesArg = args.find((a) => a.startsWith('--sizes='));
const sizes = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : [10_000, 100_000, 1_000_000];
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
}

const cpus = os.cpus();
console.log(`machine: ${os.type()} ${os.release()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? '?'}, ` +
  `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

if (only === undefined || only === 'dbscan') benchDbscan();
if (only === undefined || only === 'suggest') benchSuggest();
if (only === undefined || only === 'coverage') benchCoverage();

function benchDbscan(): void {
  console.log(`clusterDbscan vs @turf/clusters-dbscan: eps ${EPS_M} m, minPoints ${MIN_POINTS}, seed ${SEED}\n`);

  // Ours first for every size (so that Turf's garbage does not weigh on our timings), then Turf.
  const counties = sizes.map((n) => ({ n, ...syntheticCounty(n, SEED) }));
  const ourResults = counties.map(({ n, lon, lat }) => {
    const options = { epsM: EPS_M, minPoints: MIN_POINTS };
    for (let w = 0; w < 5; w++) clusterDbscan(lon, lat, options);
    const times: number[] = [];
    let out = clusterDbscan(lon, lat, options);
    for (let r = 0; r < 15; r++) {
      const [result, ms] = time(() => clusterDbscan(lon, lat, options));
      out = result;
      times.push(ms);
    }
    console.log(`ours, n = ${n.toLocaleString('en-US')}: median ${median(times).toFixed(1)} ms`);
    return { out, times };
  });

  const rows: string[][] = [];
  counties.forEach(({ n, lon, lat }, k) => {
    const { out: ours, times: ourTimes } = ourResults[k]!;
    const oursMs = median(ourTimes);
    const noise = ours.clusterOf.reduce((s, c) => s + (c < 0 ? 1 : 0), 0);
    let turfCell = 'not run';
    let ratioCell = '–';
    let sameCell = 'n/a';
    const turfRuns = n <= 10_000 ? 3 : n <= 100_000 && !quick ? 1 : 0;
    if (turfRuns > 0) {
      const turfTimes: number[] = [];
      let turfClusters = new Int32Array(0);
      for (let r = 0; r < turfRuns; r++) {
        // A fresh FeatureCollection per run, built outside the timer; Turf may then skip its clone.
        const points = featureCollection(Array.from(lon, (x, i) => point([x, lat[i]!])));
        const [out, ms] = time(() => clustersDbscan(points, EPS_M, { units: 'meters', minPoints: MIN_POINTS, mutate: true }));
        turfClusters = Int32Array.from(out.features, (f) => f.properties.cluster ?? -1);
        turfTimes.push(ms);
      }
      const turfMs = median(turfTimes);
      turfCell = turfMs.toFixed(0);
      ratioCell = `${Math.round(turfMs / oursMs).toLocaleString('en-US')}×`;
      sameCell = turfClusters.every((c, i) => c === ours.clusterOf[i]) ? 'yes' : 'NO';
      console.log(`Turf, n = ${n.toLocaleString('en-US')}: ${turfCell} ms`);
    } else if (n >= 1_000_000) {
      turfCell = 'not run (RangeError)';
    }
    rows.push([
      n.toLocaleString('en-US'), oursMs.toFixed(1), `${Math.min(...ourTimes).toFixed(1)}–${Math.max(...ourTimes).toFixed(1)}`,
      turfCell, ratioCell, sameCell, ours.clusterCount.toLocaleString('en-US'), noise.toLocaleString('en-US'),
    ]);
  });

  printTable(['n', 'ours ms (median)', 'ours range', 'Turf ms', 'ratio', 'identical', 'clusters', 'noise'], rows);
}

function benchSuggest(): void {
  const K = 20, RADIUS_M = 3000;
  const box = { west: 107.0, east: 109.5, south: 28.8, north: 31.0 };
  console.log(`\ngreedyMaxCover (lazy) vs plainGreedyMaxCover: K = ${K}, radius ${RADIUS_M} m, seed ${SEED}, ` +
    `area ${box.west}–${box.east}°E × ${box.south}–${box.north}°N\n`);
  const rows: string[][] = [];
  let mismatch = false;
  for (const [n, c] of [[100_000, 1_000], [1_000_000, 10_000]] as const) {
    const { lon, lat } = syntheticCounty(n, SEED, box);
    const rnd = mulberry32(SEED + n);
    const weight = Float64Array.from({ length: n }, () => Math.floor(rnd() * 4));
    // A seeded sample of c distinct homes (partial Fisher–Yates) as candidates.
    const order = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < c; i++) { const j = i + Math.floor(rnd() * (n - i)); const t = order[i]!; order[i] = order[j]!; order[j] = t; }
    const pick = order.subarray(0, c);
    const inst: MaxCoverInstance = {
      lon, lat, weight, candLon: Float64Array.from(pick, (i) => lon[i]!), candLat: Float64Array.from(pick, (i) => lat[i]!), radiusM: RADIUS_M,
    };
    const big = n >= 1_000_000;
    greedyMaxCover(inst, K);
    const lazyTimes: number[] = [];
    let lazy = greedyMaxCover(inst, K);
    for (let r = 0; r < (big ? 3 : 5); r++) { const [out, ms] = time(() => greedyMaxCover(inst, K)); lazy = out; lazyTimes.push(ms); }
    const lazyMs = median(lazyTimes);
    console.log(`lazy, ${n.toLocaleString('en-US')} × ${c.toLocaleString('en-US')}: median ${lazyMs.toFixed(0)} ms`);
    let plainCell = 'not run (--quick)', ratioCell = '–', sameCell = 'n/a';
    if (!(big && quick)) {
      const plainTimes: number[] = [];
      let plain: MaxCoverResult = { picks: [], totalWeight: 0, totalPoints: 0 };
      for (let r = 0; r < (big ? 1 : 3); r++) { const [out, ms] = time(() => plainGreedyMaxCover(inst, K)); plain = out; plainTimes.push(ms); }
      const plainMs = median(plainTimes);
      console.log(`plain, ${n.toLocaleString('en-US')} × ${c.toLocaleString('en-US')}: ${plainMs.toFixed(0)} ms`);
      const same = plain.totalWeight === lazy.totalWeight && plain.totalPoints === lazy.totalPoints
        && plain.picks.length === lazy.picks.length && plain.picks.every((p, i) => p.candidate === lazy.picks[i]!.candidate);
      if (!same) mismatch = true;
      plainCell = plainMs.toFixed(0);
      ratioCell = `${(plainMs / lazyMs).toFixed(1)}×`;
      sameCell = same ? 'yes' : 'NO';
    }
    rows.push([
      n.toLocaleString('en-US'), c.toLocaleString('en-US'), lazyMs.toFixed(0),
      `${Math.min(...lazyTimes).toFixed(0)}–${Math.max(...lazyTimes).toFixed(0)}`, plainCell, ratioCell, sameCell,
      lazy.totalWeight.toLocaleString('en-US'), (lazy.meanCandidatePoints ?? 0).toFixed(0),
    ]);
  }
  printTable(['homes', 'candidates', 'lazy ms (median)', 'lazy range', 'plain ms', 'ratio', 'same picks', 'students covered', 'homes per circle'], rows);
  if (mismatch) {
    console.error('\nlazy and plain greedy picked differently');
    process.exitCode = 1;
  }
}

/**
 * Terrain-aware coverage (issue 8): one site's coverage raster (radial sweep, 720 radials, Hata
 * range ≈ 11.5 km with the defaults) on a seeded synthetic 3″ DEM (`createGridDem`, Int16,
 * 0.5° × 0.5° around 108.0°E 30.0°N: sharp ridges and valleys from seeded directional waves,
 * ≈ 200–1,500 m), for 6 seeded sites; target ≤ 300 ms per site. Per site: raster time (median
 * of 5 after a warm-up), outline time, covered cells, and the agreement of "raster ≥ −105 dBm"
 * with the exact rule `covers` (Deygout over a per-point profile) at every other cell centre each
 * way within the reach, with the time per `covers` call.
 * Then what terrain costs `suggest`: coverage sets of 20 seeded candidates over 5,000 seeded
 * homes (`syntheticCounty` in the DEM's box), by the exact `covers` on the homes within reach
 * and by a raster per candidate plus a cell look-up per home; the share of (candidate, home)
 * pairs on which both agree.
 */
function benchCoverage(): void {
  const CELL = 1 / 1200, HALF = 0.25, LON0 = 108.0, LAT0 = 30.0;
  const n = Math.round((2 * HALF) / CELL) + 1;
  const rnd = mulberry32(SEED + 8);
  const waves = Array.from({ length: 14 }, (_, k) => {
    const wavelengthM = 1500 + rnd() * 14_000, dir = rnd() * Math.PI;
    return { kx: (2 * Math.PI * Math.cos(dir)) / wavelengthM, ky: (2 * Math.PI * Math.sin(dir)) / wavelengthM,
      phase: rnd() * 2 * Math.PI, amplitudeM: (15 + 0.01 * wavelengthM) * (k % 3 === 0 ? 1.6 : 1), ridge: k % 2 === 0 };
  });
  const mPerDegLat = 111_195, mPerDegLon = 111_195 * Math.cos(LAT0 * Math.PI / 180);
  const samples = new Int16Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) {
    const x = (i * CELL - HALF) * mPerDegLon, y = (HALF - j * CELL) * mPerDegLat;
    let h = 700;
    for (const w of waves) {
      const s = Math.sin(w.kx * x + w.ky * y + w.phase);
      h += w.ridge ? w.amplitudeM * (1 - 2 * Math.abs(s)) : w.amplitudeM * s;
    }
    samples[j * n + i] = Math.round(Math.max(150, h));
  }
  let lo = Infinity, hi = -Infinity;
  for (const v of samples) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const dem = createGridDem({
    samples, width: n, height: n, westLon: LON0 - HALF, northLat: LAT0 + HALF, cellSizeDeg: [CELL, CELL], registration: 'point',
    label: 'bench terrain (synthetic)', synthetic: true,
  });
  console.log(`\ncoverage raster on a synthetic 3″ DEM: ${n} × ${n} samples, ${lo}–${hi} m, seed ${SEED + 8}; 720 radials, ` +
    'threshold −105 dBm, defaults (900 MHz, 10 MHz, 58 dBm, 30 m, open)\n');
  const model = terrainCoverageModel(dem);
  const site = (k: number, lon: number, lat: number): Site => ({
    id: `b${k}`, name: `b${k}`, lon, lat, status: 'proposed', antennaHeightM: 30, bandMHz: 900, eirpDbm: 58, radiusM: 0,
  });
  const sites = Array.from({ length: 6 }, (_, k) => site(k, LON0 + (rnd() - 0.5) * 0.16, LAT0 + (rnd() - 0.5) * 0.16));
  const rows: string[][] = [];
  let worst = 0;
  for (const s of sites) {
    coverageRaster(s, dem);
    const times: number[] = [];
    let r: CoverageRaster = coverageRaster(s, dem);
    for (let k = 0; k < 5; k++) { const [out, ms] = time(() => coverageRaster(s, dem)); r = out; times.push(ms); }
    const [outline, outlineMs] = time(() => coverageOutline(r, -105));
    let covered = 0, inReach = 0, agree = 0, checked = 0, coversMs = 0;
    for (let j = 0; j < r.height; j++) for (let i = 0; i < r.width; i++) {
      const v = r.rsrpDbm[j * r.width + i]!;
      if (Number.isNaN(v)) continue;
      inReach++;
      if (v >= -105) covered++;
      if (i % 2 || j % 2) continue;
      const lon = r.bounds[0] + (i + 0.5) * r.cellSizeDeg[0], lat = r.bounds[3] - (j + 0.5) * r.cellSizeDeg[1];
      const [exact, ms] = time(() => model.covers(s, lon, lat));
      coversMs += ms; checked++;
      if (exact === (v >= -105)) agree++;
    }
    const ms = median(times);
    worst = Math.max(worst, ms);
    rows.push([
      `${s.lon.toFixed(3)}, ${s.lat.toFixed(3)}`, String(Math.round(dem.elevationM(s.lon, s.lat))), `${r.width} × ${r.height}`, ms.toFixed(0),
      `${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}`, outlineMs.toFixed(0),
      outline.type === 'Polygon' ? '1' : String(outline.coordinates.length), `${((100 * covered) / inReach).toFixed(1)} %`,
      `${((100 * agree) / checked).toFixed(2)} % of ${checked.toLocaleString('en-US')}`, ((1000 * coversMs) / checked).toFixed(0),
    ]);
  }
  printTable(['site', 'ground m', 'grid', 'raster ms (median)', 'range', 'outline ms', 'parts', 'covered (of reach)',
    'agreement raster vs covers', 'covers µs'], rows);
  console.log(`\nworst median raster time: ${worst.toFixed(0)} ms (target ≤ 300 ms)`);

  // Coverage sets for suggest: exact covers vs raster look-up.
  const homes = syntheticCounty(5000, SEED + 9, { west: LON0 - 0.2, east: LON0 + 0.2, south: LAT0 - 0.2, north: LAT0 + 0.2 });
  const cands = Array.from({ length: 20 }, (_, k) => { const h = Math.floor(rnd() * 5000); return site(100 + k, homes.lon[h]!, homes.lat[h]!); });
  const reachM = model.reachM(cands[0]!);
  const near = cands.map((c) => {
    const out: number[] = [];
    for (let h = 0; h < 5000; h++) if (haversineLonLatM(c.lon, c.lat, homes.lon[h]!, homes.lat[h]!) <= reachM) out.push(h);
    return out;
  });
  const [exactSets, exactMs] = time(() => cands.map((c, k) => near[k]!.filter((h) => model.covers(c, homes.lon[h]!, homes.lat[h]!))));
  const [rasterSets, rasterMs] = time(() => cands.map((c, k) => {
    const r = coverageRaster(c, dem);
    return near[k]!.filter((h) => sampleCoverageRaster(r, homes.lon[h]!, homes.lat[h]!) >= -105);
  }));
  let pairs = 0, same = 0, exactCovered = 0;
  cands.forEach((_, k) => {
    const a = new Set(exactSets[k]), b = new Set(rasterSets[k]);
    exactCovered += a.size;
    for (const h of near[k]!) { pairs++; if (a.has(h) === b.has(h)) same++; }
  });
  printTable(['candidates', 'homes', 'homes within reach', 'exact covers ms', 'raster + look-up ms', 'homes covered (exact)', 'pairs agreeing'], [[
    '20', '5,000', pairs.toLocaleString('en-US'), exactMs.toFixed(0), rasterMs.toFixed(0), exactCovered.toLocaleString('en-US'),
    `${((100 * same) / pairs).toFixed(2)} %`,
  ]]);
}
