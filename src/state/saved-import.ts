/**
 * Keeps the last imported files (households, existing sites) on this machine (IndexedDB), so an
 * import survives a reload or a closed tab. The file's bytes are stored as they were read and
 * parsed again on open: the same core, the same result. Nothing leaves the machine.
 */
import type { ImportOptions } from '../core/index.ts';
import { deleteLocal, readLocal, writeLocal } from './local-db.ts';

export type SavedImportKind = 'households' | 'sites';

export interface SavedImport {
  name: string;
  bytes: ArrayBuffer;
  savedAt: string;
  /** The choices the user made for this file (encoding, sheet, mapping, crs, fixed rows). */
  options?: ImportOptions;
}

export const saveImport = (kind: SavedImportKind, saved: SavedImport): Promise<void> => writeLocal(kind, saved);

export async function loadSavedImport(kind: SavedImportKind): Promise<SavedImport | null> {
  return (await readLocal<SavedImport>(kind)) ?? null;
}

export const clearSavedImport = (kind: SavedImportKind): Promise<void> => deleteLocal(kind);
