/**
 * The import options shared by the CLI commands that read household reports (FORMATS.md §8,
 * issue 5): `--sheet NAME` (worksheet of an .xlsx file), `--crs wgs84|gcj02|bd09` (coordinate
 * system of the file, converted to WGS-84), `--encoding utf-8|gb18030` (override the detected text
 * encoding) and the flag `--fix-swapped` (use rows whose lon/lat look swapped, swapped back;
 * each stays reported as a `swapped_lat_lon` warning). Bad values throw `UsageError`.
 */
import type { ImportOptions, InputCrs, TextEncoding } from '../core/index.ts';
import { UsageError } from './usage-error.ts';

export const IMPORT_VALUE_OPTIONS: readonly string[] = ['sheet', 'crs', 'encoding'];
export const IMPORT_FLAG_OPTIONS: readonly string[] = ['fix-swapped'];

const CRS: readonly InputCrs[] = ['wgs84', 'gcj02', 'bd09'];
const ENCODINGS: readonly TextEncoding[] = ['utf-8', 'gb18030'];

/** Reads a `--crs`-like option's value (also used for `--sites-crs`). */
export function crsFromArg(command: string, option: string, text: string | undefined): InputCrs | undefined {
  if (text === undefined) return undefined;
  const crs = text.trim().toLowerCase().replace(/-/g, '');
  if (!(CRS as readonly string[]).includes(crs)) throw new UsageError(`${command}: --${option} must be wgs84, gcj02 or bd09, got "${text}"`);
  return crs as InputCrs;
}

export function importOptionsFromArgs(
  command: string, values: ReadonlyMap<string, string>, flags: ReadonlySet<string>,
): Omit<ImportOptions, 'settings' | 'mapping'> {
  const options: Omit<ImportOptions, 'settings' | 'mapping'> = {};
  const sheet = values.get('sheet');
  if (sheet !== undefined) options.sheet = sheet;
  const crs = crsFromArg(command, 'crs', values.get('crs'));
  if (crs !== undefined) options.crs = crs;
  const encoding = values.get('encoding');
  if (encoding !== undefined) {
    const e = encoding.trim().toLowerCase().replace(/^utf8$/, 'utf-8').replace(/^gbk$/, 'gb18030');
    if (!(ENCODINGS as readonly string[]).includes(e)) {
      throw new UsageError(`${command}: --encoding must be utf-8 or gb18030 (gbk), got "${encoding}"`);
    }
    options.encoding = e as TextEncoding;
  }
  if (flags.has('fix-swapped')) options.fixSwappedLines = 'all';
  return options;
}
