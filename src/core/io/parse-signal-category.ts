/**
 * Reads a signal category cell (FORMATS.md §1): `none|poor|fair|good`, 无/无信号, 差/弱,
 * 一般/中, 好/强, or 0–3 bars (0 none, 1 poor, 2 fair, 3 good). Case-, space- and
 * width-insensitive ("Good", " 3 ", "３"). Returns null when the value is not one of these.
 * A cell that is already an accepted spelling ("差", "good", "2") is looked up as it is, without
 * folding. Cost: O(n) in the cell's length.
 */
import type { KnownClass } from '../model/types.ts';
import { normalizeWidth } from './normalize-width.ts';

/** Every accepted spelling (after lower-casing and removing spaces) → category. */
export const SIGNAL_CATEGORY_VALUES: Readonly<Record<string, KnownClass>> = Object.freeze({
  none: 'none', '无': 'none', '无信号': 'none', '0': 'none',
  poor: 'poor', '差': 'poor', '弱': 'poor', '1': 'poor',
  fair: 'fair', '一般': 'fair', '中': 'fair', '2': 'fair',
  good: 'good', '好': 'good', '强': 'good', '3': 'good',
});

export function parseSignalCategory(cell: string): KnownClass | null {
  // Every key is already folded (no full-width form, no space, lower case): a cell equal to one
  // folds to itself.
  if (Object.hasOwn(SIGNAL_CATEGORY_VALUES, cell)) return SIGNAL_CATEGORY_VALUES[cell] ?? null;
  const key = normalizeWidth(cell).replace(/\s+/g, '').toLowerCase();
  return Object.hasOwn(SIGNAL_CATEGORY_VALUES, key) ? (SIGNAL_CATEGORY_VALUES[key] ?? null) : null;
}
