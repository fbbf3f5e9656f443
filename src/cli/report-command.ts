/**
 * `report FILE [--level county|township|village] [--proposals SITES.geojson] [--uncovered none,poor]
 * [--privacy] [--out report.csv] [--sheet NAME] [--crs …] [--encoding …] [--fix-swapped]
 * [--merge worst|latest] [--threshold-… N]` (FORMATS.md §6, §8; issue 6 §7): the committee's area
 * report — households, students per class, uncovered students today and once the proposals are
 * built, one row per area of the level (default village), most uncovered students first.
 *
 * Reads the household reports like `analyze` (rows with issues counted, the good rows used), the
 * proposals (a `blindspot.sites/1` file; `rejected` ones cover nothing) and runs `aggregateAreas`,
 * then writes `areaReportToCsv` (UTF-8 with BOM, no totals row; with `--privacy` counts 1–4 as
 * `<5`) to `--out` or stdout. One-line JSON summary on stderr: `{ok, households, issues, areas,
 * level, uncoveredStudents, uncoveredStudentsAfter, areasUncovered, areasUncoveredAfter (areas
 * with at least one uncovered student, today / after), proposals, rejectedProposals, privacy}`;
 * with --privacy, `households`, `uncoveredStudents` and `uncoveredStudentsAfter` follow the same
 * `<5` rule.
 * Exit codes: 0 done (even with row issues); 1 a file cannot be used (unreadable, no usable
 * household row, not a proposals file) or the output cannot be written; 2 bad usage (unknown
 * option, a bad --level or --uncovered, a bad import or threshold option).
 */
import {
  aggregateAreas, AREA_LEVELS, areaReportToCsv, countsInPlan, parseProposalsGeoJson, suppressSmallCount,
  type AreaLevel,
} from '../core/index.ts';
import { CLASSIFY_OPTION_NAMES, classifySettingsFromArgs } from './classify-settings-from-args.ts';
import { IMPORT_FLAG_OPTIONS, IMPORT_VALUE_OPTIONS, importOptionsFromArgs } from './import-options-from-args.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { readInputFile } from './read-input-file.ts';
import { readHouseholdsArg } from './read-households-arg.ts';
import { UsageError } from './usage-error.ts';
import { analysisSettingsFromArgs } from './analysis-settings-from-args.ts';
import { writeOutput } from './write-output.ts';

export async function runReport(args: string[]): Promise<number> {
  const { positionals, values, flags } = parseCommandArgs('report', args, {
    values: ['level', 'proposals', 'uncovered', 'out', ...CLASSIFY_OPTION_NAMES, ...IMPORT_VALUE_OPTIONS],
    flags: ['privacy', ...IMPORT_FLAG_OPTIONS],
  });
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('report: missing FILE');
  if (extra.length > 0) throw new UsageError(`report: one FILE expected, also got ${extra.join(' ')}`);
  const level = (values.get('level') ?? 'village').trim().toLowerCase();
  if (!(AREA_LEVELS as readonly string[]).includes(level)) {
    throw new UsageError(`report: --level must be county, township or village, got "${values.get('level')}"`);
  }
  const { uncovered } = analysisSettingsFromArgs('report', values);
  const classify = { ...classifySettingsFromArgs('report', values), uncovered };
  const importOptions = importOptionsFromArgs('report', values, flags);
  const privacy = flags.has('privacy');

  const parsed = await readHouseholdsArg(file, { ...importOptions, settings: classify }, { asColumns: true });
  const proposalsPath = values.get('proposals');
  const proposals = proposalsPath === undefined ? []
    : parseProposalsGeoJson(new TextDecoder().decode(await readInputFile(proposalsPath)));

  const report = aggregateAreas(parsed.homes, { level: level as AreaLevel, uncovered, proposals });
  await writeOutput(values.get('out'), areaReportToCsv(report, { privacy }));

  const count = privacy ? suppressSmallCount : (n: number) => n;
  process.stderr.write(JSON.stringify({
    ok: true,
    households: count(parsed.homeCount),
    issues: parsed.issues.length,
    areas: report.rows.length,
    level,
    uncoveredStudents: count(report.totals.uncoveredStudents),
    uncoveredStudentsAfter: count(report.totals.uncoveredStudentsAfter),
    areasUncovered: report.rows.filter((r) => r.uncoveredStudents > 0).length,
    areasUncoveredAfter: report.rows.filter((r) => r.uncoveredStudentsAfter > 0).length,
    proposals: proposals.length,
    rejectedProposals: proposals.filter((p) => !countsInPlan(p)).length,
    privacy,
  }) + '\n');
  return 0;
}
