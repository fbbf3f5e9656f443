/// <reference lib="webworker" />
/**
 * Web Worker wiring only: decodes and parses files with the pure core off the main thread.
 */
import { analyzeBlindspots, decodeText, parseHouseholds, parseSites, UserInputError } from '../core/index.ts';
import type { BlindspotAnalysis, Household, Site } from '../core/index.ts';
import type { HouseholdsResult, SitesResult, WorkerRequest, WorkerResponse } from './protocol.ts';

/** The dataset the analyses run on, sent once per dataset by the client. */
let dataset: { households: Household[]; sites: Site[] } = { households: [], sites: [] };

function handle(request: WorkerRequest): HouseholdsResult | SitesResult | BlindspotAnalysis | null {
  switch (request.type) {
    case 'parseHouseholds': {
      const { text, encoding } = decodeText(new Uint8Array(request.bytes));
      return { ...parseHouseholds({ name: request.name, text }), encoding };
    }
    case 'parseSites':
      return parseSites({ name: request.name, text: decodeText(new Uint8Array(request.bytes)).text });
    case 'setDataset':
      dataset = { households: request.households, sites: request.sites };
      return null;
    case 'analyze':
      return analyzeBlindspots(dataset.households, dataset.sites, request.settings);
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  let response: WorkerResponse;
  try {
    response = { id: request.id, ok: true, result: handle(request) };
  } catch (err) {
    const error =
      err instanceof UserInputError
        ? { name: err.name, message: err.message, code: err.code, params: err.params }
        : { name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) };
    response = { id: request.id, ok: false, error };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(response);
};
