/**
 * Blind-spot analysis: settings and results (FORMATS.md §5). Produced by the core, read by the
 * worker, the store, the map, the CLI and the exports.
 */
import type { AttendanceClass } from './types.ts';

export interface AnalysisSettings {
  /** DBSCAN neighbourhood radius, haversine metres. */
  epsM: number;
  /** A household is a core point when at least this many uncovered households (itself included) lie within epsM. */
  minHouseholds: number;
  /** Classes that count as uncovered (cannot attend online class). */
  uncovered: AttendanceClass[];
}

export const DEFAULT_ANALYSIS_SETTINGS: Readonly<AnalysisSettings> = Object.freeze({
  epsM: 500,
  minHouseholds: 3,
  uncovered: ['none', 'poor'] as AttendanceClass[],
});

/** One blind-spot cluster of uncovered households. */
export interface BlindspotCluster {
  /** Stable within one analysis: `c-<n>`, n = 1-based DBSCAN order (order of the clusters' first core points). */
  id: string;
  /** 1 = most uncovered students (ties: more uncovered households, then id order). */
  rank: number;
  /** Indices of the member households in the analysed household array, ascending. */
  memberIndices: number[];
  /** Ids of the member households (omitted from exports in privacy mode). */
  householdIds: string[];
  /** Member (uncovered) households and their students. */
  uncoveredHouseholds: number;
  uncoveredStudents: number;
  /** Every household (any class) inside the outline, members included, and their students. */
  households: number;
  students: number;
  /** Village names of the members, most members first (ties by name). */
  villages: string[];
  /** Township names of the members, most members first. */
  townships: string[];
  /** Mean position of the members, [lon, lat]. */
  centroid: [number, number];
  /** Outline: hull of the members buffered so that even 3 homes in a row have an area. */
  outline: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  /** Haversine metres from the centroid to the nearest existing site; null when there are no sites. */
  nearestSiteM: number | null;
}

export interface BlindspotAnalysis {
  settings: AnalysisSettings;
  /** Clusters in rank order. */
  clusters: BlindspotCluster[];
  /** Uncovered households that belong to no cluster (they need another remedy), ascending indices. */
  isolatedIndices: number[];
  /** Ids of those isolated households, same order (omitted from exports in privacy mode). */
  isolatedHouseholdIds?: string[];
  uncoveredHouseholds: number;
  uncoveredStudents: number;
}
