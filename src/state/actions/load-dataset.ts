/**
 * The data actions: open the demo, import a household file or an existing-sites file, restore
 * the last imports on start. Latest request wins: a slow parse that finishes after a newer one is
 * ignored. A failed import leaves the data on the map as it was.
 */
import { UserInputError, type ImportOptions } from '../../core/index.ts';
import { appStore } from '../app-store.ts';
import { initialUi, type DatasetSlice, type DatasetSource } from '../store.ts';
import { clearSavedImport, loadSavedImport, saveImport, type SavedImportKind } from '../saved-import.ts';
import { deleteLocal, readLocal } from '../local-db.ts';
import { reopenSavedProject, type SavedProject } from './project-actions.ts';
import { reportStorageError } from '../saved-plan.ts';
import { loadRememberedMappings, rememberMapping } from '../saved-settings.ts';
import { core } from './core.ts';
import { nextTask } from '../next-task.ts';
import { WorkerFailedError, type ParsedHouseholds } from '../../worker/core-client.ts';

/** Errors after which the user can still map the columns by hand. */
const MAPPABLE_ERRORS = new Set(['no_coordinate_columns', 'no_header']);

/** The last household file the user gave, kept to read it again with other choices. */
let lastHouseholdFile: { name: string; bytes: ArrayBuffer } | null = null;

let latestRequest = 0;

function beginLoad(name: string): number {
  appStore.setState((s) => ({ ui: { ...s.ui, load: { state: 'loading', name } } }));
  return ++latestRequest;
}

function finishLoad(request: number, dataset: DatasetSlice, openSummary: boolean): void {
  if (request !== latestRequest) return;
  appStore.setState((s) => ({
    dataset,
    ui: { ...initialUi, showPersonal: s.ui.showPersonal, view: s.ui.view, privacy: s.ui.privacy, storage: s.ui.storage, importSummaryOpen: openSummary },
  }));
}

function sourceOf(kind: DatasetSource['kind'], name: string, parsed: ParsedHouseholds, options: ImportOptions): DatasetSource {
  return {
    kind,
    name,
    encoding: parsed.encoding,
    format: parsed.format,
    sheet: parsed.sheet,
    sheets: parsed.sheets,
    columns: parsed.columns,
    headerSignature: parsed.headerSignature,
    options,
  };
}

function failLoad(request: number, name: string, err: unknown): void {
  if (request !== latestRequest) return;
  const message = err instanceof Error ? err.message : String(err);
  const code = err instanceof UserInputError || err instanceof WorkerFailedError ? err.code : undefined;
  appStore.setState((s) => ({ ui: { ...s.ui, load: { state: 'error', name, message, code } } }));
}

export async function fetchBytes(path: string): Promise<ArrayBuffer> {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** Keeps an import for the next visit; new households replace a project opened before. */
async function remember(kind: SavedImportKind, name: string, bytes: ArrayBuffer, options?: ImportOptions): Promise<void> {
  try {
    await nextTask(); // not in the task that shows the import: storing clones the file's bytes (61 MB: ≈ 0.1–0.25 s)
    await saveImport(kind, { name, bytes, savedAt: new Date().toISOString(), options });
    if (kind === 'households') await deleteLocal('project');
  } catch (err) {
    reportStorageError(err); // the import still works for this session; the user is told
  }
}

export async function openDemo(): Promise<void> {
  const request = beginLoad('demo');
  try {
    const [householdBytes, siteBytes] = await Promise.all([fetchBytes('demo/households.csv'), fetchBytes('demo/sites.csv')]);
    const [parsed, sites] = await Promise.all([
      core().parseHouseholds('households.csv', householdBytes),
      core().parseSites('sites.csv', siteBytes),
    ]);
    finishLoad(
      request,
      {
        households: parsed.households,
        sites: sites.sites,
        siteSource: { kind: 'demo', name: 'sites.csv', rows: sites.rows, issues: sites.issues },
        issues: parsed.issues,
        rows: parsed.rows,
        source: sourceOf('demo', 'demo', parsed, {}),
      },
      false,
    );
  } catch (err) {
    failLoad(request, 'demo', err);
  }
}

/**
 * Parses a household file with the user's choices (the column mapping the user chose before for
 * this header applies when none is given); the user's own sites stay, the demo's synthetic ones go. A file
 * whose columns cannot be matched opens the mapping dialog instead of failing outright.
 */
async function parseHouseholdFile(
  name: string,
  bytes: ArrayBuffer,
  request: number,
  openSummary: boolean,
  options: ImportOptions = {},
): Promise<ImportOptions | null> {
  lastHouseholdFile = { name, bytes };
  const withMemory = { ...options, rememberedMappings: loadRememberedMappings() };
  try {
    const parsed = await core().parseHouseholds(name, bytes, withMemory, (done, total, stage) => {
      if (request !== latestRequest) return;
      appStore.setState((s) => (s.ui.load.state === 'loading' ? { ui: { ...s.ui, load: { ...s.ui.load, progress: { done, total, stage } } } } : {}));
    });
    // Reading the answer (a million homes) was one task; the store update and all it redraws is the next.
    await nextTask();
    const { sites, siteSource } = appStore.getState().dataset;
    const keepSites = siteSource?.kind === 'file';
    finishLoad(
      request,
      {
        households: parsed.households,
        sites: keepSites ? sites : [],
        siteSource: keepSites ? siteSource : null,
        issues: parsed.issues,
        rows: parsed.rows,
        source: sourceOf('file', name, parsed, options),
      },
      openSummary,
    );
    return request === latestRequest ? options : null;
  } catch (err) {
    if (err instanceof UserInputError && MAPPABLE_ERRORS.has(err.code) && request === latestRequest) {
      try {
        const description = await core().inspectHouseholds(name, bytes.slice(0), withMemory);
        if (request !== latestRequest) return null;
        appStore.setState((s) => ({
          ui: { ...s.ui, load: { state: 'idle' }, mappingRequest: { name, message: err.message, description, options } },
        }));
        return null;
      } catch {
        /* fall through to the plain error */
      }
    }
    failLoad(request, name, err);
    return null;
  }
}

/**
 * Reads the last household file again with changed choices (encoding, sheet, column mapping,
 * coordinate system, swapped rows to fix). A mapping the user set is remembered for files with the
 * same header.
 */
export async function reimportHouseholds(patch: Partial<ImportOptions>): Promise<void> {
  const file = lastHouseholdFile;
  if (!file) return;
  const state = appStore.getState();
  const base = state.ui.mappingRequest?.options ?? state.dataset.source?.options ?? {};
  const options: ImportOptions = { ...base, ...patch };
  appStore.setState((s) => ({ ui: { ...s.ui, mappingRequest: null } }));
  const used = await parseHouseholdFile(file.name, file.bytes, beginLoad(file.name), true, options);
  if (!used) return;
  const signature = appStore.getState().dataset.source?.headerSignature;
  if (patch.mapping && signature) rememberMapping(signature, patch.mapping);
  await remember('households', file.name, file.bytes, used);
}

export function cancelMapping(): void {
  appStore.setState((s) => ({ ui: { ...s.ui, mappingRequest: null } }));
}

/** Parses an existing-sites file; the households stay. Returns the options used, null on failure. */
async function parseSiteFile(name: string, bytes: ArrayBuffer, request: number, openSummary: boolean): Promise<ImportOptions | null> {
  try {
    const parsed = await core().parseSites(name, bytes.slice(0)); // a copy: `bytes` is kept
    if (request !== latestRequest) return null;
    appStore.setState((s) => ({
      dataset: {
        ...s.dataset,
        sites: parsed.sites,
        siteSource: { kind: 'file', name, rows: parsed.rows, issues: parsed.issues },
      },
      ui: { ...s.ui, load: { state: 'idle' }, importSummaryOpen: openSummary },
    }));
    return {};
  } catch (err) {
    failLoad(request, name, err);
    return null;
  }
}

async function importFile(
  kind: SavedImportKind,
  file: File,
  parse: (name: string, bytes: ArrayBuffer, request: number, openSummary: boolean) => Promise<ImportOptions | null>,
): Promise<void> {
  const request = beginLoad(file.name);
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (err) {
    failLoad(request, file.name, err);
    return;
  }
  const used = await parse(file.name, bytes, request, true);
  if (used) await remember(kind, file.name, bytes, used);
}

/** Imports a household file picked or dropped by the user; on success it is kept for the next visit. */
export const importHouseholdFile = (file: File) => importFile('households', file, parseHouseholdFile);

/** Imports the operator's existing sites; on success they are kept for the next visit. */
export const importSitesFile = (file: File) => importFile('sites', file, parseSiteFile);

/** On start: reopen the last project or imports if there are any, else the demo. */
export async function openInitialDataset(): Promise<void> {
  const [project, households, sites] = await Promise.all([
    readLocal<SavedProject>('project').catch(() => undefined),
    loadSavedImport('households').catch(() => null),
    loadSavedImport('sites').catch(() => null),
  ]);
  const restored =
    (await reopenSavedProject(project)) ||
    (households &&
      (await parseHouseholdFile(households.name, households.bytes, beginLoad(households.name), false, households.options)));
  if (!restored) {
    await openDemo();
  }
  if (sites) await parseSiteFile(sites.name, sites.bytes, beginLoad(sites.name), false);
}

/** Forgets the user's imports and shows the demo again. */
export async function backToDemo(): Promise<void> {
  await Promise.all([clearSavedImport('households'), clearSavedImport('sites'), deleteLocal('project')]).catch(() => undefined);
  await openDemo();
}

/**
 * Stops the import being read (the worker is ended; the data shown stays as it was). The kept
 * dataset and DEM are sent or loaded to the fresh worker when next needed.
 */
export function cancelLoad(): void {
  latestRequest++; // whatever answer was coming is stale now
  core().cancel();
  appStore.setState((s) => ({ ui: { ...s.ui, load: { state: 'idle' } } }));
}

export function dismissLoadError(): void {
  appStore.setState((s) => ({ ui: { ...s.ui, load: { state: 'idle' } } }));
}
