/**
 * `suggest FILE --count K [--radius-m 3000] [--sites SITES] [--sites-crs wgs84|gcj02|bd09]
 * [--proposals SITES.geojson] [--uncovered none,poor] [--exact auto|always|never]
 * [--eps-m 500] [--min-households 3] [--include-coverage] [--out proposals.geojson]
 * [--sheet NAME] [--crs …] [--encoding …] [--fix-swapped] [--merge worst|latest] [--threshold-… N]`
 * (FORMATS.md §4, §8; issue 4 §4, §7): K new sites that bring the most uncovered students online.
 *
 * Reads the household reports like `analyze` (rows with issues counted, the good rows used);
 * runs `analyzeBlindspots` (same --eps-m / --min-households / --uncovered as `analyze`, so the
 * cluster ids match its file) for the candidates' cluster centroids and each site's `clusterIds`;
 * then `suggestSites`: candidates are every uncovered household's position and the cluster
 * centroids, the radius is `--radius-m`, and the exact optimum comes from HiGHS (loaded only
 * unless `--exact never`) when the instance is small enough, else from the brute force when that
 * is cheap, else the lazy greedy stands (`--exact`: see `SuggestSitesOptions.exact`).
 * `--proposals` (a `blindspot.sites/1` file) are fixed: the homes they cover are taken out first,
 * their ids are not reused, and they are NOT written again — the output holds only the new
 * suggestions, best first, `rank` 1 = first pick, each with `newlyCoveredHouseholds` /
 * `newlyCoveredStudents` counted after the fixed proposals and the suggestions before it, and the
 * `villages` and `clusterIds` of the homes it newly covers (`describeProposalReach`).
 * `--sites` (existing sites) are read and counted only: the households' classes already reflect
 * today's network, as in the app's impact counts (an existing site's circle is not "covered").
 * Output: the FeatureCollection (`proposalsToGeoJson`; with `--include-coverage` each site is
 * followed by its coverage circle) to `--out` or stdout, header on the first line then one feature
 * per line. One-line JSON summary on stderr: `{ok, households, issues, uncoveredHouseholds,
 * uncoveredStudents (today), fixedProposals, fixedCoveredStudents, candidates, count, radiusM,
 * suggested, newlyCoveredHouseholds, newlyCoveredStudents, remainingStudents (after the fixed
 * proposals and the suggestions), method, exactMethod, milpStatus, greedyStudents,
 * optimumStudents, greedyGapPercent, ms (suggestSites' own time, HiGHS included, its loading
 * not)}` plus `sites` and `siteIssues` with --sites.
 * Exit codes: 0 done (even with row issues, or fewer than K sites because nothing more can be
 * covered); 1 a file cannot be used (unreadable, no usable household row, not a proposals file),
 * `--exact always` on an instance neither HiGHS nor the brute force can answer
 * (`instance_too_large`), or HiGHS cannot be loaded; 2 bad usage (missing or unknown option,
 * --count not a whole number 0 … 1,000, --radius-m not in (0, 100,000], a bad --exact,
 * --uncovered, --eps-m or --min-households).
 * `--dem DEM.tif|N29E107.hgt,…|demo` (issue 8 §3): coverage predicted over the terrain
 * (`terrainCoverageModel`, threshold = the `fair` edge, --threshold-rsrp-poor) instead of circles
 * — `suggestSitesOverTerrain`: each candidate's coverage set by the model, lazy greedy picks, then
 * the same exact search as over circles on those sets (HiGHS within 60,000 nonzeros and 10 s,
 * else the brute force when cheap; `--exact` as above), fixed proposals' homes removed by the
 * model, each site's `radiusM` its reach (the Hata range); the file's header says
 * `coverageModel: "terrain"` and `--include-coverage` draws the terrain outline (its largest
 * part). The summary gains `dem` and `coverageModel`; `radiusM` is the reach; `ms` includes the
 * coverage sets. With `--dem`, `--radius-m` is a usage error (exit 2); an unusable DEM exits 1.
 * Hidden option `--generated-at ISO` stamps the output with a fixed time (tests).
 */
import { basename } from 'node:path';
import {
  analyzeBlindspots, createImpactTracker, describeProposalReach, invariant, parseProposalsGeoJson,
  parseSitesFile, proposalsToGeoJson, suggestSites, SUGGEST_DEFAULTS, terrainCoverageModel, type GridDem,
  type CoverageModel, type ExactOrGreedyOptions, type SiteImpactSummary, type SuggestResult, type SuggestSitesOptions,
} from '../core/index.ts';
import { suggestSitesOverTerrain } from '../core/terrain/suggest-sites-over-terrain.ts';
import { CLASSIFY_OPTION_NAMES, classifySettingsFromArgs } from './classify-settings-from-args.ts';
import { loadDemArg } from './load-dem-arg.ts';
import { crsFromArg, IMPORT_FLAG_OPTIONS, IMPORT_VALUE_OPTIONS, importOptionsFromArgs } from './import-options-from-args.ts';
import { loadHighsNode } from './load-highs-node.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { readInputFile } from './read-input-file.ts';
import { readHouseholdsArg } from './read-households-arg.ts';
import { UsageError } from './usage-error.ts';
import { analysisSettingsFromArgs } from './analysis-settings-from-args.ts';
import { featureCollectionText } from './feature-collection-text.ts';
import { writeOutput } from './write-output.ts';

const EXACT_MODES = ['auto', 'always', 'never'] as const;

export async function runSuggest(args: string[]): Promise<number> {
  const { positionals, values, flags } = parseCommandArgs('suggest', args, {
    values: ['count', 'radius-m', 'sites', 'sites-crs', 'proposals', 'uncovered', 'exact', 'eps-m', 'min-households', 'dem', 'out',
      'generated-at', ...CLASSIFY_OPTION_NAMES, ...IMPORT_VALUE_OPTIONS],
    flags: ['include-coverage', ...IMPORT_FLAG_OPTIONS],
  });
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('suggest: missing FILE');
  if (extra.length > 0) throw new UsageError(`suggest: one FILE expected, also got ${extra.join(' ')}`);
  const countText = values.get('count');
  if (countText === undefined) throw new UsageError('suggest: --count K is required');
  if (!/^\s*\d+\s*$/.test(countText) || Number(countText) > SUGGEST_DEFAULTS.maxCount) {
    throw new UsageError(`suggest: --count needs a whole number from 0 to ${SUGGEST_DEFAULTS.maxCount}, got "${countText}"`);
  }
  const count = Number(countText);
  const radiusText = values.get('radius-m');
  const radiusM = radiusText === undefined ? SUGGEST_DEFAULTS.radiusM : Number(radiusText);
  if (radiusText !== undefined && (radiusText.trim() === '' || !(radiusM > 0 && radiusM <= 100_000))) {
    throw new UsageError(`suggest: --radius-m needs a number of metres more than 0 and at most 100,000, got "${radiusText}"`);
  }
  const exact = values.get('exact') ?? 'auto';
  if (!(EXACT_MODES as readonly string[]).includes(exact)) throw new UsageError(`suggest: --exact must be auto, always or never, got "${exact}"`);
  const demArg = values.get('dem');
  if (demArg !== undefined && radiusText !== undefined) {
    throw new UsageError('suggest: --radius-m and --dem exclude each other: over a DEM a site covers what the terrain model predicts');
  }
  const settings = analysisSettingsFromArgs('suggest', values);
  const classify = { ...classifySettingsFromArgs('suggest', values), uncovered: [...settings.uncovered] };
  const importOptions = importOptionsFromArgs('suggest', values, flags);
  const sitesCrs = crsFromArg('suggest', 'sites-crs', values.get('sites-crs'));
  const generatedAt = values.get('generated-at');

  const parsed = await readHouseholdsArg(file, { ...importOptions, settings: classify }, { asColumns: true });
  const households = parsed.homes;
  const sitesPath = values.get('sites');
  let siteSummary = {};
  if (sitesPath !== undefined) {
    const result = await parseSitesFile({ name: basename(sitesPath), bytes: await readInputFile(sitesPath) },
      sitesCrs !== undefined ? { crs: sitesCrs } : {});
    siteSummary = { sites: result.sites.length, siteIssues: result.issues.length };
  }
  const proposalsPath = values.get('proposals');
  const fixed = proposalsPath === undefined ? []
    : parseProposalsGeoJson(new TextDecoder().decode(await readInputFile(proposalsPath)));

  const analysis = analyzeBlindspots(households, [], settings);
  const dem = await loadDemArg(demArg);
  const exactOptions: ExactOrGreedyOptions = {
    exact: exact as ExactOrGreedyOptions['exact'], ...(exact !== 'never' ? { milp: await loadHighsNode() } : {}),
  };
  if (dem) {
    await writeTerrainSuggestions(dem);
    return 0;
  }
  const options: SuggestSitesOptions = {
    count, radiusM, ...exactOptions, uncovered: settings.uncovered, fixed,
    clusterCentroids: analysis.clusters.map((c) => c.centroid),
  };
  const t0 = performance.now();
  const result = suggestSites(households, options);
  const ms = performance.now() - t0;

  // Per site: the homes it newly covers after the fixed proposals and the suggestions before it.
  const tracker = createImpactTracker(households, { uncovered: settings.uncovered });
  const impact = tracker.set([...fixed, ...result.sites.map((s) => s.site)]);
  const impacts = result.sites.map((s, i) => {
    const m = impact.proposals[fixed.length + i]!;
    invariant(m.newlyCoveredStudents === s.newlyCoveredStudents && m.newlyCoveredHouseholds === s.newlyCoveredHouseholds,
      `the impact of suggestion ${i + 1} matches suggestSites' count`);
    return { ...m, ...describeProposalReach(households, tracker.newlyCoveredIndices(fixed.length + i), analysis) };
  });
  await writeSuggestions(result, impacts, ms, { radiusM });
  return 0;

  /** `--dem`: the suggestions over the terrain, written like the others. */
  async function writeTerrainSuggestions(terrain: GridDem): Promise<void> {
    const model = terrainCoverageModel(terrain, { thresholdDbm: classify.thresholds.rsrpPoorBelowDbm });
    const t1 = performance.now();
    const result = suggestSitesOverTerrain(households, {
      count, model, ...exactOptions, uncovered: settings.uncovered, fixed, clusterCentroids: analysis.clusters.map((c) => c.centroid),
    });
    const elapsed = performance.now() - t1;
    const impacts = result.sites.map((s, i) => ({
      siteId: s.site.id, newlyCoveredHouseholds: s.newlyCoveredHouseholds, newlyCoveredStudents: s.newlyCoveredStudents,
      ...describeProposalReach(households, result.newlyCoveredIndices[i]!, analysis),
    }));
    const reachM = model.reachM({ antennaHeightM: SUGGEST_DEFAULTS.antennaHeightM, bandMHz: SUGGEST_DEFAULTS.bandMHz, eirpDbm: SUGGEST_DEFAULTS.eirpDbm });
    await writeSuggestions(result, impacts, elapsed, { radiusM: Math.round(reachM), model, dem: terrain.label });
  }

  /** The suggestions as a `blindspot.sites/1` file (to --out or stdout) and the one-line summary on stderr. */
  async function writeSuggestions(
    result: SuggestResult, impacts: SiteImpactSummary[], ms: number,
    coverage: { radiusM: number; model?: CoverageModel; dem?: string },
  ): Promise<void> {
    const collection = proposalsToGeoJson(result.sites.map((s) => s.site), impacts, {
      includeCoverage: flags.has('include-coverage'), classThresholds: classify.thresholds,
      ...(coverage.model ? { coverageModel: coverage.model } : {}),
      ...(generatedAt !== undefined ? { generatedAt } : {}),
    });
    await writeOutput(values.get('out'), featureCollectionText(collection));
    process.stderr.write(JSON.stringify({
      ok: true,
      households: parsed.homeCount,
      issues: parsed.issues.length,
      uncoveredHouseholds: analysis.uncoveredHouseholds,
      uncoveredStudents: analysis.uncoveredStudents,
      fixedProposals: fixed.length,
      fixedCoveredStudents: analysis.uncoveredStudents - result.uncoveredStudentsBefore,
      candidates: result.candidates,
      count,
      radiusM: coverage.radiusM,
      ...(coverage.dem !== undefined ? { coverageModel: 'terrain', dem: coverage.dem } : {}),
      suggested: result.sites.length,
      newlyCoveredHouseholds: result.newlyCoveredHouseholds,
      newlyCoveredStudents: result.newlyCoveredStudents,
      remainingStudents: result.remainingStudents,
      method: result.method,
      exactMethod: result.exactMethod,
      milpStatus: result.milpStatus,
      greedyStudents: result.greedyStudents,
      optimumStudents: result.optimumStudents,
      greedyGapPercent: result.greedyGapPercent,
      ms: Math.round(ms),
      ...siteSummary,
    }) + '\n');
  }
}
