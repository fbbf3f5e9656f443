/**
 * `npm run bench [-- options]`: seeded benchmarks of the core, each against a reference
 * implementation measured in the same run on the same input, printed as tables with ratios.
 *
 * Options:
 * - `--only=NAMES`: comma-separated parts to run (default: all), in this order:
 *   `dbscan` (alias `cluster`), `suggest`, `coverage`, `parse`, `classify`, `cli`, `bins` (the map's
 *   aggregation at low zoom vs H3 and supercluster: `bench-map-bins.ts`).
 * - `--sizes=10000,100000,1000000`: the sizes of `dbscan` (points), `bins` (homes), `parse` (CSV rows),
 *   `classify` (households parsed from that many rows) and `cli` (rows of the file).
 * - `--quick`: skips the slow references — Turf at 100,000 (then the ratio there is not
 *   measured), the plain greedy at 1,000,000 (~20 s), the reference parse at 1,000,000 (~20 s).
 *
 * Parts:
 * - dbscan: `clusterDbscan` against @turf/clusters-dbscan, same seeded synthetic counties
 *   (village-like clumps over a Chongqing-sized area, `synthetic-county.ts`), eps 500 m,
 *   minPoints 3, all points clustered in input order. Ours: median of 15 runs after 5 warm-up
 *   runs, typed arrays in, all sizes before any Turf run. Turf: its FeatureCollection built outside
 *   the timer, `mutate: true`; median of 3 runs at 10,000 points, one run at 100,000 (~2 minutes),
 *   not run at 1,000,000 (it throws a RangeError there; at the measured growth it would take hours
 *   anyway). "identical" compares cluster numbers point by point.
 * - suggest (maximal covering, issue 4 §4): see `benchSuggest`.
 * - coverage (terrain, issue 8): see `benchCoverage`.
 * - parse (issue 9): seeded household report CSV (`seeded-households-csv.ts`: the demo's Chinese
 *   headers and report styles, 9 columns, ~61 bytes a row, 4 % second reports, ~0.05 % typos)
 *   from bytes to households and issues with `parseHouseholdsFile` (decode, CSV reader, column
 *   detection, validation, merge, classes) into columns (`columnsAbove: 0`, as the worker above
 *   50,000 homes and the CLI) and into `Household` objects (the columns made into objects: small
 *   files, the tests), against the pre-issue-9 pipeline
 *   (`reference-parse-households.ts`: the old CSV reader, `validateRows` → `mergeHouseholds`)
 *   on the decoded text. Median of 5 runs after 2 warm-ups at 10,000 rows, of 3 at 100,000, one
 *   run at 1,000,000. "identical" compares households and issues field for field and key for key (the
 *   columns made into objects too; their JSON); the run fails if they differ.
 * - classify (issue 9 §2): over the columns the worker holds for a large file (`parseHouseholdsFile`
 *   with `columnsAbove`: a `HouseholdTable` and its `HouseholdDetailsTable`), `classifyHouseholdColumns`
 *   under other thresholds (`RECLASSIFY_SETTINGS`: RSRP edges +5 dB, downlink edges ×2; about a
 *   fifth of the households change class, printed) against the pre-issue-9 `reclassifyHouseholds`
 *   on the same homes as objects (`reference-reclassify-households.ts`; "same classes": household
 *   by household, report by report), and under the parse's own settings (nothing changes); then, on
 *   the reclassified table, `clusterDbscan` over the uncovered homes, `analyzeBlindspots`
 *   (selection, DBSCAN, per cluster an outline, the homes inside it, villages, rank), and
 *   `aggregateAreas` by village against the pre-issue-9 `aggregateAreas` on the reference's objects
 *   (`reference-aggregate-areas.ts`; "identical": same report); "total" = classify + analyze +
 *   areas (target ≤ 2 s at 1,000,000). Median of 3 runs after a warm-up (5 for classify), one run at 1,000,000.
 * - cli (issue 9 §4): `analyze FILE --out …` on the seeded CSV written to the OS temp directory,
 *   spawned as `node --import tsx src/cli/main.ts` (what `npm run -s cli` runs, without npm);
 *   wall time from spawn to exit, peak resident memory from the child's own
 *   `process.resourceUsage().maxRSS` at exit. Median of 3 runs at 10,000 and 100,000, one at
 *   1,000,000; target ≤ 10 s and ≤ 2 GB at 1,000,000.
 * The machine and its load are printed first; timings on a shared VM vary ±50 % and more with its load.
 */
import os from 'node:os';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  aggregateAreas, analyzeBlindspots, classifyHouseholdColumns, classMask, clusterDbscan, DEFAULT_CLASSIFY_SETTINGS, decodeText, greedyMaxCover,
  householdsOfColumns, parseHouseholdsFile, type ClassifySettings, type Household, type ImportIssue, type MaxCoverInstance, type MaxCoverResult,
} from '../../src/core/index.ts';
import { seededHouseholdsCsv, writeSeededHouseholdsCsv } from './seeded-households-csv.ts';
import { referenceParseHouseholdsCsv } from './reference-parse-households.ts';
import { referenceAggregateAreas } from './reference-aggregate-areas.ts';
import { referenceReclassifyHouseholds } from './reference-reclassify-households.ts';
import { mulberry32, syntheticCounty } from './synthetic-county.ts';
import { plainGreedyMaxCover } from './plain-greedy-max-cover.ts';
import { benchMapBins } from './bench-map-bins.ts';
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
const onlyArg = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg === undefined ? undefined : new Set(onlyArg.split(',').map((x) => (x === 'cluster' ? 'dbscan' : x)));
const PARTS = ['dbscan', 'suggest', 'coverage', 'parse', 'classify', 'cli', 'bins'];
for (const name of only ?? []) {
  if (!PARTS.includes(name)) {
    console.error(`unknown part in --only: ${name} (one or more of ${PARTS.join(', ')}, or cluster)`);
    process.exit(2);
  }
}
const runs = (name: string): boolean => only === undefined || only.has(name);

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

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Async `time`. */
async function timeAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await f();
  return [out, performance.now() - t0];
}

/** Hash of households and issues as JSON, one household at a time (a 1,000,000-home array is not one string). */
function parseDigest(households: readonly Household[], issues: readonly ImportIssue[]): string {
  const hash = createHash('sha256');
  for (const h of households) hash.update(JSON.stringify(h));
  hash.update(JSON.stringify(issues));
  return hash.digest('hex');
}

const runsAt = (n: number, small: number, mid: number): number => (n <= 10_000 ? small : n <= 100_000 ? mid : 1);

/** CSV → households: `parseHouseholdsFile` against the pre-issue-9 pipeline. */
async function benchParse(): Promise<void> {
  console.log('\nparse: seeded household CSV (seeded-households-csv.ts) → households and issues; ' +
    'parseHouseholdsFile (bytes) into columns (columnsAbove: what the worker does above 50,000 homes and the CLI always) and into ' +
    'Household objects, vs the pre-issue-9 reader, validateRows → mergeHouseholds (decoded text)\n');
  const rows: string[][] = [];
  let mismatch = false;
  for (const n of sizes) {
    const bytes = new TextEncoder().encode(seededHouseholdsCsv(n));
    const input = { name: 'bench.csv', bytes };
    const count = runsAt(n, 5, 3);
    for (let w = 0; w < (n <= 10_000 ? 2 : 0); w++) { await parseHouseholdsFile(input, {}, undefined, { columnsAbove: 0 }); await parseHouseholdsFile(input); }
    const columnTimes: number[] = [];
    const objectTimes: number[] = [];
    let digest = '';
    let households = 0, issues = 0;
    for (let r = 0; r < count; r++) {
      const [columns, columnsMs] = await timeAsync(() => parseHouseholdsFile(input, {}, undefined, { columnsAbove: 0 }));
      columnTimes.push(columnsMs);
      const [out, ms] = await timeAsync(() => parseHouseholdsFile(input));
      objectTimes.push(ms);
      if (r === 0) {
        digest = parseDigest(out.households, out.issues);
        const { table, details } = columns.homeColumns!;
        if (parseDigest(householdsOfColumns(table, details), columns.issues) !== digest) mismatch = true;
        households = out.households.length; issues = out.issues.length;
      }
    }
    const oursMs = median(columnTimes);
    const objectsMs = median(objectTimes);
    console.log(`ours, ${fmt(n)} rows: median ${oursMs.toFixed(0)} ms into columns, ${objectsMs.toFixed(0)} ms into objects`);
    let refCell = 'not run (--quick)', ratioCell = '–', sameCell = mismatch ? 'NO' : 'n/a';
    if (!(quick && n >= 1_000_000)) {
      const refTimes: number[] = [];
      for (let r = 0; r < count; r++) {
        const [out, ms] = time(() => referenceParseHouseholdsCsv(decodeText(bytes).text));
        refTimes.push(ms);
        if (r === 0) {
          const same = parseDigest(out.households, out.issues) === digest && !mismatch;
          if (!same) mismatch = true;
          sameCell = same ? 'yes' : 'NO';
        }
      }
      const refMs = median(refTimes);
      console.log(`reference, ${fmt(n)} rows: median ${refMs.toFixed(0)} ms`);
      refCell = refMs.toFixed(0);
      ratioCell = `${(refMs / oursMs).toFixed(1)}×`;
    }
    rows.push([
      fmt(n), (bytes.length / 1e6).toFixed(1), fmt(households), fmt(issues), oursMs.toFixed(0),
      `${Math.min(...columnTimes).toFixed(0)}–${Math.max(...columnTimes).toFixed(0)}`, ((1000 * oursMs) / n).toFixed(2), objectsMs.toFixed(0),
      refCell, ratioCell, sameCell,
    ]);
  }
  printTable(['rows', 'MB', 'households', 'issues', 'columns ms (median)', 'columns range', 'µs per row', 'objects ms', 'reference ms',
    'ratio (columns)', 'identical'], rows);
  if (mismatch) {
    console.error('\nthe parse differs from the reference (or its columns from its objects)');
    process.exitCode = 1;
  }
}

/**
 * Settings the classify part reclassifies under: the RSRP edges 5 dB higher and the downlink edges
 * doubled (stricter than the defaults the households are parsed with), so that a real share of
 * reports and households change class and `reclassifyHouseholds` does real work.
 */
const RECLASSIFY_SETTINGS: ClassifySettings = {
  ...DEFAULT_CLASSIFY_SETTINGS,
  thresholds: {
    rsrpNoneBelowDbm: DEFAULT_CLASSIFY_SETTINGS.thresholds.rsrpNoneBelowDbm + 5,
    rsrpPoorBelowDbm: DEFAULT_CLASSIFY_SETTINGS.thresholds.rsrpPoorBelowDbm + 5,
    rsrpFairBelowDbm: DEFAULT_CLASSIFY_SETTINGS.thresholds.rsrpFairBelowDbm + 5,
    downNoneBelowMbps: DEFAULT_CLASSIFY_SETTINGS.thresholds.downNoneBelowMbps * 2,
    downPoorBelowMbps: DEFAULT_CLASSIFY_SETTINGS.thresholds.downPoorBelowMbps * 2,
    downFairBelowMbps: DEFAULT_CLASSIFY_SETTINGS.thresholds.downFairBelowMbps * 2,
  },
};

/** Households (and reports) whose class differs between `a` and `b`, and whether `b` has the same classes as `c`. */
function compareClasses(a: readonly Household[], b: readonly Household[], c: readonly Household[]): {
  households: number; reports: number; same: boolean;
} {
  let households = 0, reports = 0, same = b.length === c.length;
  for (let i = 0; i < a.length; i++) {
    const ha = a[i]!, hb = b[i]!, hc = c[i];
    if (ha.cls !== hb.cls) households++;
    if (hb.cls !== hc?.cls || hb.reports.length !== hc.reports.length) same = false;
    for (let k = 0; k < ha.reports.length; k++) {
      if (ha.reports[k]!.cls !== hb.reports[k]!.cls) reports++;
      if (hb.reports[k]!.cls !== hc?.reports[k]?.cls) same = false;
    }
  }
  return { households, reports, same };
}

/** Classes, clusters and area stats of the parsed households (issue 9 §2: ≤ 2 s at 1,000,000). */
async function benchClassify(): Promise<void> {
  console.log('\nclassify + cluster + area stats over columns, as the worker holds a large file (parseHouseholdsFile with ' +
    'columnsAbove: a HouseholdTable and its HouseholdDetailsTable): classifyHouseholdColumns (parsed with the default thresholds, ' +
    'reclassified with the RSRP edges +5 dB and the downlink edges ×2) vs the pre-issue-9 reclassifyHouseholds on the same homes as ' +
    'objects, clusterDbscan over the uncovered, analyzeBlindspots (eps 500 m, 3 homes) and aggregateAreas by village on the ' +
    'reclassified table, the latter vs the pre-issue-9 aggregateAreas on objects\n');
  const rows: string[][] = [];
  let mismatch = false;
  const parsedWith = DEFAULT_CLASSIFY_SETTINGS;
  const settings = RECLASSIFY_SETTINGS;
  for (const n of sizes) {
    const bytes = new TextEncoder().encode(seededHouseholdsCsv(n));
    const { homeColumns } = await parseHouseholdsFile({ name: 'bench.csv', bytes }, { settings: parsedWith }, undefined, { columnsAbove: 0 });
    const { table, details } = homeColumns!;
    const households = householdsOfColumns(table, details); // the references' input
    const count = runsAt(n, 3, 3);
    // `warmUps` below 1,000,000: classify takes 5 (a few ms each at 10,000: one call leaves it half-compiled).
    const measure = <T>(f: () => T, warmUps = 1): [T, number] => {
      if (n < 1_000_000) for (let w = 0; w < warmUps; w++) f();
      const times: number[] = [];
      let out = undefined as T;
      for (let r = 0; r < count; r++) { const [o, ms] = time(f); out = o; times.push(ms); }
      return [out, median(times)];
    };
    const [reclassified, classifyMs] = measure(() => classifyHouseholdColumns(table, details, settings), 5);
    const [refReclassified, refReclassifyMs] = measure(() => referenceReclassifyHouseholds(households, settings), 5);
    const [, unchangedMs] = measure(() => classifyHouseholdColumns(table, details, parsedWith), 5);
    const reclassifiedHouseholds = householdsOfColumns(reclassified.table, reclassified.details);
    const changed = compareClasses(households, reclassifiedHouseholds, refReclassified);
    if (!changed.same) mismatch = true;
    const homes = reclassified.table;
    const mask = classMask(settings.uncovered);
    const uncovered: number[] = [];
    for (let i = 0; i < homes.count; i++) if (mask[homes.cls[i]!]) uncovered.push(i);
    const lon = Float64Array.from(uncovered, (i) => homes.lon[i]!);
    const lat = Float64Array.from(uncovered, (i) => homes.lat[i]!);
    const [, dbscanMs] = measure(() => clusterDbscan(lon, lat, { epsM: EPS_M, minPoints: MIN_POINTS }));
    const [analysis, analyzeMs] = measure(() => analyzeBlindspots(homes, []));
    const areaOptions = { level: 'village' as const, uncovered: settings.uncovered };
    const [areas, areasMs] = measure(() => aggregateAreas(homes, areaOptions));
    const [refAreas, refAreasMs] = measure(() => referenceAggregateAreas(refReclassified, areaOptions));
    const same = JSON.stringify(areas) === JSON.stringify(refAreas);
    if (!same) mismatch = true;
    const total = classifyMs + analyzeMs + areasMs;
    const pct = (k: number, of: number): string => `${((100 * k) / Math.max(1, of)).toFixed(1)} %`;
    const reportCount = details.reportLine.length;
    console.log(`${fmt(households.length)} households: classify ${classifyMs.toFixed(0)} ms (reference ` +
      `${refReclassifyMs.toFixed(0)} ms, same classes: ${changed.same ? 'yes' : 'NO'}; under the parse's own settings ` +
      `${unchangedMs.toFixed(0)} ms), ${fmt(changed.households)} households (${pct(changed.households, households.length)}) and ` +
      `${fmt(changed.reports)} of ${fmt(reportCount)} reports (${pct(changed.reports, reportCount)}) change class; ` +
      `analyze ${analyzeMs.toFixed(0)} ms, areas ${areasMs.toFixed(0)} ms (reference ${refAreasMs.toFixed(0)} ms)`);
    rows.push([
      fmt(households.length), pct(changed.households, households.length), classifyMs.toFixed(0), refReclassifyMs.toFixed(0),
      `${(refReclassifyMs / classifyMs).toFixed(1)}×`, changed.same ? 'yes' : 'NO', fmt(uncovered.length), fmt(analysis.clusters.length),
      dbscanMs.toFixed(0), analyzeMs.toFixed(0), areasMs.toFixed(0), refAreasMs.toFixed(0), `${(refAreasMs / areasMs).toFixed(1)}×`,
      same ? 'yes' : 'NO', fmt(areas.rows.length), total.toFixed(0),
    ]);
  }
  printTable(['households', 'class changed', 'classify ms', 'reference reclassify ms', 'ratio', 'same classes', 'uncovered', 'clusters',
    'DBSCAN ms', 'analyze ms', 'areas ms', 'reference areas ms', 'ratio', 'identical', 'villages', 'total ms'], rows);
  if (mismatch) {
    console.error('\nclassifyHouseholdColumns or aggregateAreas differs from its reference');
    process.exitCode = 1;
  }
}

/** Peak RSS of the child, printed by a preloaded exit hook on stderr. */
const RESOURCE_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('BENCH_MAX_RSS_KB '+process.resourceUsage().maxRSS+'\\n'))`;

function runCli(args: string[]): Promise<{ ms: number; maxRssKb: number; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', RESOURCE_HOOK, 'src/cli/main.ts', ...args],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const kb = Number(/BENCH_MAX_RSS_KB (\d+)/.exec(stderr)?.[1] ?? NaN);
      resolve({ ms, maxRssKb: kb, code, stderr });
    });
  });
}

/** `analyze` end to end as a child process (issue 9 §4: ≤ 10 s, ≤ 2 GB at 1,000,000 rows). */
async function benchCli(): Promise<void> {
  console.log('\ncli: npm run -s cli -- analyze FILE --out OUT on the seeded CSV, spawned (node --import tsx src/cli/main.ts); ' +
    'wall time, peak resident memory of the child\n');
  const rows: string[][] = [];
  let failed = false;
  for (const n of sizes) {
    const file = join(os.tmpdir(), `blindspot-bench-${n}.csv`);
    const out = join(os.tmpdir(), `blindspot-bench-${n}.geojson`);
    const bytes = await writeSeededHouseholdsCsv(file, n);
    const count = runsAt(n, 3, 3);
    const results: { ms: number; maxRssKb: number }[] = [];
    let summary: { households?: number; clusters?: number } = {};
    for (let r = 0; r < count; r++) {
      const run = await runCli(['analyze', file, '--out', out, '--generated-at', '2026-01-01T00:00:00Z']);
      if (run.code !== 0) {
        console.error(`analyze exited with ${run.code}: ${run.stderr.slice(0, 500)}`);
        failed = true;
        break;
      }
      summary = JSON.parse(run.stderr.split('\n').find((l) => l.startsWith('{')) ?? '{}') as typeof summary;
      results.push(run);
    }
    rmSync(file, { force: true });
    rmSync(out, { force: true });
    if (results.length === 0) continue;
    const ms = median(results.map((r) => r.ms));
    const rssMb = Math.max(...results.map((r) => r.maxRssKb)) / 1024;
    console.log(`cli, ${fmt(n)} rows: median ${ms.toFixed(0)} ms, peak RSS ${rssMb.toFixed(0)} MB`);
    const target = n >= 1_000_000 ? (ms <= 10_000 && rssMb <= 2048 ? 'met' : 'NOT met') : '–';
    rows.push([
      fmt(n), (bytes / 1e6).toFixed(1), fmt(summary.households ?? 0), fmt(summary.clusters ?? 0), ms.toFixed(0),
      `${Math.min(...results.map((r) => r.ms)).toFixed(0)}–${Math.max(...results.map((r) => r.ms)).toFixed(0)}`, rssMb.toFixed(0), target,
    ]);
  }
  printTable(['rows', 'MB', 'households', 'clusters', 'wall ms (median)', 'range', 'peak RSS MB', 'target ≤ 10 s, ≤ 2 GB'], rows);
  if (failed) process.exitCode = 1;
}

// The parts, in order (at the end: every helper above is initialised by then).
if (runs('dbscan')) benchDbscan();
if (runs('suggest')) benchSuggest();
if (runs('coverage')) benchCoverage();
if (runs('parse')) await benchParse();
if (runs('classify')) await benchClassify();
if (runs('cli')) await benchCli();
if (runs('bins')) benchMapBins(sizes, SEED, printTable);
