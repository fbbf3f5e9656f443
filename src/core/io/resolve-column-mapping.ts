/**
 * The column mapping an import uses: the user's (`ImportOptions.mapping`, by column index) when
 * given — padded with null (ignored) to the table's width, entries past it dropped — else the one
 * detected from the header (`detectColumns`). A user's entry that is not a household field
 * (a stale mapping, say) throws `UserInputError` `invalid_mapping`. Cost: O(columns).
 */
import type { ColumnMapping, HouseholdField } from '../model/types.ts';
import { UserInputError } from '../model/errors.ts';
import { detectColumns, HOUSEHOLD_COLUMN_ALIASES } from './detect-columns.ts';

const FIELDS = new Set<string>(Object.keys(HOUSEHOLD_COLUMN_ALIASES));

export function resolveColumnMapping(headers: readonly string[], mapping?: readonly (HouseholdField | null)[]): ColumnMapping {
  if (mapping === undefined) return detectColumns([...headers]);
  const fields = headers.map((_, i) => {
    const field = mapping[i] ?? null;
    if (field !== null && !FIELDS.has(field)) {
      throw new UserInputError('invalid_mapping',
        `column ${i + 1} is mapped to ${JSON.stringify(field)}, which is not a household field (${[...FIELDS].join(', ')})`,
        { column: i + 1 });
    }
    return field;
  });
  return { fields };
}
