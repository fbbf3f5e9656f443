/**
 * The household file of a command (FILE): read, parsed with the command's import and classify
 * options, and refused as a whole (`no_usable_rows`, exit 1) when none of its rows can be used.
 * `homes` is what the analyses take: with `asColumns`, the `HouseholdTable` of a CSV or Excel
 * file (no object per home: a million homes take ≈ 60 MB instead of ≈ 500 MB, and `households`
 * is empty), else the households.
 */
import { basename } from 'node:path';
import {
  parseHouseholdsFile, UserInputError, type Household, type HouseholdsFileResult, type HouseholdTable, type ImportOptions,
} from '../core/index.ts';
import { readInputFile } from './read-input-file.ts';

export async function readHouseholdsArg(
  file: string, options: ImportOptions, output: { asColumns?: boolean } = {},
): Promise<HouseholdsFileResult & { homes: Household[] | HouseholdTable; homeCount: number }> {
  const { homeColumns, ...parsed } = await parseHouseholdsFile({ name: basename(file), bytes: await readInputFile(file) }, options, undefined,
    output.asColumns ? { columnsAbove: 0 } : {});
  const homes = homeColumns?.table ?? parsed.households;
  const homeCount = homeColumns?.table.count ?? parsed.households.length;
  if (homeCount === 0) {
    throw new UserInputError('no_usable_rows',
      `${file}: none of its ${parsed.rows} rows can be used (${parsed.issues.length} issues; run validate for the list)`, { path: file });
  }
  return { ...parsed, homes, homeCount };
}
