/**
 * The app's handle on the core worker: one request → one promise. Errors come back as
 * `UserInputError` when the core said the input cannot be used, `WorkerFailedError` when the
 * worker itself failed (the next request starts a new one), else as `Error`.
 *
 * The page holds households only as a `HouseholdTable` (issue 9 §1: no object per home). Their
 * reports and personal fields are kept where they are cheap to keep: a small file's or project's
 * homes (at most `COLUMNS_ABOVE`) whole on this side, keyed by their table; a large one's in the
 * worker that read it. `householdDetails` and `householdsJson` answer from either. When that
 * worker is gone (ended by a cancel, or failed), the file is read again in the new one before the
 * next request on its homes: nothing of them is lost.
 */
import {
  householdIdAt,
  householdsJsonPiece,
  householdTableOf,
  UserInputError,
  type AnalysisSettings,
  type BlindspotAnalysis,
  type BlindspotProject,
  type Household,
  type HouseholdsFileDescription,
  type HouseholdsFileResult,
  type HouseholdTable,
  type ImportOptions,
  type Site,
  type SitesFileOptions,
  type SitesFileResult,
  type SuggestResult,
  type RadioSite,
  type RsrpPrediction,
  type AttendanceClass,
} from '../core/index.ts';
import type { SuggestOverTerrainResult } from '../core/terrain/suggest-sites-over-terrain.ts';
import type { UnreportedUncovered } from '../core/terrain/predict-unreported-uncovered.ts';
import type {
  DemInfo, FileBytes, HouseholdDetails, ParseAnswer, ParseStage, ProjectAnswer, SuggestOptions, TerrainSiteCoverage, TerrainSuggestOptions, WorkerRequest, WorkerResponse,
} from './protocol.ts';

/** Work done so far on a long request; a household import says its stage (total 0: not measured). */
export type OnProgress = (done: number, total: number, stage?: ParseStage) => void;

/** A household file as the page keeps it: the homes as a table. */
export type ParsedHouseholds = Omit<HouseholdsFileResult, 'households'> & { households: HouseholdTable };

/** A project file as the page keeps it: its homes as a table (`project.households.households` is empty). */
export interface OpenedProject {
  project: BlindspotProject;
  households: HouseholdTable;
}

/** The request that read a large table's homes, to read them again in a new worker. */
type HomesSource =
  | { type: 'parseHouseholds'; name: string; bytes: ArrayBuffer; options: ImportOptions }
  | { type: 'openProject'; name: string; bytes: ArrayBuffer };

export interface CoreClient {
  /**
   * `onProgress(done, total, stage)`: bytes read, rows validated, rows merged (`IMPORT_STAGES`),
   * then 'sending' (the answer crossing); at most one call in 250 ms within a stage. `bytes` is
   * kept as given (the worker gets a copy), to parse again in a new worker if needed: do not change it.
   */
  parseHouseholds(name: string, bytes: ArrayBuffer, options?: ImportOptions, onProgress?: OnProgress): Promise<ParsedHouseholds>;
  /**
   * Reads a project file (FORMATS §7) in the worker; its homes come as `households` (a table) and
   * the project's own households' array is empty. `bytes` is kept as given, as for `parseHouseholds`.
   */
  openProject(name: string, bytes: ArrayBuffer): Promise<OpenedProject>;
  /** How a household file reads (columns with samples) without validating it: for the mapping dialog. */
  inspectHouseholds(name: string, bytes: ArrayBuffer, options?: ImportOptions): Promise<HouseholdsFileDescription>;
  parseSites(name: string, bytes: ArrayBuffer, options?: SitesFileOptions): Promise<SitesFileResult>;
  /** Analyses the given dataset; it crosses to the worker only when it differs from the last one sent. */
  analyze(households: HouseholdTable, sites: Site[], settings: AnalysisSettings): Promise<BlindspotAnalysis>;
  /** Suggests new sites over the given dataset (sent only when it differs from the last one). */
  suggest(households: HouseholdTable, sites: Site[], options: SuggestOptions): Promise<SuggestResult>;
  /** Reads elevation files into the worker's DEM (the bytes are handed over, not copied). */
  loadDem(files: FileBytes[]): Promise<DemInfo>;
  /** Builds the demo's synthetic terrain from the demo's household and site files. */
  loadDemoTerrain(households: FileBytes, sites: FileBytes): Promise<DemInfo>;
  clearDem(): Promise<void>;
  /** Each site's coverage over the DEM: raster, outline and the households of `classes` it covers. */
  terrainCoverage(households: HouseholdTable, sites: Site[], proposals: Site[], classes: AttendanceClass[], onProgress?: OnProgress): Promise<TerrainSiteCoverage[]>;
  suggestOverTerrain(households: HouseholdTable, sites: Site[], options: TerrainSuggestOptions, onProgress?: OnProgress): Promise<SuggestOverTerrainResult>;
  /** Homes without a report that no existing site is predicted (over the DEM) to cover. */
  unreportedUncovered(households: HouseholdTable, sites: Site[]): Promise<UnreportedUncovered>;
  /** The prediction from a site to a point over the DEM: profile, losses, main obstacle. */
  predictPath(site: RadioSite, lon: number, lat: number): Promise<RsrpPrediction>;
  /** Home `index`'s reports and personal fields. */
  householdDetails(households: HouseholdTable, sites: Site[], index: number): Promise<HouseholdDetails>;
  /**
   * The homes whole (reports and personal fields included) as JSON text pieces for a project file
   * (`projectJsonParts`): a million homes never cross to the page as objects.
   */
  householdsJson(households: HouseholdTable, sites: Site[]): Promise<string[]>;
  /**
   * Stops whatever the worker is doing (a long import): every waiting request fails with
   * `CancelledError`, the worker is ended, and the next request starts a fresh one (which no
   * longer holds the dataset or the DEM: they are sent or loaded again when needed).
   */
  cancel(): void;
}

/** A request before the client numbers it (Omit distributed over the union). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

type Pending = { resolve: (value: unknown) => void; reject: (reason: Error) => void; onProgress?: OnProgress };

/** The worker itself failed (its script, a message that could not be read): `code` for the UI's words. */
export class WorkerFailedError extends Error {
  readonly code: string = 'worker_failed';
}

/** The user stopped the work (`cancel`). */
export class CancelledError extends WorkerFailedError {
  override readonly code = 'cancelled';
}

export function createCoreClient(): CoreClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: Worker | null = null;
  let sent: { households: HouseholdTable; sites: Site[] } | null = null;
  /** The table of the worker's last parse (this side's copy) and that request's id. */
  let parsedOnWorker: { id: number; households: HouseholdTable } | null = null;
  /** Whole homes kept on this side, by the table the page holds for them. */
  const whole = new WeakMap<HouseholdTable, Household[]>();
  /** How a large table's homes were read, to read them again in a new worker. */
  const sources = new WeakMap<HouseholdTable, HomesSource>();

  /** Every request waiting on a failed worker fails in words; the next request starts a fresh worker. */
  function fail(message: string, error: typeof WorkerFailedError = WorkerFailedError): void {
    for (const entry of pending.values()) entry.reject(new error(message));
    pending.clear();
    worker?.terminate();
    worker = null;
    sent = null;
    parsedOnWorker = null;
  }

  function start(): Worker {
    const w = new Worker(new URL('./core.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      const entry = pending.get(response.id);
      if (!entry) return;
      if ('progress' in response) return entry.onProgress?.(response.progress.done, response.progress.total, response.progress.stage);
      pending.delete(response.id);
      if (response.ok) entry.resolve(response.result);
      else if (response.error.name === 'UserInputError')
        entry.reject(new UserInputError(response.error.code ?? 'unreadable', response.error.message, response.error.params));
      else entry.reject(new Error(response.error.message));
    };
    w.onerror = (event) => fail(event.message || 'the worker stopped');
    w.onmessageerror = () => fail('a message from the worker could not be read');
    return w;
  }

  function request<T>(message: WithoutId<WorkerRequest>, onProgress?: OnProgress, transfer: Transferable[] = [], id = nextId++): Promise<T> {
    worker ??= start();
    const target = worker;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      const bytes = (message as { bytes?: ArrayBuffer }).bytes;
      target.postMessage({ ...message, id }, bytes ? [bytes, ...transfer] : transfer);
    });
  }

  function sendDataset(households: HouseholdTable, sites: Site[]): void {
    if (sent?.households === households && sent.sites === sites) return;
    const source = sources.get(households);
    if (parsedOnWorker?.households !== households && source) {
      // The worker that read these homes is gone: this one reads the file again (the same table).
      const id = nextId++;
      request<unknown>({ ...source, bytes: source.bytes.slice(0) }, undefined, [], id).catch(() => undefined);
      parsedOnWorker = { id, households };
    }
    // The worker still holds the homes it parsed: name them instead of sending them back.
    const own = parsedOnWorker?.households === households ? { parsedId: parsedOnWorker.id } : (whole.get(households) ?? (households.count === 0 ? [] : null));
    if (!own) throw new Error('households the client did not parse or hold cannot be sent to the worker');
    sent = { households, sites };
    // Messages are handled one at a time, in order: the request that follows runs on this dataset.
    request<null>({ type: 'setDataset', households: own, sites }).catch(() => (sent = null));
  }

  /**
   * The homes a parse or a project (request `id`) brought, as the table the page keeps: a large
   * one's came as a table (the worker holds them; `source` reads them again), a small one's whole
   * (kept here too).
   */
  function homesRead(id: number, householdTable: HouseholdTable | undefined, households: Household[], source: HomesSource): HouseholdTable {
    const table = householdTable ?? householdTableOf(households);
    if (householdTable) sources.set(table, source);
    else whole.set(table, households);
    parsedOnWorker = { id, households: table };
    return table;
  }

  return {
    analyze(households, sites, settings) {
      sendDataset(households, sites);
      return request<BlindspotAnalysis>({ type: 'analyze', settings });
    },
    suggest(households, sites, options) {
      sendDataset(households, sites);
      return request<SuggestResult>({ type: 'suggest', options });
    },
    loadDem: (files) => request<DemInfo>({ type: 'loadDem', files }, undefined, files.map((f) => f.bytes)),
    loadDemoTerrain: (households, sites) =>
      request<DemInfo>({ type: 'loadDemoTerrain', households, sites }, undefined, [households.bytes, sites.bytes]),
    clearDem: () => request<null>({ type: 'clearDem' }).then(() => undefined),
    terrainCoverage(households, sites, proposals, classes, onProgress) {
      sendDataset(households, sites);
      return request<TerrainSiteCoverage[]>({ type: 'terrainCoverage', sites: proposals, classes }, onProgress);
    },
    suggestOverTerrain(households, sites, options, onProgress) {
      sendDataset(households, sites);
      return request<SuggestOverTerrainResult>({ type: 'suggestOverTerrain', options }, onProgress);
    },
    unreportedUncovered(households, sites) {
      sendDataset(households, sites);
      return request<UnreportedUncovered>({ type: 'unreportedUncovered' });
    },
    predictPath: (site, lon, lat) => request<RsrpPrediction>({ type: 'predictPath', site, lon, lat }),
    cancel: () => fail('cancelled by the user', CancelledError),
    householdDetails(households, sites, index) {
      const home = whole.get(households)?.[index];
      if (home) return Promise.resolve({ reports: home.reports, personal: home.personal });
      sendDataset(households, sites);
      return request<HouseholdDetails>({ type: 'householdDetails', index, householdId: householdIdAt(households, index) });
    },
    householdsJson(households, sites) {
      const homes = whole.get(households) ?? (households.count === 0 ? [] : undefined);
      if (homes) return Promise.resolve([householdsJsonPiece(homes)]);
      sendDataset(households, sites);
      return request<string[]>({ type: 'householdsJson' });
    },
    async parseHouseholds(name, bytes, options = {}, onProgress) {
      const id = nextId++;
      const { householdTable, households, ...answer } =
        await request<ParseAnswer>({ type: 'parseHouseholds', name, bytes: bytes.slice(0), options }, onProgress, [], id);
      return { ...answer, households: homesRead(id, householdTable, households, { type: 'parseHouseholds', name, bytes, options }) };
    },
    async openProject(name, bytes) {
      const id = nextId++;
      const { project, householdTable } = await request<ProjectAnswer>({ type: 'openProject', name, bytes: bytes.slice(0) }, undefined, [], id);
      const table = homesRead(id, householdTable, project.households?.households ?? [], { type: 'openProject', name, bytes });
      return { project: { ...project, households: project.households && { ...project.households, households: [] } }, households: table };
    },
    inspectHouseholds: (name, bytes, options = {}) =>
      request<HouseholdsFileDescription>({ type: 'inspectHouseholds', name, bytes, options }),
    parseSites: (name, bytes, options = {}) => request<SitesFileResult>({ type: 'parseSites', name, bytes, options }),
  };
}
