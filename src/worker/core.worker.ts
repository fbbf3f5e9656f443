/// <reference lib="webworker" />
/**
 * Web Worker wiring only: reads files and runs the analysis with the pure core, off the main thread.
 * It also holds the elevation model (DEM) and the terrain coverage model built on it: the DEM
 * (up to hundreds of MB) never crosses to the main thread; rasters, outlines and covered
 * household indices do.
 */
import {
  analyzeBlindspots, demoTerrainInput, generateDemoTerrain, householdAt, householdIdAt, householdIndexById, householdsJsonPiece, householdsJsonPieces, inspectHouseholdsFile,
  householdDetailsOf, householdTableOf, parseHouseholdsFile, parseProjectFile, parseSitesFile, readDemFiles, suggestSites, UserInputError,
  type Household, type HouseholdDetailsTable, type HouseholdTable, type Site,
} from '../core/index.ts';
import {
  COLUMNS_ABOVE, type DemInfo, type ParseAnswer, type ParseProgress, type ProjectAnswer, type WorkerRequest, type WorkerResponse, type WorkerResult,
} from './protocol.ts';
import { throttleProgress } from './throttle-progress.ts';
import { loadHighs } from './load-highs.ts';
import { TerrainSession } from './terrain-session.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/**
 * Homes as the analyses take them: objects (a small household or project file, or homes sent by
 * the page), or, for a large file read here, columns — the table and its reports and personal
 * fields — with no object per home (issue 9 §1).
 */
type Homes = { households: Household[] } | { table: HouseholdTable; details: HouseholdDetailsTable };

const NO_HOMES: Homes = { households: [] };

/** The dataset the analyses run on, sent once per dataset by the client. */
let dataset: { homes: Homes; sites: Site[] } = { homes: NO_HOMES, sites: [] };

const homesOf = (homes: Homes): Household[] | HouseholdTable => ('table' in homes ? homes.table : homes.households);

const terrain = new TerrainSession();

/** The homes of the last household or project file read here, by request id: the dataset, unless another is set. */
let lastParse: { id: number; homes: Homes } | null = null;

const fileOf = (f: { name: string; bytes: ArrayBuffer }) => ({ name: f.name, bytes: new Uint8Array(f.bytes) });

async function handle(request: WorkerRequest, transfer: Transferable[]): Promise<WorkerResult> {
  const progress = (done: number, total: number) => scope.postMessage({ id: request.id, progress: { done, total } } satisfies WorkerResponse);
  switch (request.type) {
    case 'parseHouseholds': {
      // Progress by stage: bytes read, rows validated, rows merged (the core's), then the answer
      // crossing to the page; at most one message in 250 ms within a stage (`PROGRESS_INTERVAL_MS`).
      const report = throttleProgress((p: ParseProgress) => scope.postMessage({ id: request.id, progress: p } satisfies WorkerResponse));
      const { homeColumns, ...parsed } = await parseHouseholdsFile(fileOf(request), request.options, report, { columnsAbove: COLUMNS_ABOVE });
      report({ stage: 'sending', done: 0, total: 0 });
      lastParse = { id: request.id, homes: homeColumns ?? { households: parsed.households } };
      if (!homeColumns) return parsed;
      // The table crosses by copy (a few memcpys): the worker keeps its own for the analyses.
      return { ...parsed, householdTable: homeColumns.table } satisfies ParseAnswer;
    }
    case 'openProject': {
      const project = parseProjectFile(new TextDecoder().decode(request.bytes));
      const households = project.households?.households ?? [];
      if (households.length <= COLUMNS_ABOVE) {
        lastParse = { id: request.id, homes: { households } };
        return { project } satisfies ProjectAnswer;
      }
      // Many homes: they stay here as columns (the objects go); the page gets a copy of the table.
      const table = householdTableOf(households);
      lastParse = { id: request.id, homes: { table, details: householdDetailsOf(households) } };
      return { project: { ...project, households: { ...project.households!, households: [] } }, householdTable: table } satisfies ProjectAnswer;
    }
    case 'householdDetails': {
      const home = householdOf(dataset.homes, request.index, request.householdId);
      if (!home) throw new Error(`household ${request.householdId} is not in the worker's dataset`);
      return { reports: home.reports, personal: home.personal };
    }
    case 'householdsJson': {
      const { homes } = dataset;
      return 'table' in homes ? householdsJsonPieces(homes.table, homes.details) : [householdsJsonPiece(homes.households)];
    }
    case 'inspectHouseholds':
      return inspectHouseholdsFile(fileOf(request), request.options);
    case 'parseSites':
      return parseSitesFile(fileOf(request), request.options);
    case 'setDataset': {
      const { households } = request;
      if (Array.isArray(households)) dataset = { homes: { households }, sites: request.sites };
      else if (lastParse?.id === households.parsedId) dataset = { homes: lastParse.homes, sites: request.sites };
      else {
        dataset = { homes: NO_HOMES, sites: request.sites }; // never analyse stale homes
        throw new Error(`the parsed households ${households.parsedId} are no longer held`);
      }
      return null;
    }
    case 'analyze':
      return analyzeBlindspots(homesOf(dataset.homes), dataset.sites, request.settings);
    case 'suggest': {
      // HiGHS gives the exact optimum when the model is small enough; without it, the greedy answer stands.
      const milp = request.options.exact === 'never' ? undefined : await loadHighs().catch(() => undefined);
      return suggestSites(homesOf(dataset.homes), { ...request.options, milp });
    }
    case 'loadDem':
      return terrain.setDem(await readDemFiles(request.files.map(fileOf))) as DemInfo;
    case 'loadDemoTerrain': {
      const households = (await parseHouseholdsFile(fileOf(request.households))).households;
      const sites = (await parseSitesFile(fileOf(request.sites))).sites;
      return terrain.setDem(generateDemoTerrain(demoTerrainInput(households, sites))) as DemInfo;
    }
    case 'clearDem':
      return terrain.setDem(null);
    case 'terrainCoverage': {
      const total = request.sites.length;
      const answers = terrain.coverage(homesOf(dataset.homes), request.sites, request.classes, (done) => progress(done, total));
      for (const a of answers) transfer.push(a.raster.rsrpDbm.buffer, a.covered.buffer);
      return answers;
    }
    case 'suggestOverTerrain': {
      const milp = request.options.exact === 'never' ? undefined : await loadHighs().catch(() => undefined);
      return terrain.suggest(homesOf(dataset.homes), request.options, progress, milp);
    }
    case 'unreportedUncovered':
      return terrain.unreported(homesOf(dataset.homes), dataset.sites);
    case 'predictPath':
      return terrain.predict(request.site, request.lon, request.lat);
  }
}

/** Home `index` (or, if the page's list differs, the one with this id) of the dataset, whole. */
function householdOf(homes: Homes, index: number, id: string): Household | undefined {
  if (!('table' in homes)) {
    const list = homes.households;
    return list[index]?.id === id ? list[index] : list.find((h) => h.id === id);
  }
  const { table, details } = homes;
  const at = index >= 0 && index < table.count && householdIdAt(table, index) === id ? index : householdIndexById(table).find(id);
  return at < 0 ? undefined : householdAt(table, details, at);
}

function serialize(err: unknown): Extract<WorkerResponse, { ok: false }>['error'] {
  if (err instanceof UserInputError) return { name: err.name, message: err.message, code: err.code, params: err.params };
  return { name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) };
}

async function respond(request: WorkerRequest): Promise<void> {
  const transfer: Transferable[] = [];
  let response: WorkerResponse;
  try {
    response = { id: request.id, ok: true, result: await handle(request, transfer) };
  } catch (err) {
    response = { id: request.id, ok: false, error: serialize(err) };
    transfer.length = 0;
  }
  scope.postMessage(response, transfer);
}

// One request at a time, in the order sent: a request never starts while another awaits (a parse
// reading its file, HiGHS loading), so `setDataset` naming a parse always finds it done.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  queue = queue.then(() => respond(event.data));
};
