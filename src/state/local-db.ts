/**
 * The app's one IndexedDB object store on this machine (database `blindspot`, store `imports`,
 * through idb-keyval). Keys: `households`, `sites` (the last imported files), `plan` (the site
 * plan), `project` (the last opened project file). Nothing stored here ever leaves the machine.
 */
import { createStore, del, get, set } from 'idb-keyval';

const store = createStore('blindspot', 'imports');

export type LocalKey = 'households' | 'sites' | 'plan' | 'project';

export const readLocal = <T>(key: LocalKey): Promise<T | undefined> => get<T>(key, store);
export const writeLocal = (key: LocalKey, value: unknown): Promise<void> => set(key, value, store);
export const deleteLocal = (key: LocalKey): Promise<void> => del(key, store);
