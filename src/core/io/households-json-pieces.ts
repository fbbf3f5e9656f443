/**
 * The households of a project file (FORMATS §7) as JSON text in pieces, made from the columns a
 * piece at a time: each piece is the objects of up to `homesPerPiece` homes, comma-separated,
 * without the array's brackets, so a million homes never exist as objects at once nor as one
 * string. `'[' + pieces.join(',') + ']'` is `JSON.stringify(householdsOfColumns(t, d))`, byte for
 * byte (`householdAt` makes each object; the parse guarantees finite numbers, so no replacer).
 * Cost: O(n + reports) time; memory one piece of objects plus the text.
 */
import type { Household } from '../model/types.ts';
import type { HouseholdTable } from '../model/household-table.ts';
import type { HouseholdDetailsTable } from '../model/household-details-table.ts';
import { householdAt } from './households-of-columns.ts';

export const HOMES_PER_JSON_PIECE = 20_000;

export function householdsJsonPieces(t: HouseholdTable, d: HouseholdDetailsTable, homesPerPiece = HOMES_PER_JSON_PIECE): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < t.count; start += homesPerPiece) {
    const homes = [];
    for (let i = start; i < Math.min(t.count, start + homesPerPiece); i++) homes.push(householdAt(t, d, i));
    pieces.push(JSON.stringify(homes).slice(1, -1));
  }
  return pieces;
}

/** Homes held as objects (a small file or project), as one such piece. */
export const householdsJsonPiece = (households: readonly Household[]): string => JSON.stringify(households).slice(1, -1);
