/** Messages between the app and the core worker. Bytes cross by transfer, never by copy. */
import type { AnalysisSettings, BlindspotAnalysis, Household, ImportIssue, ParseResult, Site } from '../core/index.ts';

export type WorkerRequest =
  | { id: number; type: 'parseHouseholds'; name: string; bytes: ArrayBuffer }
  | { id: number; type: 'parseSites'; name: string; bytes: ArrayBuffer }
  /** Keeps the households and sites in the worker for the analyses that follow. */
  | { id: number; type: 'setDataset'; households: Household[]; sites: Site[] }
  | { id: number; type: 'analyze'; settings: AnalysisSettings };

export interface HouseholdsResult extends ParseResult {
  encoding: string;
}
export interface SitesResult {
  sites: Site[];
  issues: ImportIssue[];
  rows: number;
}

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

export type WorkerResponse =
  | { id: number; ok: true; result: HouseholdsResult | SitesResult | BlindspotAnalysis | null }
  | { id: number; ok: false; error: SerializedError };
