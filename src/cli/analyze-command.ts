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
 */
import { basename } from 'node:path';
import {
  terrainCoverageModel, analyzeBlindspots, asHouseholdTable, clustersToGeoJson, householdIdAt, parseSitesFile, type Site,
} from '../core/index.ts';
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
    values: ['eps-m', 'min-households', 'uncovered', 'sites', 'sites-crs', 'dem', 'out', 'generated-at', ...CLASSIFY_OPTION_NAMES,
      ...IMPORT_VALUE_OPTIONS],
    flags: ['privacy', ...IMPORT_FLAG_OPTIONS],
  });
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('analyze: missing FILE');
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

  const parsed = await readHouseholdsArg(file, { ...importOptions, settings: classify }, { asColumns: true });
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

  const analysis = analyzeBlindspots(parsed.homes, sites, settings);
  const collection = clustersToGeoJson(analysis, { privacy, ...(generatedAt !== undefined ? { generatedAt } : {}) });
  let predicted: { dem: string; predictedUncoveredHouseholds: number; predictedUncoveredStudents: number } | undefined;
  if (dem) {
    const model = terrainCoverageModel(dem, { thresholdDbm: classify.thresholds.rsrpPoorBelowDbm });
    const flagged = predictUnreportedUncovered(parsed.homes, sites, model);
    Object.assign(collection.blindspot, {
      predictedUncovered: {
        coverageModel: 'terrain', dem: dem.label, thresholdDbm: model.thresholdDbm, unknownHouseholds: flagged.unknownHouseholds,
        households: flagged.indices.length, students: flagged.students,
        ...(privacy ? {} : { householdIds: flagged.indices.map((i) => householdIdAt(asHouseholdTable(parsed.homes), i)) }),
      },
    });
    predicted = { dem: dem.label, predictedUncoveredHouseholds: flagged.indices.length, predictedUncoveredStudents: flagged.students };
  }
  await writeOutput(values.get('out'), featureCollectionText(collection));

  process.stderr.write(JSON.stringify({
    ok: true,
    households: parsed.homeCount,
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
