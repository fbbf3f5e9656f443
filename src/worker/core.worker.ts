/// <reference lib="webworker" />
/**
 * Web Worker wiring only: reads files and runs the analysis with the pure core, off the main thread.
 */
import { analyzeBlindspots, inspectHouseholdsFile, parseHouseholdsFile, parseSitesFile, suggestSites, UserInputError } from '../core/index.ts';
import type { Household, Site } from '../core/index.ts';
import type { WorkerRequest, WorkerResponse, WorkerResult } from './protocol.ts';
import { loadHighs } from './load-highs.ts';

/** The dataset the analyses run on, sent once per dataset by the client. */
let dataset: { households: Household[]; sites: Site[] } = { households: [], sites: [] };

async function handle(request: WorkerRequest): Promise<WorkerResult> {
  switch (request.type) {
    case 'parseHouseholds':
      return parseHouseholdsFile({ name: request.name, bytes: new Uint8Array(request.bytes) }, request.options);
    case 'inspectHouseholds':
      return inspectHouseholdsFile({ name: request.name, bytes: new Uint8Array(request.bytes) }, request.options);
    case 'parseSites':
      return parseSitesFile({ name: request.name, bytes: new Uint8Array(request.bytes) }, request.options);
    case 'setDataset':
      dataset = { households: request.households, sites: request.sites };
      return null;
    case 'analyze':
      return analyzeBlindspots(dataset.households, dataset.sites, request.settings);
    case 'suggest': {
      // HiGHS gives the exact optimum when the model is small enough; without it, the greedy answer stands.
      const milp = request.options.exact === 'never' ? undefined : await loadHighs().catch(() => undefined);
      return suggestSites(dataset.households, { ...request.options, milp });
    }
  }
}

function serialize(err: unknown): Extract<WorkerResponse, { ok: false }>['error'] {
  if (err instanceof UserInputError) return { name: err.name, message: err.message, code: err.code, params: err.params };
  return { name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) };
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  let response: WorkerResponse;
  try {
    response = { id: request.id, ok: true, result: await handle(request) };
  } catch (err) {
    response = { id: request.id, ok: false, error: serialize(err) };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(response);
};
