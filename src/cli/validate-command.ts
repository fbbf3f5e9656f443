/**
 * `validate FILE [--out FILE] [--sheet NAME] [--crs wgs84|gcj02|bd09] [--encoding utf-8|gb18030]
 * [--fix-swapped] [--merge worst|latest] [--threshold-… N]` (FORMATS.md §8): parses a household
 * file (CSV in UTF-8/GBK/UTF-16, GeoJSON or .xlsx, told apart by its bytes) with the app's own
 * code (`parseHouseholdsFile`) and reports
 * `{rows, households, issues:[{line, field, code, message, severity}]}` as JSON on stdout (or in
 * `--out`), plus a one-line JSON summary on stderr (`format`, `encoding`, and for workbooks
 * `sheet` and `sheets`). Exit code 0 when no row has an issue, 1 when any row has one (a fixed
 * swap stays a warning, so it counts) or the file cannot be used at all, 2 on bad usage.
 */
import { basename } from 'node:path';
import { parseHouseholdsFile } from '../core/index.ts';
import { CLASSIFY_OPTION_NAMES, classifySettingsFromArgs } from './classify-settings-from-args.ts';
import { IMPORT_FLAG_OPTIONS, IMPORT_VALUE_OPTIONS, importOptionsFromArgs } from './import-options-from-args.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { readInputFile } from './read-input-file.ts';
import { UsageError } from './usage-error.ts';
import { writeOutput } from './write-output.ts';

export async function runValidate(args: string[]): Promise<number> {
  const { positionals, values, flags } = parseCommandArgs('validate', args, {
    values: ['out', ...CLASSIFY_OPTION_NAMES, ...IMPORT_VALUE_OPTIONS], flags: IMPORT_FLAG_OPTIONS,
  });
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('validate: missing FILE');
  if (extra.length > 0) throw new UsageError(`validate: one FILE expected, also got ${extra.join(' ')}`);
  const settings = classifySettingsFromArgs('validate', values);
  const importOptions = importOptionsFromArgs('validate', values, flags);

  // As columns: only the count of homes is written (no object per home for a million rows).
  const result = await parseHouseholdsFile({ name: basename(file), bytes: await readInputFile(file) }, { ...importOptions, settings }, undefined,
    { columnsAbove: 0 });
  const issues = result.issues.map(({ line, field, code, message, severity }) => ({ line, field, code, message, severity }));
  const report = { rows: result.rows, households: result.homeColumns?.table.count ?? result.households.length, issues };
  await writeOutput(values.get('out'), JSON.stringify(report, null, 2) + '\n');

  const byCode: Record<string, number> = {};
  for (const i of issues) byCode[i.code] = (byCode[i.code] ?? 0) + 1;
  const errors = issues.filter((i) => i.severity === 'error').length;
  process.stderr.write(JSON.stringify({
    ok: issues.length === 0, rows: result.rows, households: report.households, issues: issues.length,
    errors, warnings: issues.length - errors, byCode, format: result.format, encoding: result.encoding,
    ...(result.sheet !== undefined ? { sheet: result.sheet, sheets: result.sheets } : {}),
    ...(importOptions.crs !== undefined ? { crs: importOptions.crs } : {}),
  }) + '\n');
  return issues.length === 0 ? 0 : 1;
}
