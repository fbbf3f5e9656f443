/**
 * The app's handle on the core worker: one request → one promise. Errors come back as
 * `UserInputError` when the core said the input cannot be used, else as `Error`.
 */
import { UserInputError } from '../core/index.ts';
import type { HouseholdsResult, SitesResult, WorkerRequest, WorkerResponse } from './protocol.ts';

export interface CoreClient {
  parseHouseholds(name: string, bytes: ArrayBuffer): Promise<HouseholdsResult>;
  parseSites(name: string, bytes: ArrayBuffer): Promise<SitesResult>;
}

type Pending = { resolve: (value: unknown) => void; reject: (reason: Error) => void };

export function createCoreClient(): CoreClient {
  const worker = new Worker(new URL('./core.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, Pending>();
  let nextId = 1;

  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const response = event.data;
    const entry = pending.get(response.id);
    if (!entry) return;
    pending.delete(response.id);
    if (response.ok) entry.resolve(response.result);
    else if (response.error.name === 'UserInputError')
      entry.reject(new UserInputError(response.error.code ?? 'unreadable', response.error.message, response.error.params));
    else entry.reject(new Error(response.error.message));
  };
  worker.onerror = (event) => {
    for (const entry of pending.values()) entry.reject(new Error(event.message || 'worker failed'));
    pending.clear();
  };

  function request<T>(message: Omit<WorkerRequest, 'id'>): Promise<T> {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id }, [(message as { bytes: ArrayBuffer }).bytes]);
    });
  }

  return {
    parseHouseholds: (name, bytes) => request<HouseholdsResult>({ type: 'parseHouseholds', name, bytes }),
    parseSites: (name, bytes) => request<SitesResult>({ type: 'parseSites', name, bytes }),
  };
}
