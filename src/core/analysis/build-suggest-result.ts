/**
 * The result of a site suggestion from the answer that stands (`exactOrGreedyMaxCover`): one
 * proposed site per pick, best first, and the totals.
 * Rules: site i (rank i, 1 = first pick) stands at its candidate's position, named
 * `Suggested i`, with id `<idPrefix><n>` for the lowest n ≥ 1 not taken by a fixed proposal or an
 * earlier suggestion; radio fields and cost from `siteDefaults` over `SUGGEST_DEFAULTS`; its
 * `radiusM` is `siteRadiusM(site)` (asked with the site built so far, `radiusM` 0): the circle's
 * radius, or the coverage model's reach. Each site carries its marginal gain (homes and students
 * newly covered after the fixed proposals and the sites before it). Counts are over the homes to
 * cover (uncovered today, not covered by a fixed proposal). Cost: O(K + fixed proposals).
 */
import type { ImpactTotals } from './create-impact-tracker.ts';
import type { ProposedSite } from '../model/proposal.ts';
import type { Site } from '../model/types.ts';
import type { ExactOrGreedyResult, ExactOrGreedySummary } from './exact-or-greedy-max-cover.ts';
import type { HomesToCover } from './homes-to-cover.ts';
import type { CandidateSource, SuggestCandidates } from './suggest-candidates.ts';
import { SUGGEST_DEFAULTS } from './suggest-defaults.ts';

export interface SuggestedSite {
  site: ProposedSite;
  source: CandidateSource;
  /** 1 = first picked. */
  rank: number;
  newlyCoveredHouseholds: number;
  newlyCoveredStudents: number;
}

/** Counts are those of `ImpactTotals`, over homes uncovered today and not covered by a fixed proposal. */
export interface SuggestResult extends Omit<ImpactTotals, 'totalCostCny' | 'costPerStudentCny'>, ExactOrGreedySummary {
  sites: SuggestedSite[];
  candidates: number;
}

export interface BuildSuggestResultOptions {
  /** Proposals kept as they are: their ids are not reused. */
  fixed: readonly Site[];
  idPrefix?: string;
  siteDefaults?: Partial<Pick<ProposedSite, 'antennaHeightM' | 'bandMHz' | 'eirpDbm' | 'costCny'>>;
  /** The suggested site's coverage radius, m. */
  siteRadiusM(site: ProposedSite): number;
}

export function buildSuggestResult(
  chosen: ExactOrGreedyResult, candidates: SuggestCandidates, homes: HomesToCover, options: BuildSuggestResultOptions,
): SuggestResult {
  const { answer, ...summary } = chosen;
  const usedIds = new Set(options.fixed.map((s) => s.id));
  const prefix = options.idPrefix ?? SUGGEST_DEFAULTS.idPrefix;
  let next = 1;
  const d = { ...SUGGEST_DEFAULTS, ...options.siteDefaults };
  const sites = answer.picks.map((p, i): SuggestedSite => {
    while (usedIds.has(`${prefix}${next}`)) next++;
    const id = `${prefix}${next}`;
    usedIds.add(id);
    const site: ProposedSite = {
      id, name: `Suggested ${i + 1}`, lon: candidates.lon[p.candidate]!, lat: candidates.lat[p.candidate]!, status: 'proposed',
      origin: 'suggested', antennaHeightM: d.antennaHeightM, bandMHz: d.bandMHz, eirpDbm: d.eirpDbm, radiusM: 0,
      costCny: d.costCny, notes: '',
    };
    site.radiusM = options.siteRadiusM(site);
    return { site, source: candidates.source[p.candidate]!, rank: i + 1, newlyCoveredHouseholds: p.points, newlyCoveredStudents: p.weight };
  });
  const n = homes.indices.length;
  return {
    ...summary, sites, candidates: candidates.lon.length,
    uncoveredHouseholdsBefore: n, uncoveredStudentsBefore: homes.students,
    newlyCoveredHouseholds: answer.totalPoints, newlyCoveredStudents: answer.totalWeight,
    remainingHouseholds: n - answer.totalPoints, remainingStudents: homes.students - answer.totalWeight,
  };
}
