/**
 * The household file of a command (FILE): read, parsed with the command's import and classify
 * options, and refused as a whole (`no_usable_rows`, exit 1) when none of its rows can be used.
 */
import { basename } from 'node:path';
import { parseHouseholdsFile, UserInputError, type HouseholdsFileResult, type ImportOptions } from '../core/index.ts';
import { readInputFile } from './read-input-file.ts';

export async function readHouseholdsArg(file: string, options: ImportOptions): Promise<HouseholdsFileResult> {
  const parsed = await parseHouseholdsFile({ name: basename(file), bytes: await readInputFile(file) }, options);
  if (parsed.households.length === 0) {
    throw new UserInputError('no_usable_rows',
      `${file}: none of its ${parsed.rows} rows can be used (${parsed.issues.length} issues; run validate for the list)`, { path: file });
  }
  return parsed;
}
