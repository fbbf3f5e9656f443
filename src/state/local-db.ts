/**
 * The app's one IndexedDB object store on this machine (database `blindspot`, store `imports`,
 * through idb-keyval). Keys: `households`, `sites` (the last imported files), `plan` and
 * `plan-previous` (the site plan and the version before it), `project` (the last opened project
 * file), `dem` (the elevation model: the demo's, or the files picked). Nothing stored here ever
 * leaves the machine. A write is done when its transaction
 * completes: then it survives a closed tab or a crash.
 */
import { createStore, del, get, promisifyRequest, set } from 'idb-keyval';

const store = createStore('blindspot', 'imports');

export type LocalKey = 'households' | 'sites' | 'plan' | 'plan-previous' | 'project' | 'dem';

export const readLocal = <T>(key: LocalKey): Promise<T | undefined> => get<T>(key, store);
export const writeLocal = (key: LocalKey, value: unknown): Promise<void> => set(key, value, store);
export const deleteLocal = (key: LocalKey): Promise<void> => del(key, store);

/**
 * Runs `work` in one read-write transaction (all its reads and writes happen, or none) and
 * resolves with its answer once the transaction has completed.
 */
export function transactLocal<T>(work: (access: {
  get: <V>(key: LocalKey) => Promise<V | undefined>;
  put: (key: LocalKey, value: unknown) => void;
}) => Promise<T>): Promise<T> {
  return store('readwrite', async (objectStore) => {
    const answer = await work({
      get: <V>(key: LocalKey) => promisifyRequest(objectStore.get(key)) as Promise<V | undefined>,
      put: (key, value) => void objectStore.put(value, key),
    });
    await promisifyRequest(objectStore.transaction);
    return answer;
  });
}

/** "quota" when the disk or the browser's share of it is full; "unavailable" otherwise. */
export function storageErrorKind(err: unknown): 'quota' | 'unavailable' {
  return err instanceof DOMException && err.name === 'QuotaExceededError' ? 'quota' : 'unavailable';
}
