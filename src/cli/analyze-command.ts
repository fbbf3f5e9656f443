/**
 * `analyze FILE [--eps-m 500] [--min-households 3] [--uncovered none,poor] [--sites SITES]
 * [--sites-crs wgs84|gcj02|bd09] [--privacy] [--out clusters.geojson] [--sheet NAME]
 * [--crs wgs84|gcj02|bd09] [--encoding utf-8|gb18030] [--fix-swapped] [--merge worst|latest]
 * [--threshold-… N]` (FORMATS.md §5, §8): reads household reports (CSV, GeoJSON or .xlsx) with the
 * app's own parser (`parseHouseholdsFile`; rows with issues are counted, the good rows used),
 * existing sites with `parseSitesFile` (a simple site list in CSV or .xlsx, whose positions
 * `--sites-crs` converts, or an OpenCelliD cell export), runs `analyzeBlindspots` and writes the clusters
 * FeatureCollection (`clustersToGeoJson`) to `--out` or stdout — the collection's header on the
 * first line, then one feature per line, so the file diffs well and still parses as one JSON.
 * A one-line JSON summary goes to stderr:
 * `{ok, households, uncoveredHouseholds, uncoveredStudents, clusters, isolatedHouseholds,
 * isolatedHouseholdIds (not with --privacy), issues, epsM, minHouseholds}` plus, with --sites,
 * `sites` and `siteIssues`, and for an OpenCelliD export `sitesKind: "opencellid"` and `cells`.
 * `--dem DEM.tif|N29E107.hgt,…|demo` (needs `--sites`; issue 8 §3): the existing sites' coverage
 * predicted over the terrain (`terrainCoverageModel`, threshold = the `fair` edge,
 * --threshold-rsrp-poor) flags the households with no usable report (`unknown`) that no site is
 * predicted to cover. A flag only: classes, clusters and counts above are unchanged. The file's
 * `blindspot` header gains `predictedUncovered: {coverageModel: "terrain", dem, thresholdDbm,
 * unknownHouseholds, households, students, householdIds (not with --privacy)}` and the summary
 * `dem`, `predictedUncoveredHouseholds` and `predictedUncoveredStudents`.
 * Exit codes: 0 done (even with row issues); 1 a file cannot be used (unreadable, no usable
 * household row; a DEM that cannot be used); 2 bad usage (unknown option, --eps-m not a number in
 * 0.001 … 1,000,000 m, --min-households not a whole number ≥ 1, no or an unknown class in
 * --uncovered, --dem without --sites).
 * Hidden option `--generated-at ISO` stamps the output with a fixed time (golden tests).
 *
 * Scale (issue 9): for a file of `OUTLINE_THREAD_MIN_BYTES` or more (~130,000 rows) on a machine
 * with 2 or more CPUs, a helper thread (this same module, started as a `Worker` before the file
 * is parsed, so that it loads Turf meanwhile) computes cluster outlines — Turf's buffer, the
 * dominant cost of the analysis — together with the main thread: both take chunks of clusters
 * from a shared counter, and the main thread finishes whatever the helper did not deliver. The
 * outlines are `clusterOutline`'s, the output byte for byte the same. Hidden option
 * `--outline-threads 0|1` forces the helper off or on (tests).
 */
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  terrainCoverageModel, analyzeBlindspots, clusterOutline, clustersToGeoJson, parseSitesFile, type AnalysisSettings, type Household,
  type Site,
} from '../core/index.ts';
import { clusterBlindspots, type BlindspotMembers } from '../core/analysis/analyze-blindspots.ts';
import { predictUnreportedUncovered } from '../core/terrain/predict-unreported-uncovered.ts';
import { CLASSIFY_OPTION_NAMES, classifySettingsFromArgs } from './classify-settings-from-args.ts';
import { loadDemArg } from './load-dem-arg.ts';
import { crsFromArg, IMPORT_FLAG_OPTIONS, IMPORT_VALUE_OPTIONS, importOptionsFromArgs } from './import-options-from-args.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { readInputFile } from './read-input-file.ts';
import { readHouseholdsArg } from './read-households-arg.ts';
import { UsageError } from './usage-error.ts';
import { analysisSettingsFromArgs } from './analysis-settings-from-args.ts';
import { featureCollectionText } from './feature-collection-text.ts';
import { writeOutput } from './write-output.ts';

export async function runAnalyze(args: string[]): Promise<number> {
  const { positionals, values, flags } = parseCommandArgs('analyze', args, {
    values: ['eps-m', 'min-households', 'uncovered', 'sites', 'sites-crs', 'dem', 'out', 'generated-at', 'outline-threads',
      ...CLASSIFY_OPTION_NAMES,
      ...IMPORT_VALUE_OPTIONS],
    flags: ['privacy', ...IMPORT_FLAG_OPTIONS],
  });
  const [fileArg, ...extra] = positionals;
  if (fileArg === undefined) throw new UsageError('analyze: missing FILE');
  const file: string = fileArg;
  if (extra.length > 0) throw new UsageError(`analyze: one FILE expected, also got ${extra.join(' ')}`);
  const settings = analysisSettingsFromArgs('analyze', values);
  const classify = { ...classifySettingsFromArgs('analyze', values), uncovered: [...settings.uncovered] };
  const privacy = flags.has('privacy');
  const generatedAt = values.get('generated-at');
  const importOptions = importOptionsFromArgs('analyze', values, flags);
  const sitesCrs = crsFromArg('analyze', 'sites-crs', values.get('sites-crs'));
  if (values.has('dem') && !values.has('sites')) {
    throw new UsageError('analyze: --dem predicts the coverage of the existing sites: give them with --sites');
  }

  const threadsArg = values.get('outline-threads');
  if (threadsArg !== undefined && threadsArg !== '0' && threadsArg !== '1') {
    throw new UsageError(`analyze: --outline-threads must be 0 or 1, got ${threadsArg}`);
  }
  const helper = threadsArg === '1' || (threadsArg === undefined && await outlineHelperPays(file)) ? startOutlineHelper() : undefined;
  try {
    return await analyze();
  } finally {
    void helper?.terminate();
  }

  async function analyze(): Promise<number> {
    const parsed = await readHouseholdsArg(file, { ...importOptions, settings: classify });
    const sitesPath = values.get('sites');
    let sites: Site[] = [];
    let siteIssues = 0;
    let cellExport: { sitesKind: 'opencellid'; cells: number } | undefined;
    if (sitesPath !== undefined) {
      const result = await parseSitesFile({ name: basename(sitesPath), bytes: await readInputFile(sitesPath) },
        sitesCrs !== undefined ? { crs: sitesCrs } : {});
      sites = result.sites;
      siteIssues = result.issues.length;
      if (result.kind === 'opencellid') cellExport = { sitesKind: 'opencellid', cells: result.cells ?? 0 };
    }

    const dem = await loadDemArg(values.get('dem'));

    const members = clusterBlindspots(parsed.households, settings);
    const outlines = helper !== undefined ? await clusterOutlinesOnTwoThreads(parsed.households, members, settings, helper) : undefined;
    const analysis = analyzeBlindspots(parsed.households, sites, settings, { members, ...(outlines ? { outlines } : {}) });
    const collection = clustersToGeoJson(analysis, { privacy, ...(generatedAt !== undefined ? { generatedAt } : {}) });
    let predicted: { dem: string; predictedUncoveredHouseholds: number; predictedUncoveredStudents: number } | undefined;
    if (dem) {
      const model = terrainCoverageModel(dem, { thresholdDbm: classify.thresholds.rsrpPoorBelowDbm });
      const flagged = predictUnreportedUncovered(parsed.households, sites, model);
      Object.assign(collection.blindspot, {
        predictedUncovered: {
          coverageModel: 'terrain', dem: dem.label, thresholdDbm: model.thresholdDbm, unknownHouseholds: flagged.unknownHouseholds,
          households: flagged.indices.length, students: flagged.students,
          ...(privacy ? {} : { householdIds: flagged.indices.map((i) => parsed.households[i]!.id) }),
        },
      });
      predicted = { dem: dem.label, predictedUncoveredHouseholds: flagged.indices.length, predictedUncoveredStudents: flagged.students };
    }
    await writeOutput(values.get('out'), featureCollectionText(collection));

    process.stderr.write(JSON.stringify({
      ok: true,
      households: parsed.households.length,
      uncoveredHouseholds: analysis.uncoveredHouseholds,
      uncoveredStudents: analysis.uncoveredStudents,
      clusters: analysis.clusters.length,
      isolatedHouseholds: analysis.isolatedIndices.length,
      ...(privacy ? {} : { isolatedHouseholdIds: analysis.isolatedHouseholdIds ?? [] }),
      issues: parsed.issues.length,
      epsM: settings.epsM,
      minHouseholds: settings.minHouseholds,
      ...(sitesPath !== undefined ? { sites: sites.length, siteIssues, ...cellExport } : {}),
      ...predicted,
    }) + '\n');
    return 0;
  }
}

/** Input files at least this large get the outline helper thread (~130,000 rows of the seeded file). */
const OUTLINE_THREAD_MIN_BYTES = 8_000_000;
/** Clusters per chunk the threads take from the shared counter. */
const OUTLINE_CHUNK = 16;
const HELPER_ROLE = 'blindspot-cluster-outlines';

async function outlineHelperPays(file: string): Promise<boolean> {
  if (availableParallelism() < 2) return false;
  try {
    return (await stat(file)).size >= OUTLINE_THREAD_MIN_BYTES;
  } catch {
    return false; // the reader says what is wrong with the file
  }
}

/** The job the helper gets: every cluster's member positions, and the shared chunk counter. */
interface OutlineJob {
  /** lon, lat of the members of cluster 0, then of cluster 1, …. */
  points: Float64Array;
  /** Cluster c's members are points [offsets[c], offsets[c + 1]). */
  offsets: Int32Array;
  epsM: number;
  /** [0]: the next chunk to take (Atomics). */
  next: Int32Array;
}

/**
 * The helper thread: started now, fed a job once the clusters are known. Undefined if it cannot
 * start. Run from TypeScript (tsx), the worker registers tsx's loader first: loader hooks of the
 * main thread do not reach worker threads under Node 20.
 */
function startOutlineHelper(): Worker | undefined {
  try {
    const self = import.meta.url;
    const data = { workerData: { role: HELPER_ROLE } };
    let worker: Worker;
    if (self.endsWith('.ts')) {
      const tsx = import.meta.resolve('tsx/esm/api');
      worker = new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(self)}); })`,
        { ...data, eval: true });
    } else {
      worker = new Worker(new URL(self), data);
    }
    worker.unref(); // never keeps the command alive
    worker.on('error', () => { /* the main thread computes what the helper did not deliver */ });
    return worker;
  } catch {
    return undefined;
  }
}

const outlineOf = (job: OutlineJob, c: number): Polygon | MultiPolygon => {
  const points: [number, number][] = [];
  for (let p = job.offsets[c]!; p < job.offsets[c + 1]!; p++) points.push([job.points[2 * p]!, job.points[2 * p + 1]!]);
  return clusterOutline(points, job.epsM);
};

/**
 * `clusterOutline` of every cluster, on this thread and the helper: chunks of `OUTLINE_CHUNK`
 * clusters taken from a shared counter; the helper posts each chunk it finishes; whatever it took
 * but did not deliver (it failed, or exited) is computed here.
 */
async function clusterOutlinesOnTwoThreads(
  households: readonly Household[], members: BlindspotMembers, settings: AnalysisSettings, helper: Worker,
): Promise<(Polygon | MultiPolygon)[]> {
  const clusters = members.members.length;
  const offsets = new Int32Array(clusters + 1);
  for (let c = 0; c < clusters; c++) offsets[c + 1] = offsets[c]! + members.members[c]!.length;
  const points = new Float64Array(2 * offsets[clusters]!);
  members.members.forEach((indices, c) => indices.forEach((i, k) => {
    points[2 * (offsets[c]! + k)] = households[i]!.lon;
    points[2 * (offsets[c]! + k) + 1] = households[i]!.lat;
  }));
  const job: OutlineJob = { points, offsets, epsM: settings.epsM, next: new Int32Array(new SharedArrayBuffer(4)) };
  const outlines: (Polygon | MultiPolygon | undefined)[] = new Array<Polygon | MultiPolygon | undefined>(clusters).fill(undefined);
  const chunks = Math.ceil(clusters / OUTLINE_CHUNK);
  let delivered = 0;
  let finished = false; // the helper will deliver no more
  let wake: () => void = () => {};
  helper.on('message', (m: { chunk: number; outlines: (Polygon | MultiPolygon)[] }) => {
    m.outlines.forEach((o, k) => { outlines[m.chunk * OUTLINE_CHUNK + k] = o; });
    delivered++;
    wake();
  });
  const stop = () => { finished = true; wake(); };
  helper.on('error', stop);
  helper.on('exit', stop);
  helper.postMessage(job);
  let mine = 0;
  for (let chunk = Atomics.add(job.next, 0, 1); chunk < chunks; chunk = Atomics.add(job.next, 0, 1), mine++) {
    for (let c = chunk * OUTLINE_CHUNK; c < Math.min(clusters, (chunk + 1) * OUTLINE_CHUNK); c++) outlines[c] = outlineOf(job, c);
  }
  // The chunks this thread did not take, the helper did: wait for them, unless it has stopped.
  const helperChunks = chunks - mine;
  helper.ref();
  while (!finished && delivered < helperChunks) await new Promise<void>((resolve) => { wake = resolve; });
  helper.unref();
  for (let c = 0; c < clusters; c++) outlines[c] ??= outlineOf(job, c);
  return outlines as (Polygon | MultiPolygon)[];
}

// The helper thread's side: take chunks until none is left, post each one's outlines.
if (!isMainThread && (workerData as { role?: string } | null)?.role === HELPER_ROLE) {
  parentPort?.once('message', (job: OutlineJob) => {
    const chunks = Math.ceil((job.offsets.length - 1) / OUTLINE_CHUNK);
    for (let chunk = Atomics.add(job.next, 0, 1); chunk < chunks; chunk = Atomics.add(job.next, 0, 1)) {
      const out: (Polygon | MultiPolygon)[] = [];
      for (let c = chunk * OUTLINE_CHUNK; c < Math.min(job.offsets.length - 1, (chunk + 1) * OUTLINE_CHUNK); c++) out.push(outlineOf(job, c));
      parentPort?.postMessage({ chunk, outlines: out });
    }
  });
}
