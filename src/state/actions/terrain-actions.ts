/**
 * The terrain actions (issue 8): use the demo's synthetic terrain or the user's elevation files
 * (GeoTIFF, SRTM .hgt tiles, zips of them), drop the DEM, switch the plan between radius and
 * terrain coverage, and bring the DEM back after a reload (kept on this machine in IndexedDB:
 * the files' bytes, or "demo"). The DEM is read in the worker; the latest request wins.
 */
import { UserInputError, type RadioSite, type RsrpPrediction } from '../../core/index.ts';
import { appStore } from '../app-store.ts';
import { deleteLocal, readLocal, writeLocal } from '../local-db.ts';
import { reportStorageError } from '../saved-plan.ts';
import { initialTerrain, type DemSource, type TerrainSlice } from '../store.ts';
import { WorkerFailedError } from '../../worker/core-client.ts';
import type { DemInfo, FileBytes } from '../../worker/protocol.ts';
import { core } from './core.ts';
import { fetchBytes } from './load-dataset.ts';

/** What is kept of the DEM on this machine. */
type SavedDem = { kind: 'demo'; model: TerrainSlice['model'] } | { kind: 'files'; files: FileBytes[]; model: TerrainSlice['model'] };

let latest = 0;

function setTerrain(patch: Partial<TerrainSlice>): void {
  appStore.setState((s) => ({ terrain: { ...s.terrain, ...patch } }));
}

async function load(name: string, source: DemSource, read: () => Promise<DemInfo>): Promise<boolean> {
  const request = ++latest;
  setTerrain({ load: { state: 'loading', name }, error: null });
  try {
    const info = await read();
    if (request !== latest) return false;
    setTerrain({ dem: { ...info, source }, load: { state: 'idle' }, coverage: {}, coverageFor: null, pending: 0, unreported: null });
    return true;
  } catch (err) {
    if (request !== latest) return false;
    const message = err instanceof Error ? err.message : String(err);
    const code = err instanceof UserInputError || err instanceof WorkerFailedError ? err.code : undefined;
    setTerrain({ load: { state: 'error', name, message, code } });
    return false;
  }
}

async function remember(saved: SavedDem | null): Promise<void> {
  try {
    if (saved) await writeLocal('dem', saved);
    else await deleteLocal('dem');
  } catch (err) {
    reportStorageError(err); // the DEM still works for this session; the user is told
  }
}

const demoFiles = async (): Promise<[FileBytes, FileBytes]> => {
  const [households, sites] = await Promise.all([fetchBytes('demo/households.csv'), fetchBytes('demo/sites.csv')]);
  return [{ name: 'households.csv', bytes: households }, { name: 'sites.csv', bytes: sites }];
};

/** The demo's synthetic terrain (the same one the CLI's `--dem demo` builds). */
export async function openDemoTerrain(save = true): Promise<void> {
  const ok = await load('demo', { kind: 'demo' }, async () => core().loadDemoTerrain(...(await demoFiles())));
  if (ok && save) await remember({ kind: 'demo', model: appStore.getState().terrain.model });
}

/** Elevation files the user picked: read in the worker (several are mosaicked). */
export async function loadDemFiles(files: readonly File[]): Promise<void> {
  const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
  const name = read.map((f) => f.name).join(', ');
  // Kept for the next visit before the bytes are handed to the worker (a transfer empties them).
  const saved: SavedDem = { kind: 'files', files: read.map((f) => ({ name: f.name, bytes: f.bytes.slice(0) })), model: 'terrain' };
  const ok = await load(name, { kind: 'files', names: read.map((f) => f.name) }, () => core().loadDem(read));
  if (ok) await remember(saved);
}

/** Drops the DEM: coverage is counted with the radius circles again. */
export async function clearDem(): Promise<void> {
  latest++;
  appStore.setState({ terrain: { ...initialTerrain, model: appStore.getState().terrain.model } });
  await Promise.all([core().clearDem().catch(() => undefined), remember(null)]);
}

/** Radius circles or terrain: which coverage the plan counts with (terrain needs a DEM). */
export async function setCoverageModel(model: TerrainSlice['model']): Promise<void> {
  setTerrain({ model });
  const saved = await readLocal<SavedDem>('dem').catch(() => undefined);
  if (saved) await remember({ ...saved, model });
}

export const setShowUnreported = (show: boolean): void => setTerrain({ showUnreported: show });

/**
 * Loads the DEM kept on this machine, if any (on start; and when a restarted worker has lost it).
 * Resolves true when a DEM is loaded.
 */
export async function restoreSavedDem(): Promise<boolean> {
  const saved = await readLocal<SavedDem>('dem').catch(() => undefined);
  if (!saved) return false;
  setTerrain({ model: saved.model });
  if (saved.kind === 'demo') {
    await openDemoTerrain(false);
  } else {
    const files = saved.files.map((f) => ({ name: f.name, bytes: f.bytes.slice(0) }));
    await load(files.map((f) => f.name).join(', '), { kind: 'files', names: files.map((f) => f.name) }, () => core().loadDem(files));
  }
  return appStore.getState().terrain.dem !== null;
}

/** The prediction from a site to a point over the DEM (profile, losses, main obstacle); the kept DEM is reloaded if the worker lost it. */
export async function predictPath(site: RadioSite, lon: number, lat: number): Promise<RsrpPrediction> {
  try {
    return await core().predictPath(site, lon, lat);
  } catch (err) {
    if (err instanceof UserInputError && err.code === 'no_dem' && (await restoreSavedDem())) return core().predictPath(site, lon, lat);
    throw err;
  }
}
