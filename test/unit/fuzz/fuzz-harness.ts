/**
 * The harness every parser fuzz test shares (issue 7, "hostile files"): how many cases, the time
 * box of one case, and the checks of what a parser may do with a hostile file.
 *
 * Contract checked for every case: the call returns (row issues allowed) or throws a
 * `UserInputError` whose code has a message in both languages (`error.<code>` in zh-CN and en) —
 * never any other exception — and it settles within `CASE_TIME_LIMIT_MS`. That limit is a hang
 * guard, not a speed goal: the generated inputs are at most tens of kB and take milliseconds; a
 * case that takes seconds means a loop that does not end or a blow-up (quadratic work, a cell
 * padding explosion) that a real, larger file would turn into a frozen tab.
 * Volume: `FUZZ_RUNS` (env, default 10,000) cases per property; `FUZZ_SEED` replays a run (fast-check
 * prints the seed and the shrunk counterexample of a failure); `FUZZ_REPORT=1` prints, per test
 * file, the cases run and the slowest and mean case.
 */
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import {
  UserInputError, type HouseholdsFileResult, type ImportIssue, type IssueCode, type ProposedSite, type SitesFileResult,
} from '../../../src/core/index.ts';
import { en } from '../../../src/i18n/en.ts';
import { zhCN } from '../../../src/i18n/zh-CN.ts';

export const FUZZ_RUNS = Math.max(1, Number(process.env['FUZZ_RUNS'] ?? '') || 10_000);
const SEED = process.env['FUZZ_SEED'] === undefined ? {} : { seed: Number(process.env['FUZZ_SEED']) };
/** fast-check parameters of every property. */
export const FUZZ_PARAMS: fc.Parameters<unknown> = { numRuns: FUZZ_RUNS, ...SEED };
/** Hang guard per case (see the header). */
export const CASE_TIME_LIMIT_MS = 2_000;
/** Vitest timeout of one property: generous (~15 ms a case), the per-case limit is the real guard. */
export const PROPERTY_TIMEOUT_MS = 120_000 + FUZZ_RUNS * 15;

// A Record over the union: tsc flags a new IssueCode missing here.
const ISSUE_CODES = new Set(Object.keys({
  missing_coordinate: 1, not_a_number: 1, out_of_range: 1, swapped_lat_lon: 1, outside_area: 1, duplicate_id_conflict: 1,
  unknown_signal_value: 1, invalid_date: 1, not_a_point: 1, empty_row: 1, other_country: 1,
} satisfies Record<IssueCode, 1>));

const timing = { cases: 0, totalMs: 0, slowestMs: 0 };
if (process.env['FUZZ_REPORT']) {
  afterAll(() => {
    console.log(`fuzz timing: ${timing.cases} cases, slowest ${timing.slowestMs.toFixed(1)} ms, mean ${(timing.totalMs / Math.max(1, timing.cases)).toFixed(2)} ms`);
  });
}

export type Settled<T> = { ok: true; value: T; ms: number } | { ok: false; error: UserInputError; ms: number };

/**
 * Runs one parser call: anything thrown but a `UserInputError` fails the case (with its stack),
 * as does a call that takes longer than `CASE_TIME_LIMIT_MS`.
 */
export async function settle<T>(run: () => T | Promise<T>): Promise<Settled<T>> {
  const start = performance.now();
  let out: Settled<T>;
  try {
    const value = await run();
    out = { ok: true, value, ms: performance.now() - start };
  } catch (err) {
    if (!(err instanceof UserInputError)) {
      throw new Error(`not a UserInputError: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
    out = { ok: false, error: err, ms: performance.now() - start };
    checkUserInputError(err);
  }
  timing.cases++;
  timing.totalMs += out.ms;
  timing.slowestMs = Math.max(timing.slowestMs, out.ms);
  expect(out.ms, `one case took ${Math.round(out.ms)} ms (hang guard ${CASE_TIME_LIMIT_MS} ms)`).toBeLessThan(CASE_TIME_LIMIT_MS);
  return out;
}

/** A stable code with words in both languages, and an English message. */
export function checkUserInputError(err: UserInputError): void {
  expect(err.code).toMatch(/^[a-z][a-z0-9_]*$/);
  const key = `error.${err.code}`;
  expect(Object.hasOwn(zhCN, key) && Object.hasOwn(en, key), `no i18n message for ${key}`).toBe(true);
  expect(err.message.length).toBeGreaterThan(0);
  for (const v of Object.values(err.params)) expect(['string', 'number']).toContain(typeof v);
}

/** Every issue: a whole line ≥ 1, a stable code, a severity, a message naming the line. */
export function checkIssues(issues: readonly ImportIssue[]): void {
  for (const i of issues) {
    expect(Number.isInteger(i.line) && i.line >= 1, `issue line ${i.line}`).toBe(true);
    expect(ISSUE_CODES.has(i.code), `issue code ${i.code}`).toBe(true);
    expect(['error', 'warning']).toContain(i.severity);
    expect(typeof i.field).toBe('string');
    expect(i.message).toMatch(/^(line|row|feature) \d+: /);
  }
  for (let k = 1; k < issues.length; k++) expect(issues[k - 1]!.line).toBeLessThanOrEqual(issues[k]!.line);
}

const finiteIn = (v: number, limit: number) => Number.isFinite(v) && Math.abs(v) <= limit;

/**
 * What users rely on after a household import: issues as above; every household has a finite
 * lon/lat (in China for WGS-84 input), a whole number of students ≥ 0, at least one report and a
 * unique id; rows ≥ households, and nothing dropped silently (reports + rows with an error = rows).
 */
export function checkHouseholds(r: HouseholdsFileResult, wgs84 = true): void {
  checkIssues(r.issues);
  expect(Number.isInteger(r.rows) && r.rows >= 0).toBe(true);
  expect(r.rows).toBeGreaterThanOrEqual(r.households.length);
  const ids = new Set<string>();
  let reports = 0;
  for (const h of r.households) {
    expect(finiteIn(h.lon, 180) && finiteIn(h.lat, 90), `household ${h.id} at ${h.lon},${h.lat}`).toBe(true);
    if (wgs84) expect(h.lon >= 73 && h.lon <= 136 && h.lat >= 3 && h.lat <= 54).toBe(true);
    expect(Number.isInteger(h.students) && h.students >= 0).toBe(true);
    expect(h.reports.length).toBeGreaterThan(0);
    expect(ids.has(h.id), `id ${h.id} twice`).toBe(false);
    ids.add(h.id);
    reports += h.reports.length;
  }
  const errorLines = new Set(r.issues.filter((i) => i.severity === 'error').map((i) => i.line));
  expect(reports + errorLines.size).toBe(r.rows);
  expect(r.mapping.length).toBe(r.columns.length);
}

/** After a site import: issues as above; finite positions, positive radii, unique ids, sites ≤ rows (cells for exports). */
export function checkSites(r: SitesFileResult): void {
  checkIssues(r.issues);
  expect(Number.isInteger(r.rows) && r.rows >= 0).toBe(true);
  for (const s of r.sites) {
    expect(finiteIn(s.lon, 180) && finiteIn(s.lat, 90), `site ${s.id} at ${s.lon},${s.lat}`).toBe(true);
    expect(Number.isFinite(s.radiusM) && s.radiusM > 0).toBe(true);
    expect(Number.isFinite(s.antennaHeightM) && Number.isFinite(s.bandMHz) && Number.isFinite(s.eirpDbm)).toBe(true);
  }
  expect(new Set(r.sites.map((s) => s.id)).size).toBe(r.sites.length);
  if (r.kind === 'opencellid') {
    expect(r.cells).toBeDefined();
    expect(r.sites.length).toBeLessThanOrEqual(r.cells ?? 0);
    expect(r.cells ?? 0).toBeLessThanOrEqual(r.rows);
  } else {
    expect(r.sites.length).toBeLessThanOrEqual(r.rows);
  }
}

/** Proposals read back: in range, unique (and, from a proposals file, non-empty) ids, known status and origin, finite numbers. */
export function checkProposals(sites: readonly ProposedSite[]): void {
  const ids = new Set<string>();
  for (const s of sites) {
    expect(finiteIn(s.lon, 180) && finiteIn(s.lat, 90)).toBe(true);
    expect(typeof s.id === 'string' && s.id !== '' && !ids.has(s.id)).toBe(true);
    ids.add(s.id);
    expect(['proposed', 'surveyed', 'approved', 'rejected']).toContain(s.status);
    expect(['manual', 'suggested']).toContain(s.origin);
    for (const v of [s.antennaHeightM, s.bandMHz, s.eirpDbm, s.radiusM, s.costCny]) expect(Number.isFinite(v)).toBe(true);
    expect(typeof s.name === 'string' && typeof s.notes === 'string').toBe(true);
  }
}
