/** Messages between the app and the core worker. Bytes cross by transfer, never by copy. */
import type { ParseResult, Site, ImportIssue } from '../core/index.ts';

export type WorkerRequest =
  | { id: number; type: 'parseHouseholds'; name: string; bytes: ArrayBuffer }
  | { id: number; type: 'parseSites'; name: string; bytes: ArrayBuffer };

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
  | { id: number; ok: true; result: HouseholdsResult | SitesResult }
  | { id: number; ok: false; error: SerializedError };
