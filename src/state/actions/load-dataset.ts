/**
 * The data actions: open the demo, import a file, restore the last import on start.
 * Latest request wins: a slow parse that finishes after a newer one is ignored.
 */
import { UserInputError } from '../../core/index.ts';
import { appStore } from '../app-store.ts';
import { emptyDataset, initialUi, type DatasetSlice } from '../store.ts';
import { clearSavedImport, loadSavedImport, saveImport } from '../saved-import.ts';
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

async function parseFile(name: string, bytes: ArrayBuffer, request: number, openSummary: boolean): Promise<boolean> {
  try {
    const parsed = await core().parseHouseholds(name, bytes);
    finishLoad(
      request,
      {
        ...emptyDataset,
        households: parsed.households,
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

/** Imports a household file picked or dropped by the user; on success it is kept for the next visit. */
export async function importHouseholdFile(file: File): Promise<void> {
  const request = beginLoad(file.name);
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (err) {
    failLoad(request, file.name, err);
    return;
  }
  const kept = bytes.slice(0); // the worker takes the original by transfer
  if (await parseFile(file.name, bytes, request, true)) {
    await saveImport({ name: file.name, bytes: kept, savedAt: new Date().toISOString() }).catch(() => {
      /* storage refused (quota, private mode): the import still works for this session */
    });
  }
}

/** On start: reopen the last import if there is one, else the demo. */
export async function openInitialDataset(): Promise<void> {
  const saved = await loadSavedImport().catch(() => null);
  if (saved && (await parseFile(saved.name, saved.bytes, beginLoad(saved.name), false))) return;
  await openDemo();
}

/** Forgets the user's import and shows the demo again. */
export async function backToDemo(): Promise<void> {
  await clearSavedImport().catch(() => undefined);
  await openDemo();
}

export function dismissLoadError(): void {
  appStore.setState((s) => ({ ui: { ...s.ui, load: { state: 'idle' } } }));
}
