/**
 * Site proposals (issue 4, FORMATS.md §4): a proposed base station and the coverage-model
 * interface every coverage model (the radius model now, a terrain-aware model later) implements.
 */
import type { Polygon } from 'geojson';
import type { Site } from './types.ts';

/** A typical remote 4G site costs 200,000–300,000 CNY (issue 4); the default cost of a proposal. */
export const DEFAULT_SITE_COST_CNY = 250_000;

/**
 * Where a proposal stands: `proposed` (default), `surveyed` (the spot was visited), `approved`
 * (funded / accepted by the operator), `rejected` (kept for the record: it covers nothing in the
 * plan's impact and is not kept fixed in suggestions).
 */
export const PROPOSAL_STATUSES = ['proposed', 'surveyed', 'approved', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Whether a proposal counts in the plan (every status but `rejected`). */
export const countsInPlan = (site: { status: string }): boolean => site.status !== 'rejected';

/** A proposed base station: every `Site` field plus how it came about, its cost and notes. */
export interface ProposedSite extends Omit<Site, 'status'> {
  status: ProposalStatus;
  /** Placed by the user, or produced by `suggestSites`. */
  origin: 'manual' | 'suggested';
  /** Estimated cost, CNY (default `DEFAULT_SITE_COST_CNY`). */
  costCny: number;
  notes: string;
}

/**
 * Which households a site covers and the outline to draw. `covers` is the rule; `outline` is only
 * a picture of it. Models may use `site.radiusM` as their maximum reach: callers prefilter with
 * a haversine search of that radius before asking `covers`.
 */
export interface CoverageModel {
  id: 'radius' | (string & {});
  covers(site: Site, lon: number, lat: number): boolean;
  outline(site: Site): Polygon;
}
