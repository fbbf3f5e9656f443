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
 * `--only=dbscan|suggest` runs one part.
 */
import os from 'node:os';
import { clusterDbscan, greedyMaxCover, type MaxCoverInstance, type MaxCoverResult } from '../../src/core/index.ts';
import { mulberry32, syntheticCounty } from './synthetic-county.ts';
import { plainGreedyMaxCover } from './plain-greedy-max-cover.ts';
import { clustersDbscan, featureCollection, point } from '@turf/turf';

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
