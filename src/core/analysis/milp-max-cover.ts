/**
 * The exact optimum of the maximal-covering instance (see `greedyMaxCover`: circles, or
 * precomputed coverage sets such as the terrain's) as a mixed-integer program solved by HiGHS (the `highs` package, passed in already loaded: this file loads no
 * wasm). Model, in CPLEX LP text:
 *   max Σ_g c_g y_g + Σ_j c_j x_j   s.t.  y_g ≤ Σ_{j covers g} x_j,  Σ_j x_j ≤ K,
 *   x_j binary, 0 ≤ y_g ≤ 1 (continuous: integral at the optimum once x is).
 * Circles are first turned into coverage sets (`circleCoverageSets`); sets are used as given.
 * Reductions: points no candidate reaches are dropped; points with the same set of covering
 * candidates form one group (weights and point counts summed); candidates covering the same
 * groups are one column (the lowest index stands for them); a group reached by one candidate
 * only needs no row (its value goes straight to that candidate's objective coefficient).
 * Objective: most weight (students), then most points (households) — when every weight is a
 * whole number, c = weight × (points + 1) + points, and HiGHS runs with no relative gap and an
 * absolute gap of 0.5 (so the proved optimum is exact); otherwise c = weight, gaps 0 / 1e-9 ×
 * total weight. Unlike `bruteForceMaxCover`, which of several equally good sets comes back is up to
 * the solver. The chosen set is reported in greedy order of marginal gain (each pick's weight and
 * points are what it adds after the ones before it, ties: more points, lower index) and picks
 * that add nothing are left out, as the greedy does. The totals are recounted from the member
 * lists, never read from the solver's y values.
 * Outcomes (`status`): 'optimal' (HiGHS proved it); 'too_large' (more than `maxNonzeros`
 * constraint-matrix entries after the reductions, or more than 40 × that many point–candidate
 * pairs before them: not solved, no picks); 'not_proven' (HiGHS stopped without a proof, e.g.
 * `timeLimitS`: picks are the best set it found, maybe none — not an optimum); 'failed' (HiGHS
 * threw, e.g. out of wasm memory: no picks; `highsStatus` holds the message).
 * Cost: circles 2 × C index queries (sets: none), O(pairs) grouping and LP text, then HiGHS (branch and cut; no
 * polynomial bound — hence the size limit and the time limit). Measured (Node 20, highs 1.15,
 * whole run): the demo (585 uncovered homes, 651 candidates, 3 km: 10,994 pairs → 861 nonzeros),
 * K = 3, 5, 10, 20: 40–180 ms (+ 0.2–0.5 s for the first solves of a fresh wasm instance); the
 * demo over the terrain: see `suggestSitesOverTerrain`. Seeded
 * synthetic village clumps, 3 km, K = 3…20, by model size: 1,800 nonzeros 0.1–0.2 s; 22,000:
 * 0.25–1 s; 45,000: 0.8–1.5 s; 64,000: 0.6–2.5 s; 80,000: 1.5–6 s; 130,000: 3.6–7 s;
 * 245,000: 6–13 s (hardest at K = 3). The household tie-break costs ~1.5–2× against students
 * alone.
 */
import { createPointGridIndex } from '../coverage/create-point-grid-index.ts';
import { circleCoverageSets } from './circle-coverage-sets.ts';
import type { MaxCoverInstance, MaxCoverPick, MaxCoverResult, MaxCoverSets } from './greedy-max-cover.ts';

/** What this file uses of a loaded HiGHS (`await (await import('highs')).default()`). */
export interface HighsLike {
  solve(lp: string, options?: HighsSolveOptions): HighsSolveResult;
}
export interface HighsSolveOptions {
  output_flag?: boolean;
  time_limit?: number;
  mip_rel_gap?: number;
  mip_abs_gap?: number;
}
export interface HighsSolveResult {
  /** HiGHS model status, e.g. 'Optimal', 'Time limit reached'. */
  Status: string;
  ObjectiveValue: number;
  /** By column name; `Primal` is absent when there is no solution. */
  Columns: Record<string, { Index: number; Primal?: number }>;
}

/** Default size limit: constraint-matrix nonzeros after the reductions (measured ≤ ~2.5 s, see above). */
export const MILP_MAX_NONZEROS = 60_000;
/** Default HiGHS time limit, seconds. */
export const MILP_TIME_LIMIT_S = 10;

export interface MilpMaxCoverOptions {
  /** Refuse (status 'too_large') models with more nonzeros. Default `MILP_MAX_NONZEROS`. */
  maxNonzeros?: number;
  /** HiGHS `time_limit`, seconds. Default `MILP_TIME_LIMIT_S`. */
  timeLimitS?: number;
}

export interface MilpModelSize {
  /** Columns: candidate columns (after merging identical ones) + group columns. */
  columns: number;
  rows: number;
  nonzeros: number;
  /** Point–candidate pairs within reach, before the reductions. */
  pairs: number;
}

export interface MilpMaxCoverResult extends MaxCoverResult {
  status: 'optimal' | 'too_large' | 'not_proven' | 'failed';
  /** HiGHS's own status (or the error message when it threw); null when HiGHS was not called. */
  highsStatus: string | null;
  model: MilpModelSize;
}

export function milpMaxCover(
  inst: MaxCoverInstance | MaxCoverSets, count: number, solver: HighsLike, options: MilpMaxCoverOptions = {},
): MilpMaxCoverResult {
  const n = inst.weight.length, c = 'sets' in inst ? inst.sets.length : inst.candLon.length;
  const k = Math.max(0, Math.min(Math.floor(count), c));
  const maxNonzeros = options.maxNonzeros ?? MILP_MAX_NONZEROS;
  const timeLimitS = options.timeLimitS ?? MILP_TIME_LIMIT_S;
  const empty = (status: MilpMaxCoverResult['status'], highsStatus: string | null, model: MilpModelSize): MilpMaxCoverResult =>
    ({ picks: [], totalWeight: 0, totalPoints: 0, status, highsStatus, model });

  // 1. Who reaches whom (for circles counted first, so a huge instance costs no memory).
  let pairs = 0;
  let members: readonly Int32Array[];
  if ('sets' in inst) {
    members = inst.sets;
    for (const m of members) pairs += m.length;
  } else {
    const index = createPointGridIndex(inst.lon, inst.lat);
    const countPair = (): void => { pairs++; };
    for (let j = 0; j < c; j++) index.forEachWithinM(inst.candLon[j]!, inst.candLat[j]!, inst.radiusM, countPair);
    members = pairs > 40 * maxNonzeros ? [] : circleCoverageSets(inst, index);
  }
  const zero: MilpModelSize = { columns: 0, rows: 0, nonzeros: 0, pairs };
  if (pairs > 40 * maxNonzeros) return empty('too_large', null, zero);

  // 2. Covering set of each point (candidates ascending), then groups of points with equal sets.
  const coverStart = new Int32Array(n + 1);
  for (const m of members) for (const q of m) coverStart[q + 1]!++;
  for (let q = 0; q < n; q++) coverStart[q + 1]! += coverStart[q]!;
  const fill = coverStart.slice(0, n);
  const coverBy = new Int32Array(pairs);
  for (let j = 0; j < c; j++) for (const q of members[j]!) coverBy[fill[q]!++] = j;
  const groupOf = new Map<string, number>();
  const groupSets: Int32Array[] = [];
  const groupW: number[] = [], groupP: number[] = [];
  for (let q = 0; q < n; q++) {
    const set = coverBy.subarray(coverStart[q]!, coverStart[q + 1]!);
    if (set.length === 0) continue;
    const key = set.join(',');
    let g = groupOf.get(key);
    if (g === undefined) { g = groupSets.length; groupOf.set(key, g); groupSets.push(set); groupW.push(0); groupP.push(0); }
    groupW[g]! += inst.weight[q]!; groupP[g]!++;
  }

  // 3. Candidates that reach the same groups are one column (the lowest index).
  const groupsOfCand: number[][] = Array.from({ length: c }, () => []);
  groupSets.forEach((set, g) => { for (const j of set) groupsOfCand[j]!.push(g); });
  const columnOf = new Int32Array(c).fill(-1);
  const columnCand: number[] = [];
  const seenCols = new Map<string, number>();
  for (let j = 0; j < c; j++) {
    if (groupsOfCand[j]!.length === 0) continue;
    const key = groupsOfCand[j]!.join(',');
    const col = seenCols.get(key);
    if (col !== undefined) { columnOf[j] = col; continue; }
    columnOf[j] = columnCand.length; seenCols.set(key, columnCand.length); columnCand.push(j);
  }
  const cols = columnCand.length;

  // 4. Objective coefficients and rows.
  const integral = groupW.every((w) => Number.isInteger(w));
  const totalPoints = groupP.reduce((s, p) => s + p, 0);
  const totalWeight = groupW.reduce((s, w) => s + w, 0);
  const coef = (g: number): number => (integral ? groupW[g]! * (totalPoints + 1) + groupP[g]! : groupW[g]!);
  const xCost = new Float64Array(cols);
  const rows: { g: number; xs: number[] }[] = [];
  let nonzeros = cols; // the cardinality row
  groupSets.forEach((set, g) => {
    if (coef(g) === 0) return;
    const xs = [...new Set(Array.from(set, (j) => columnOf[j]!))];
    if (xs.length === 1) { xCost[xs[0]!]! += coef(g); return; }
    rows.push({ g, xs });
    nonzeros += xs.length + 1;
  });
  const model: MilpModelSize = { columns: cols + rows.length, rows: rows.length + 1, nonzeros, pairs };
  if (nonzeros > maxNonzeros) return empty('too_large', null, model);
  if (k === 0 || cols === 0 || totalWeight + totalPoints === 0) return { ...empty('optimal', null, model) };

  // 5. LP text. Terms are wrapped a few per line to keep lines short.
  const out: string[] = ['Maximize', ' obj:'];
  const terms: string[] = [];
  xCost.forEach((v, x) => { if (v !== 0) terms.push(`+ ${num(v)} x${x}`); });
  rows.forEach((r, y) => terms.push(`+ ${num(coef(r.g))} y${y}`));
  if (terms.length === 0) terms.push('+ 0 x0');
  wrap(out, terms);
  out.push('Subject To');
  rows.forEach((r, y) => {
    out.push(` r${y}: y${y}`);
    wrap(out, r.xs.map((x) => `- x${x}`));
    out.push(' <= 0');
  });
  out.push(' k:');
  wrap(out, Array.from({ length: cols }, (_, x) => `+ x${x}`));
  out.push(` <= ${k}`, 'Bounds');
  rows.forEach((_, y) => out.push(` y${y} <= 1`));
  out.push('Binary');
  wrap(out, Array.from({ length: cols }, (_, x) => `x${x}`));
  out.push('End');

  let solution: HighsSolveResult;
  try {
    solution = solver.solve(out.join('\n'), {
      output_flag: false, time_limit: timeLimitS,
      mip_rel_gap: 0, mip_abs_gap: integral ? 0.5 : 1e-9 * totalWeight,
    });
  } catch (err) {
    return empty('failed', err instanceof Error ? err.message : String(err), model);
  }

  // 6. The chosen candidates, in greedy order of marginal gain.
  const chosen: number[] = [];
  for (let x = 0; x < cols; x++) if ((solution.Columns[`x${x}`]?.Primal ?? 0) > 0.5) chosen.push(columnCand[x]!);
  const seen = new Uint8Array(n);
  const picks: MaxCoverPick[] = [];
  let w = 0, p = 0;
  while (chosen.length > 0) {
    let bi = 0, bw = -1, bp = -1;
    chosen.forEach((j, r) => {
      let gw = 0, gp = 0;
      for (const q of members[j]!) if (seen[q] === 0) { gw += inst.weight[q]!; gp++; }
      if (gw > bw || (gw === bw && gp > bp)) { bw = gw; bp = gp; bi = r; }
    });
    if (bw === 0 && bp === 0) break;
    const j = chosen.splice(bi, 1)[0]!;
    for (const q of members[j]!) seen[q] = 1;
    picks.push({ candidate: j, weight: bw, points: bp });
    w += bw; p += bp;
  }
  return { picks, totalWeight: w, totalPoints: p, status: solution.Status === 'Optimal' ? 'optimal' : 'not_proven', highsStatus: solution.Status, model };
}

/** A coefficient as LP text (whole numbers without exponent). */
function num(v: number): string {
  return Number.isInteger(v) && Math.abs(v) < 1e15 ? v.toFixed(0) : v.toPrecision(17);
}

function wrap(out: string[], terms: readonly string[], perLine = 16): void {
  for (let i = 0; i < terms.length; i += perLine) out.push(`  ${terms.slice(i, i + perLine).join(' ')}`);
}
