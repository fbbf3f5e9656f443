/**
 * Area aggregation of the committee view (issue 6 §1, FORMATS.md §6): households and students per
 * county, township or village, per attendance class, uncovered today and uncovered once the
 * counting proposals are built. The same numbers feed the app's table, the CSV export and the CLI
 * `report`, so they match the planner's impact counts exactly.
 *
 * Grouping: an area is keyed by its division code when the household's field at that level is a
 * code (6-digit county, 9-digit township, 12-digit village; the code identifies the area
 * wherever its parents are), else by its name within its parent (so 龙池村 in two townships is two
 * rows; a home without a village is counted in its township's "(unknown)" village, key ending in
 * '/'). A missing county or township is taken from the leading digits of a lower-level code (the
 * codes nest: village 500240101001 lies in township 500240101 and county 500240), so data that
 * gives only village codes still rolls up. A field is used as the data gives it (trimmed by the
 * parser); a name and a code for the same area are two rows. A row shows, for each level at or
 * above its own, the first non-empty value its homes give.
 * Counting: "uncovered today" = class in `uncovered` (as `createImpactTracker`); "after" = uncovered
 * today and not newly covered by any proposal of the plan — the union of the tracker's
 * `newlyCoveredIndices` after `set(proposals)` (a `rejected` proposal covers nothing). Existing
 * sites play no part: the classes already reflect today's network.
 * Output: rows sorted by uncoveredStudents desc, then students desc, then key (code-point order);
 * totals summed over all households (equal to the sum of the rows). Inputs are not changed.
 * Input: a `HouseholdTable` or `Household[]` (whose table `householdTableOf` builds once per array,
 * 0.31–0.34 s at 959,825 homes, cached). The report is byte-identical to the pre-issue-9 version
 * (`test/bench/reference-aggregate-areas.ts`, pinned by the unit tests and the bench).
 * Cost: O(n + Σ homes in the proposals' circles) plus sorting the areas. Per home integer work
 * only: its (county, township, village) code triple (`areaTriplesOf`), then typed-array sums
 * (`countAreaGroups`); the key and names (regular expressions, strings, one `Map`) once per distinct
 * triple. Measured on the table of the seeded 959,825 homes in 8,677 villages (Node 20, 2 cores
 * shared with other jobs): 50–200 ms, typically ≈ 100 ms (triples 10–20, keys 8–30, sums 40–60), against
 * 650–1,200 ms for the version before (three string-map look-ups per home) and 1.7–2.4 s for the
 * reference; with a plan of 20 proposals of 3 km, 170–310 ms (before: 610–860 ms).
 */
import type { AreaCounts, AreaLevel, AreaReport, AreaRow } from '../model/area.ts';
import { AREA_LEVELS } from '../model/area.ts';
import { UserInputError } from '../model/errors.ts';
import type { CoverageModel, ProposedSite } from '../model/proposal.ts';
import { ATTENDANCE_CLASSES, type AttendanceClass, type Household } from '../model/types.ts';
import { areaNameOf, classMask, isHouseholdTable, type HouseholdTable } from '../model/household-table.ts';
import { asHouseholdTable } from '../io/household-table-of.ts';
import { areaTriplesOf } from './area-triples-of.ts';
import { countAreaGroups } from './count-area-groups.ts';
import { createImpactTracker } from './create-impact-tracker.ts';

export interface AggregateAreasOptions {
  level: AreaLevel;
  /** Classes that count as uncovered today (FORMATS.md §2; default in the app: none, poor). */
  uncovered: readonly AttendanceClass[];
  /** The plan; `rejected` proposals cover nothing. None: "after" equals "before". */
  proposals?: readonly ProposedSite[];
  /** Coverage model of the proposals (default: the radius model). */
  model?: CoverageModel;
}

const COUNTY_CODE = /^\d{6}$/;
const TOWNSHIP_CODE = /^\d{9}$/;
const VILLAGE_CODE = /^\d{12}$/;

/** Zero counts, every class present. */
export function emptyAreaCounts(): AreaCounts {
  const zeros = () => Object.fromEntries(ATTENDANCE_CLASSES.map((c) => [c, 0])) as Record<AttendanceClass, number>;
  return {
    households: 0, students: 0, byClassStudents: zeros(), byClassHouseholds: zeros(),
    uncoveredHouseholds: 0, uncoveredStudents: 0, uncoveredHouseholdsAfter: 0, uncoveredStudentsAfter: 0,
  };
}

/**
 * Adds one household to `counts` (mutates `counts` only). `coveredAfter`: newly covered by the plan.
 * The one-object form of the rule; the analyses count columns with `countAreaGroups` (same sums).
 */
export function addToAreaCounts(counts: AreaCounts, h: Household, uncoveredToday: boolean, coveredAfter: boolean): void {
  counts.households += 1;
  counts.students += h.students;
  counts.byClassHouseholds[h.cls] += 1;
  counts.byClassStudents[h.cls] += h.students;
  if (!uncoveredToday) return;
  counts.uncoveredHouseholds += 1;
  counts.uncoveredStudents += h.students;
  if (coveredAfter) return;
  counts.uncoveredHouseholdsAfter += 1;
  counts.uncoveredStudentsAfter += h.students;
}

/**
 * Per household (same order): 1 when it is uncovered today and a counting proposal covers it,
 * else 0. Cost: O(n) + the tracker's O(Σ homes in circles); no proposal: no index is built.
 */
export function householdsAfterCovered(
  homes: readonly Household[] | HouseholdTable, uncovered: readonly AttendanceClass[], proposals: readonly ProposedSite[] = [],
  model?: CoverageModel,
): Uint8Array {
  const out = new Uint8Array(isHouseholdTable(homes) ? homes.count : homes.length);
  if (proposals.length === 0) return out;
  const tracker = createImpactTracker(homes, { uncovered }, model);
  tracker.set(proposals);
  for (let i = 0; i < proposals.length; i++) for (const k of tracker.newlyCoveredIndices(i)) out[k] = 1;
  return out;
}

/** County, township and village as used for grouping: missing parents filled from a lower-level code. */
export function areaParts(h: Pick<Household, 'county' | 'township' | 'village'>): [string, string, string] {
  const village = h.village ?? '';
  let township = h.township ?? '';
  let county = h.county ?? '';
  if (township === '' && VILLAGE_CODE.test(village)) township = village.slice(0, 9);
  if (county === '') {
    if (TOWNSHIP_CODE.test(township)) county = township.slice(0, 6);
    else if (VILLAGE_CODE.test(village)) county = village.slice(0, 6);
  }
  return [county, township, village];
}

const escapeName = (name: string): string => name.replace(/[\\/]/g, (m) => `\\${m}`);

/** The stable key of the area at `level` holding a home with these parts (see `AreaRow.key`). */
export function areaKey([county, township, village]: readonly [string, string, string], level: AreaLevel): string {
  let key = COUNTY_CODE.test(county) ? county : escapeName(county);
  if (level === 'county') return key;
  key = TOWNSHIP_CODE.test(township) ? township : `${key}/${escapeName(township)}`;
  if (level === 'township') return key;
  return VILLAGE_CODE.test(village) ? village : `${key}/${escapeName(village)}`;
}

export function aggregateAreas(homes: readonly Household[] | HouseholdTable, options: AggregateAreasOptions): AreaReport {
  const { level } = options;
  if (!(AREA_LEVELS as readonly string[]).includes(level)) {
    throw new UserInputError('invalid_area_level', `the area level must be county, township or village, got "${String(level)}"`,
      { level: String(level) });
  }
  const depth = AREA_LEVELS.indexOf(level);
  const table = asHouseholdTable(homes);
  const after = householdsAfterCovered(table, options.uncovered, options.proposals, options.model);
  // The area of a home depends only on its (county, township, village) as given: its key and names are
  // resolved once per distinct code triple, in the order of the triples' first homes — so the groups
  // are met, and their names filled with the first non-empty value, in the order of their homes.
  const triples = areaTriplesOf(table);
  const groupOfTriple = new Int32Array(triples.count);
  const groupByKey = new Map<string, number>();
  const heads: { key: string; county: string; township: string; village: string }[] = [];
  for (let t = 0; t < triples.count; t++) {
    const parts = areaParts({
      county: areaNameOf(table, triples.county[t]!), township: areaNameOf(table, triples.township[t]!),
      village: areaNameOf(table, triples.village[t]!),
    });
    const key = areaKey(parts, level);
    let g = groupByKey.get(key);
    if (g === undefined) {
      g = heads.length;
      groupByKey.set(key, g);
      heads.push({ key, county: '', township: '', village: '' });
    }
    groupOfTriple[t] = g;
    const head = heads[g]!;
    if (head.county === '') head.county = parts[0];
    if (depth >= 1 && head.township === '') head.township = parts[1];
    if (depth >= 2 && head.village === '') head.village = parts[2];
  }
  const groupOfHome = new Int32Array(table.count);
  for (let i = 0; i < table.count; i++) groupOfHome[i] = groupOfTriple[triples.ofHome[i]!]!;
  const counted = countAreaGroups(table, groupOfHome, heads.length, classMask(options.uncovered), after);
  const rows = heads.map(({ key, county, township, village }, g): AreaRow => {
    const c = counted.groups[g]!;
    // All fields in one literal: a spread of `c` gave nearly every row its own hidden class (V8, 8,669
    // maps for 8,677 rows), ≈ 50 ms to build and slow reads for whoever sorts them. Field order as
    // before: `emptyAreaCounts`', then the row's.
    return {
      households: c.households, students: c.students, byClassStudents: c.byClassStudents, byClassHouseholds: c.byClassHouseholds,
      uncoveredHouseholds: c.uncoveredHouseholds, uncoveredStudents: c.uncoveredStudents,
      uncoveredHouseholdsAfter: c.uncoveredHouseholdsAfter, uncoveredStudentsAfter: c.uncoveredStudentsAfter,
      key, level, county, township, village, centroid: [counted.sumLonDeg[g]! / c.households, counted.sumLatDeg[g]! / c.households],
    };
  });
  rows.sort((a, b) => b.uncoveredStudents - a.uncoveredStudents || b.students - a.students
    || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { level, rows, totals: counted.totals };
}
