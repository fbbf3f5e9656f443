/**
 * Re-packs a zip archive (an .xlsx) with fixed timestamps and a fixed entry order, so that the
 * generated files committed to the repository (templates, test fixtures) only change when their
 * content does. Used by the build scripts only.
 */
import { unzipSync, zipSync } from 'fflate';

const FIXED_TIME = new Date('2025-01-01T00:00:00Z');

export function deterministicZip(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const ordered: Record<string, Uint8Array> = {};
  const names = Object.keys(files);
  // [Content_Types].xml first, as Office writes it; then the rest in a stable order.
  names.sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b)));
  for (const name of names) ordered[name] = files[name]!;
  return zipSync(ordered, { level: 6, mtime: FIXED_TIME });
}
