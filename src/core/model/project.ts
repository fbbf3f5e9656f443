/**
 * The project file (FORMATS.md §7, `*.blindspot.json`, schema `blindspot.project/1`): the user's
 * own save of everything needed to reopen the same state — the imported rows as parsed
 * (households with their reports and personal fields, and the import issues), the site list,
 * the import choices (which carry the classification thresholds), the analysis settings, the
 * proposals and the pinned candidate points. Written by `projectToJson`, read by
 * `parseProjectFile`. Derived results (classes summary, clusters, impacts) are not stored: they
 * are recomputed on open.
 */
import type { AnalysisSettings } from './analysis.ts';
import type { ImportOptions } from './import-options.ts';
import type { ProposedSite } from './proposal.ts';
import type { Household, ImportIssue, ParseResult, Site } from './types.ts';

/** Where the households came from and how they were read. */
export interface ProjectHouseholdSource {
  kind: 'demo' | 'file';
  /** File name (or the demo's name). */
  name: string;
  /** Text encoding the file was read with (e.g. `utf-8`, `gb18030`, `utf-16le`). */
  encoding: string;
  format: ParseResult['format'];
  /** Workbooks: the sheet read. */
  sheet?: string;
  /** The choices the file was read with (encoding, sheet, mapping, crs, fixed rows, thresholds). */
  options: ImportOptions;
}

export interface ProjectHouseholds {
  source: ProjectHouseholdSource;
  /** Data rows read from the file. */
  rows: number;
  households: Household[];
  issues: ImportIssue[];
}

export interface ProjectSiteSource {
  kind: 'demo' | 'file';
  name: string;
  rows: number;
  issues: ImportIssue[];
}

export interface ProjectSites {
  source: ProjectSiteSource;
  sites: Site[];
}

export interface BlindspotProject {
  schema: 'blindspot.project/1';
  /** When it was saved: ISO 8601, whole seconds, UTC (`2026-03-13T08:00:00Z`). */
  savedAt: string;
  households: ProjectHouseholds | null;
  sites: ProjectSites | null;
  analysisSettings: AnalysisSettings;
  /** In list order (the order "newly covered" is counted in). */
  proposals: ProposedSite[];
  /** The user's candidate points for suggestions, [lon, lat]. */
  pinned: [number, number][];
}
