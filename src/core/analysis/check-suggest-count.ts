/**
 * Refuses a number of sites to suggest (K) that is not a whole number from 0 to
 * `SUGGEST_DEFAULTS.maxCount` (1,000): `UserInputError` `invalid_count`. O(1).
 */
import { UserInputError } from '../model/errors.ts';
import { SUGGEST_DEFAULTS } from './suggest-defaults.ts';

export function checkSuggestCount(count: number): void {
  if (!Number.isInteger(count) || count < 0 || count > SUGGEST_DEFAULTS.maxCount) {
    throw new UserInputError('invalid_count', `The number of sites must be a whole number from 0 to ${SUGGEST_DEFAULTS.maxCount}.`, { count: String(count) });
  }
}
