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
 * Flags: `--quick` skips Turf at 100,000 (then the ratio there is not measured);
 * `--sizes=10000,100000` picks sizes.
 */
import os from 'node:os';
import { clusterDbscan } from '../../src/core/index.ts';
import { syntheticCounty } from './synthetic-county.ts';
import { clustersDbscan, featureCollection, point } from '@turf/turf';

const EPS_M = 500;
const MIN_POINTS = 3;
const SEED = 20_240_603;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const sizesArg = args.find((a) => a.startsWith('--sizes='));
const sizes = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : [10_000, 100_000, 1_000_000];

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

const header = ['n', 'ours ms (median)', 'ours range', 'Turf ms', 'ratio', 'identical', 'clusters', 'noise'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
