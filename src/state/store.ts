/**
 * The app's one zustand store, built from slices. It holds domain data and UI state only — never
 * the map or the worker (those are owned by map/ and worker/ and fed from here).
 * `createAppStore()` makes a fresh store (tests); `appStore` is the app's instance.
 */
import { createStore } from 'zustand/vanilla';
import {
  DEFAULT_ANALYSIS_SETTINGS,
  type AnalysisSettings,
  type AttendanceClass,
  type BlindspotAnalysis,
  type ColumnDescription,
  householdTableOf,
  type HouseholdTable,
  type HouseholdsFileDescription,
  type ImportIssue,
  type ImportOptions,
  type ParseResult,
  type AreaLevel,
  type ProposedSite,
  type Site,
  type SuggestResult,
} from '../core/index.ts';
import type { Lang } from '../i18n/translate.ts';
import type { DemInfo, ParseProgress, TerrainSiteCoverage } from '../worker/protocol.ts';
import type { UnreportedUncovered } from '../core/terrain/predict-unreported-uncovered.ts';

export interface DatasetSource {
  kind: 'demo' | 'file';
  name: string;
  encoding: string;
  format: ParseResult['format'];
  /** Workbooks: the sheet read and all sheet names. */
  sheet?: string;
  sheets?: string[];
  /** Each column, the field it feeds and sample values (personal ones masked). */
  columns: ColumnDescription[];
  headerSignature: string;
  /** The choices the file was read with (encoding, sheet, mapping, crs, fixed rows). */
  options: ImportOptions;
  /** Set when the rows came from a project file (its name): they cannot be read again with other choices. */
  project?: string;
}

/** A file whose columns could not be matched: the user maps them by hand. */
export interface MappingRequest {
  name: string;
  message: string;
  description: HouseholdsFileDescription;
  options: ImportOptions;
}

export interface SiteSource {
  kind: 'demo' | 'file';
  name: string;
  rows: number;
  issues: ImportIssue[];
}

export interface DatasetSlice {
  /** The homes as columns (the page makes no object per home; a home's reports and personal fields are asked for). */
  households: HouseholdTable;
  sites: Site[];
  siteSource: SiteSource | null;
  issues: ImportIssue[];
  rows: number;
  source: DatasetSource | null;
}

export type LoadStatus =
  | { state: 'idle' }
  /** `progress`: of an import, by stage (bytes read, rows validated, rows merged, the answer sent; total 0: not measured). */
  | { state: 'loading'; name: string; progress?: ParseProgress }
  | { state: 'error'; name: string; message: string; code?: string };

export type Selection =
  | { kind: 'household'; id: string }
  | { kind: 'site'; id: string }
  | { kind: 'cluster'; id: string }
  | { kind: 'proposal'; id: string }
  | null;

export interface AnalysisSlice {
  settings: AnalysisSettings;
  /** The latest finished analysis, or null while none matches the current dataset. */
  result: BlindspotAnalysis | null;
  /** The households the result's indices refer to. */
  resultFor: HouseholdTable | null;
  running: boolean;
  error: { message: string; code?: string } | null;
}

/** A request to move the map to an extent; `seq` makes a repeated request distinct. */
export interface FlyTarget {
  bounds: [number, number, number, number];
  seq: number;
}

/** How saving on this machine goes: the last good save, a failure to show, news from another tab. */
export interface StorageState {
  /** When the plan was last saved (ISO), and its revision. */
  planSavedAt: string | null;
  planRev: number;
  /** A save failed: the disk is full (quota) or storage is not available. Cleared by the next good save. */
  error: 'quota' | 'unavailable' | null;
  /** The plan was changed in another tab: `updated` (shown here now) or `conflict` (an edit here was not saved). */
  notice: 'updated' | 'conflict' | null;
}

export interface UiSlice {
  load: LoadStatus;
  mappingRequest: MappingRequest | null;
  flyTarget: FlyTarget | null;
  selection: Selection;
  hiddenClasses: AttendanceClass[];
  township: string | null;
  village: string | null;
  importSummaryOpen: boolean;
  showPersonal: boolean;
  view: AppView;
  /**
   * Privacy mode per view (aggregates only: no household points, ids, names or exact homes; counts
   * 1–4 shown as <5): on by default in the committee view, off by default in the engineer's.
   */
  privacy: Record<AppView, boolean>;
  storage: StorageState;
}

/** What the user's site plan is at one moment: the unit of undo/redo and of saving. */
export interface PlanSnapshot {
  /** In list order: "newly covered" is counted in this order. */
  proposals: ProposedSite[];
  /** Candidate points the user pinned for suggestions (hilltops), [lon, lat]. */
  pinned: [number, number][];
}

/** A proposal being dragged: its live position, not yet committed (no undo step per frame). */
export interface PlanDrag {
  id: string;
  lon: number;
  lat: number;
}

/** What a click on the map does: select things, add a proposal, or pin a candidate point. */
export type PlanMode = 'select' | 'add' | 'pin';

export interface SuggestState {
  running: boolean;
  /** The last answer (its sites were added to the plan), with the count and radius asked, and whether over terrain. */
  result: (SuggestResult & { count: number; radiusM: number; terrain: boolean }) | null;
  error: { message: string; code?: string } | null;
}

export interface PlanSlice extends PlanSnapshot {
  past: PlanSnapshot[];
  future: PlanSnapshot[];
  mode: PlanMode;
  drag: PlanDrag | null;
  suggest: SuggestState;
}

/** Which of the two views: the engineer's (homes, clusters, plan) or the committee's (areas only). */
export type AppView = 'engineer' | 'committee';

export type CommitteeSortKey =
  | 'name' | 'households' | 'students' | 'none' | 'poor' | 'uncoveredStudents' | 'uncoveredStudentsAfter' | 'uncoveredShare';

export interface CommitteeSlice {
  level: AreaLevel;
  search: string;
  sort: { key: CommitteeSortKey; descending: boolean };
  /** How areas are drawn in the aggregate map: symbols at village centres, or H3 hexagons. */
  mapMode: 'symbols' | 'hexagons';
  /** The map shows what stays uncovered once the proposals are built. */
  after: boolean;
  /** The area selected in the table (its key), highlighted on the map. */
  selected: string | null;
  /** The printed report's map picture (PNG data URL) and when it was prepared. */
  report: { mapImage: string | null; preparedAt: string } | null;
}

/** Where the elevation model came from: the demo's synthetic terrain, or files the user picked. */
export type DemSource = { kind: 'demo' } | { kind: 'files'; names: string[] };

/**
 * Terrain-aware coverage (issue 8). The DEM itself lives in the worker; here is what is known of
 * it, which model counts coverage, and the worker's answers for the current proposals and dataset.
 */
export interface TerrainSlice {
  /** The DEM loaded in the worker, or null. */
  dem: (DemInfo & { source: DemSource }) | null;
  /** Which coverage model the plan counts with; 'terrain' only counts while a DEM is loaded. */
  model: 'radius' | 'terrain';
  load: LoadStatus;
  /**
   * Each proposal's terrain coverage, by `terrainSiteKey` (position and radio fields), for the
   * households and uncovered classes in `coverageFor`; a key missing is still being computed.
   */
  coverage: Record<string, TerrainSiteCoverage>;
  coverageFor: { households: HouseholdTable; uncovered: AttendanceClass[]; dem: NonNullable<TerrainSlice['dem']> } | null;
  /** Proposals whose coverage the worker is computing now (0 when none). */
  pending: number;
  error: { message: string; code?: string } | null;
  /** Homes without a report that no existing site is predicted to cover (for `households`). */
  unreported: (UnreportedUncovered & { households: HouseholdTable }) | null;
  /** Draw the flagged homes on the map. */
  showUnreported: boolean;
  /** Work done on a suggestion over terrain (candidate coverage sets), or null. */
  suggestProgress: { done: number; total: number } | null;
}

export interface SettingsSlice {
  lang: Lang;
}

export interface AppState {
  dataset: DatasetSlice;
  analysis: AnalysisSlice;
  ui: UiSlice;
  plan: PlanSlice;
  committee: CommitteeSlice;
  terrain: TerrainSlice;
  settings: SettingsSlice;
}

/** No homes (the store before any data). */
export const NO_HOUSEHOLDS: HouseholdTable = householdTableOf([]);

export const emptyDataset: DatasetSlice = {
  households: NO_HOUSEHOLDS,
  sites: [],
  siteSource: null,
  issues: [],
  rows: 0,
  source: null,
};

export const initialUi: UiSlice = {
  load: { state: 'idle' },
  mappingRequest: null,
  flyTarget: null,
  selection: null,
  hiddenClasses: [],
  township: null,
  village: null,
  importSummaryOpen: false,
  showPersonal: false,
  view: 'engineer',
  privacy: { engineer: false, committee: true },
  storage: { planSavedAt: null, planRev: 0, error: null, notice: null },
};

export const initialCommittee: CommitteeSlice = {
  level: 'village',
  search: '',
  sort: { key: 'uncoveredStudents', descending: true },
  mapMode: 'symbols',
  after: false,
  selected: null,
  report: null,
};

export const initialAnalysis: AnalysisSlice = {
  settings: DEFAULT_ANALYSIS_SETTINGS,
  result: null,
  resultFor: null,
  running: false,
  error: null,
};

export const initialPlan: PlanSlice = {
  proposals: [],
  pinned: [],
  past: [],
  future: [],
  mode: 'select',
  drag: null,
  suggest: { running: false, result: null, error: null },
};

export const initialTerrain: TerrainSlice = {
  dem: null,
  model: 'terrain',
  load: { state: 'idle' },
  coverage: {},
  coverageFor: null,
  pending: 0,
  error: null,
  unreported: null,
  showUnreported: true,
  suggestProgress: null,
};

export function createAppStore(lang: Lang = 'zh-CN', analysisSettings: AnalysisSettings = DEFAULT_ANALYSIS_SETTINGS) {
  return createStore<AppState>()(() => ({
    dataset: emptyDataset,
    analysis: { ...initialAnalysis, settings: analysisSettings },
    ui: initialUi,
    plan: initialPlan,
    committee: initialCommittee,
    terrain: initialTerrain,
    settings: { lang },
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
