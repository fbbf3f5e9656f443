/** Messages between the app and the core worker. Bytes cross by transfer, never by copy. */
import type {
  AnalysisSettings,
  BlindspotAnalysis,
  Household,
  HouseholdsFileDescription,
  HouseholdsFileResult,
  ImportOptions,
  Site,
  SitesFileOptions,
  SitesFileResult,
  SuggestResult,
  SuggestSitesOptions,
} from '../core/index.ts';

export type WorkerRequest =
  | { id: number; type: 'parseHouseholds'; name: string; bytes: ArrayBuffer; options: ImportOptions }
  | { id: number; type: 'inspectHouseholds'; name: string; bytes: ArrayBuffer; options: ImportOptions }
  | { id: number; type: 'parseSites'; name: string; bytes: ArrayBuffer; options: SitesFileOptions }
  /** Keeps the households and sites in the worker for the analyses that follow. */
  | { id: number; type: 'setDataset'; households: Household[]; sites: Site[] }
  | { id: number; type: 'analyze'; settings: AnalysisSettings }
  /** Suggests sites over the dataset last set (the exact optimum from HiGHS when small enough). */
  | { id: number; type: 'suggest'; options: SuggestOptions };

/** Everything `suggestSites` takes except the solver, which the worker loads itself. */
export type SuggestOptions = Omit<SuggestSitesOptions, 'milp'>;

export type WorkerResult = HouseholdsFileResult | HouseholdsFileDescription | SitesFileResult | BlindspotAnalysis | SuggestResult | null;

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

export type WorkerResponse = { id: number; ok: true; result: WorkerResult } | { id: number; ok: false; error: SerializedError };
