/**
 * The data actions: open the demo, import a household file or an existing-sites file, restore
 * the last imports on start. Latest request wins: a slow parse that finishes after a newer one is
 * ignored. A failed import leaves the data on the map as it was.
 */
import { UserInputError } from '../../core/index.ts';
import { appStore } from '../app-store.ts';
import { initialUi, type DatasetSlice } from '../store.ts';
import { clearSavedImport, loadSavedImport, saveImport, type SavedImportKind } from '../saved-import.ts';
import { core } from './core.ts';

let latestRequest = 0;

function beginLoad(name: string): number {
  appStore.setState((s) => ({ ui: { ...s.ui, load: { state: 'loading', name } } }));
  return ++latestRequest;
}

function finishLoad(request: number, dataset: DatasetSlice, openSummary: boolean): void {
  if (request !== latestRequest) return;
  appStore.setState((s) => ({
    dataset,
    ui: { ...initialUi, showPersonal: s.ui.showPersonal, importSummaryOpen: openSummary },
  }));
}

function failLoad(request: number, name: string, err: unknown): void {
  if (request !== latestRequest) return;
  const message = err instanceof Error ? err.message : String(err);
  const code = err instanceof UserInputError ? err.code : undefined;
  appStore.setState((s) => ({ ui: { ...s.ui, load: { state: 'error', name, message, code } } }));
}

async function fetchBytes(path: string): Promise<ArrayBuffer> {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

function remember(kind: SavedImportKind, name: string, bytes: ArrayBuffer): Promise<void> {
  return saveImport(kind, { name, bytes, savedAt: new Date().toISOString() }).catch(() => {
    /* storage refused (quota, private mode): the import still works for this session */
  });
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
        mapping: parsed.mapping,
        source: { kind: 'demo', name: 'demo', encoding: parsed.encoding, format: parsed.format },
      },
      false,
    );
  } catch (err) {
    failLoad(request, 'demo', err);
  }
}

/** Parses a household file; the user's own sites stay, the demo's synthetic ones go. */
async function parseHouseholdFile(name: string, bytes: ArrayBuffer, request: number, openSummary: boolean): Promise<boolean> {
  try {
    const parsed = await core().parseHouseholds(name, bytes);
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
        mapping: parsed.mapping,
        source: { kind: 'file', name, encoding: parsed.encoding, format: parsed.format },
      },
      openSummary,
    );
    return request === latestRequest;
  } catch (err) {
    failLoad(request, name, err);
    return false;
  }
}

/** Parses an existing-sites file; the households stay. */
async function parseSiteFile(name: string, bytes: ArrayBuffer, request: number, openSummary: boolean): Promise<boolean> {
  try {
    const parsed = await core().parseSites(name, bytes);
    if (request !== latestRequest) return false;
    appStore.setState((s) => ({
      dataset: {
        ...s.dataset,
        sites: parsed.sites,
        siteSource: { kind: 'file', name, rows: parsed.rows, issues: parsed.issues },
      },
      ui: { ...s.ui, load: { state: 'idle' }, importSummaryOpen: openSummary },
    }));
    return true;
  } catch (err) {
    failLoad(request, name, err);
    return false;
  }
}

async function importFile(
  kind: SavedImportKind,
  file: File,
  parse: (name: string, bytes: ArrayBuffer, request: number, openSummary: boolean) => Promise<boolean>,
): Promise<void> {
  const request = beginLoad(file.name);
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (err) {
    failLoad(request, file.name, err);
    return;
  }
  const kept = bytes.slice(0); // the worker takes the original by transfer
  if (await parse(file.name, bytes, request, true)) await remember(kind, file.name, kept);
}

/** Imports a household file picked or dropped by the user; on success it is kept for the next visit. */
export const importHouseholdFile = (file: File) => importFile('households', file, parseHouseholdFile);

/** Imports the operator's existing sites; on success they are kept for the next visit. */
export const importSitesFile = (file: File) => importFile('sites', file, parseSiteFile);

/** On start: reopen the last imports if there are any, else the demo. */
export async function openInitialDataset(): Promise<void> {
  const [households, sites] = await Promise.all([
    loadSavedImport('households').catch(() => null),
    loadSavedImport('sites').catch(() => null),
  ]);
  if (!households || !(await parseHouseholdFile(households.name, households.bytes, beginLoad(households.name), false))) {
    await openDemo();
  }
  if (sites) await parseSiteFile(sites.name, sites.bytes, beginLoad(sites.name), false);
}

/** Forgets the user's imports and shows the demo again. */
export async function backToDemo(): Promise<void> {
  await Promise.all([clearSavedImport('households'), clearSavedImport('sites')]).catch(() => undefined);
  await openDemo();
}

export function dismissLoadError(): void {
  appStore.setState((s) => ({ ui: { ...s.ui, load: { state: 'idle' } } }));
}
