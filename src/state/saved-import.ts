/**
 * Keeps the last imported files (households, existing sites) on this machine (IndexedDB), so an
 * import survives a reload or a closed tab. The file's bytes are stored as they were read and
 * parsed again on open: the same core, the same result. Nothing leaves the machine.
 */
import type { ImportOptions } from '../core/index.ts';

const DB_NAME = 'blindspot';
const STORE = 'imports';

export type SavedImportKind = 'households' | 'sites';

export interface SavedImport {
  name: string;
  bytes: ArrayBuffer;
  savedAt: string;
  /** The choices the user made for this file (encoding, sheet, mapping, crs, fixed rows). */
  options?: ImportOptions;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = run(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result as T);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export function saveImport(kind: SavedImportKind, saved: SavedImport): Promise<void> {
  return withStore<void>('readwrite', (store) => store.put(saved, kind));
}

export async function loadSavedImport(kind: SavedImportKind): Promise<SavedImport | null> {
  const value = await withStore<SavedImport | undefined>('readonly', (store) => store.get(kind));
  return value ?? null;
}

export function clearSavedImport(kind: SavedImportKind): Promise<void> {
  return withStore<void>('readwrite', (store) => store.delete(kind));
}
