/** Messages between the app and the core worker. Bytes cross by transfer, never by copy. */
import type {
  AnalysisSettings,
  AttendanceClass,
  BlindspotAnalysis,
  BlindspotProject,
  CoverageRaster,
  Household,
  HouseholdTable,
  HouseholdsFileDescription,
  HouseholdsFileResult,
  ImportOptions,
  ImportStage,
  RadioSite,
  RsrpPrediction,
  Site,
  SitesFileOptions,
  SitesFileResult,
  SuggestResult,
  SuggestSitesOptions,
} from '../core/index.ts';
import type { MultiPolygon, Polygon } from 'geojson';
import type { SuggestOverTerrainOptions, SuggestOverTerrainResult } from '../core/terrain/suggest-sites-over-terrain.ts';
import type { UnreportedUncovered } from '../core/terrain/predict-unreported-uncovered.ts';

export interface FileBytes {
  name: string;
  bytes: ArrayBuffer;
}

export type WorkerRequest =
  | { id: number; type: 'parseHouseholds'; name: string; bytes: ArrayBuffer; options: ImportOptions }
  | { id: number; type: 'inspectHouseholds'; name: string; bytes: ArrayBuffer; options: ImportOptions }
  /** Reads a project file (FORMATS §7): its homes stay here like a parsed file's (`parsedId` is this request's id). */
  | { id: number; type: 'openProject'; name: string; bytes: ArrayBuffer }
  | { id: number; type: 'parseSites'; name: string; bytes: ArrayBuffer; options: SitesFileOptions }
  /**
   * Keeps the households and sites in the worker for the analyses that follow. `households` may
   * instead name the worker's own last parse (`parsedId`, the id of that parseHouseholds request):
   * then the homes do not cross again (a million homes took seconds each way).
   */
  | { id: number; type: 'setDataset'; households: Household[] | { parsedId: number }; sites: Site[] }
  | { id: number; type: 'analyze'; settings: AnalysisSettings }
  /** Suggests sites over the dataset last set (the exact optimum from HiGHS when small enough). */
  | { id: number; type: 'suggest'; options: SuggestOptions }
  /** Reads elevation files (GeoTIFF, SRTM .hgt, zips) into the worker's DEM, replacing any other. */
  | { id: number; type: 'loadDem'; files: FileBytes[] }
  /** Builds the demo's synthetic terrain from the demo's own household and site files. */
  | { id: number; type: 'loadDemoTerrain'; households: FileBytes; sites: FileBytes }
  | { id: number; type: 'clearDem' }
  /** Terrain coverage of each site over the dataset last set: raster, outline, households covered. */
  | { id: number; type: 'terrainCoverage'; sites: Site[]; classes: AttendanceClass[] }
  /** Suggests sites with coverage predicted over the DEM (progress messages while the sets are built). */
  | { id: number; type: 'suggestOverTerrain'; options: TerrainSuggestOptions }
  /** Households without a report that no existing site is predicted to cover. */
  | { id: number; type: 'unreportedUncovered' }
  /** The full prediction from a site to a point (profile, losses, main obstacle). */
  | { id: number; type: 'predictPath'; site: RadioSite; lon: number; lat: number }
  /** One home's reports and personal fields (`householdId` checks that the page and the worker mean the same home). */
  | { id: number; type: 'householdDetails'; index: number; householdId: string }
  /** The dataset's homes whole (reports and personal fields included) as JSON text pieces, for a project file. */
  | { id: number; type: 'householdsJson' };

/** Above this many homes a parse answer carries them as columns (`HouseholdTable`), details left in the worker. */
export const COLUMNS_ABOVE = 50_000;

/** Where a household import stands: the core's stages (`IMPORT_STAGES`), then its answer crossing to the page. */
export type ParseStage = ImportStage | 'sending';

/** Work done on a request: `done` of `total` (bytes while reading, rows after; total 0: not measured). */
export interface ParseProgress {
  stage?: ParseStage;
  done: number;
  total: number;
}

/** A parse answer as it crosses: the homes as columns when there are many. */
export type ParseAnswer = HouseholdsFileResult & { householdTable?: HouseholdTable };

/** A project as it crosses: when it has many homes, its households' array is empty and they come as a table. */
export type ProjectAnswer = { project: BlindspotProject; householdTable?: HouseholdTable };

export type HouseholdDetails = Pick<Household, 'reports' | 'personal'>;

/** Everything `suggestSites` takes except the solver, which the worker loads itself. */
export type SuggestOptions = Omit<SuggestSitesOptions, 'milp'>;

/** Everything `suggestSitesOverTerrain` takes except the model (the worker's) and the callbacks. */
export type TerrainSuggestOptions = Omit<SuggestOverTerrainOptions, 'model' | 'onProgress' | 'milp'>;

/** What the app knows of the DEM loaded in the worker. */
export interface DemInfo {
  label: string;
  bounds: [number, number, number, number];
  cellSizeDeg: [number, number];
  synthetic: boolean;
  /** Elevation samples held (memory ≈ 2–4 bytes each). */
  samples: number;
}

/** One site's coverage over the terrain. */
export interface TerrainSiteCoverage {
  /** The site's id as asked. */
  siteId: string;
  /** The farthest it can cover (Hata range at the threshold), m. */
  reachM: number;
  raster: Pick<CoverageRaster, 'rsrpDbm' | 'width' | 'height' | 'bounds' | 'cellSizeDeg'>;
  outline: Polygon | MultiPolygon;
  /** Indices into the dataset's households of the asked classes that the site covers, ascending. */
  covered: Int32Array;
}

export type WorkerResult =
  | ParseAnswer | ProjectAnswer | HouseholdsFileDescription | SitesFileResult | BlindspotAnalysis | SuggestResult | null
  | DemInfo | TerrainSiteCoverage[] | SuggestOverTerrainResult | UnreportedUncovered | RsrpPrediction | HouseholdDetails | string[];

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

export type WorkerResponse =
  | { id: number; ok: true; result: WorkerResult }
  | { id: number; ok: false; error: SerializedError }
  /** Work done so far on a long request (several may come before its answer); a household import says its stage. */
  | { id: number; progress: ParseProgress };
