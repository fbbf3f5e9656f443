/**
 * The app's handle on the core worker: one request → one promise. Errors come back as
 * `UserInputError` when the core said the input cannot be used, `WorkerFailedError` when the
 * worker itself failed (the next request starts a new one), else as `Error`.
 */
import {
  UserInputError,
  type AnalysisSettings,
  type BlindspotAnalysis,
  type Household,
  type HouseholdsFileDescription,
  type HouseholdsFileResult,
  type ImportOptions,
  type Site,
  type SitesFileOptions,
  type SitesFileResult,
  type SuggestResult,
} from '../core/index.ts';
import type { SuggestOptions, WorkerRequest, WorkerResponse } from './protocol.ts';

export interface CoreClient {
  parseHouseholds(name: string, bytes: ArrayBuffer, options?: ImportOptions): Promise<HouseholdsFileResult>;
  /** How a household file reads (columns with samples) without validating it: for the mapping dialog. */
  inspectHouseholds(name: string, bytes: ArrayBuffer, options?: ImportOptions): Promise<HouseholdsFileDescription>;
  parseSites(name: string, bytes: ArrayBuffer, options?: SitesFileOptions): Promise<SitesFileResult>;
  /** Analyses the given dataset; it crosses to the worker only when it differs from the last one sent. */
  analyze(households: Household[], sites: Site[], settings: AnalysisSettings): Promise<BlindspotAnalysis>;
  /** Suggests new sites over the given dataset (sent only when it differs from the last one). */
  suggest(households: Household[], sites: Site[], options: SuggestOptions): Promise<SuggestResult>;
}

/** A request before the client numbers it (Omit distributed over the union). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

type Pending = { resolve: (value: unknown) => void; reject: (reason: Error) => void };

/** The worker itself failed (its script, a message that could not be read): `code` for the UI's words. */
export class WorkerFailedError extends Error {
  readonly code = 'worker_failed';
}

export function createCoreClient(): CoreClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: Worker | null = null;
  let sent: { households: Household[]; sites: Site[] } | null = null;

  /** Every request waiting on a failed worker fails in words; the next request starts a fresh worker. */
  function fail(message: string): void {
    for (const entry of pending.values()) entry.reject(new WorkerFailedError(message));
    pending.clear();
    worker?.terminate();
    worker = null;
    sent = null;
  }

  function start(): Worker {
    const w = new Worker(new URL('./core.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      const entry = pending.get(response.id);
      if (!entry) return;
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

  function request<T>(message: WithoutId<WorkerRequest>): Promise<T> {
    const id = nextId++;
    worker ??= start();
    const target = worker;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const bytes = (message as { bytes?: ArrayBuffer }).bytes;
      target.postMessage({ ...message, id }, bytes ? [bytes] : []);
    });
  }

  function sendDataset(households: Household[], sites: Site[]): void {
    if (sent?.households === households && sent.sites === sites) return;
    sent = { households, sites };
    // Messages are handled in order: the request that follows runs on this dataset.
    request<null>({ type: 'setDataset', households, sites }).catch(() => (sent = null));
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
    parseHouseholds: (name, bytes, options = {}) =>
      request<HouseholdsFileResult>({ type: 'parseHouseholds', name, bytes, options }),
    inspectHouseholds: (name, bytes, options = {}) =>
      request<HouseholdsFileDescription>({ type: 'inspectHouseholds', name, bytes, options }),
    parseSites: (name, bytes, options = {}) => request<SitesFileResult>({ type: 'parseSites', name, bytes, options }),
  };
}
