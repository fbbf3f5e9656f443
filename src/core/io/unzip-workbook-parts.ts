/**
 * Takes the wanted parts (files) out of an .xlsx workbook, which is a zip archive, with `fflate`,
 * refusing what would exhaust memory or time before inflating anything.
 *
 * Computes: a map from part name to its bytes, for the parts `wanted` accepts. Part names are
 * normalised as OPC compares them: lower case, `/` separators, no leading `/` (`xl/workbook.xml`);
 * `wanted` sees them normalised. Checks first (`checkWorkbookBytes`): the file is at most `WORKBOOK_LIMITS.maxFileBytes`,
 * is not an old .xls / encrypted workbook (an OLE2 container) and starts like a zip ("PK").
 * While the zip's central directory is walked, before each wanted part is inflated: the sizes the
 * directory declares must stay within `maxUncompressedBytes` in total (shared by the calls that
 * read one workbook, through `budget`), and a part over `bombMinBytes` may not expand more than
 * `maxRatio` times (a zip bomb); the directory may list at most `maxEntries` parts. fflate
 * inflates into a buffer of the declared size and never past it, so a part lying about its size
 * is cut, not grown.
 * Throws `UserInputError`: `workbook_too_large`, `xls_not_supported`, `not_a_workbook` (not a zip,
 * damaged zip, unknown compression). Limits: no CRC check (damage inside a part shows up as
 * malformed XML later); stored (0) and deflated (8) parts only. Cost: O(directory entries +
 * inflated bytes of the wanted parts).
 */
import { unzipSync } from 'fflate';
import { UserInputError } from '../model/errors.ts';

/** Limits on workbooks; a workbook beyond any of them is refused with `workbook_too_large`. */
export const WORKBOOK_LIMITS = Object.freeze({
  /** Size of the .xlsx file itself. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Cells of the sheet read (rows × columns up to each row's last cell). */
  maxCells: 2_000_000,
  /** Inflated size of all parts read from one workbook (XML of ~2,000,000 cells is ~100 MB). */
  maxUncompressedBytes: 200 * 1024 * 1024,
  /** Parts listed in the zip directory. */
  maxEntries: 50_000,
  /** A part may expand at most this many times its compressed size... */
  maxRatio: 1000,
  /** ...once it is over this size (small, highly repetitive parts are normal). */
  bombMinBytes: 10 * 1024 * 1024,
});

/** Bytes inflated so far for one workbook, shared by the passes that read it. */
export interface UnzipBudget {
  inflatedBytes: number;
}

/** A part name as OPC compares it: case-insensitive, forward slashes, relative to the root. */
export const partKey = (name: string): string => name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/** File-level checks: size, old .xls or encrypted workbook, zip signature. */
export function checkWorkbookBytes(bytes: Uint8Array): void {
  if (bytes.length > WORKBOOK_LIMITS.maxFileBytes) {
    throw new UserInputError('workbook_too_large',
      `the workbook is ${MB(bytes.length)}; at most ${MB(WORKBOOK_LIMITS.maxFileBytes)} can be read — `
      + 'split it, or save the sheet as CSV', { bytes: bytes.length });
  }
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new UserInputError('xls_not_supported',
      'this is an Excel 97–2003 .xls file or a password-protected workbook; open it in Excel or WPS, remove any '
      + 'password and save it as .xlsx (Excel Workbook) or CSV');
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new UserInputError('not_a_workbook', 'the file is not an .xlsx workbook (it is not a zip archive)');
  }
}

export function unzipWorkbookParts(
  bytes: Uint8Array, wanted: (name: string) => boolean, budget: UnzipBudget,
): Map<string, Uint8Array> {
  checkWorkbookBytes(bytes);
  const L = WORKBOOK_LIMITS;
  let entries = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (++entries > L.maxEntries) {
          throw new UserInputError('workbook_too_large', `the workbook lists more than ${L.maxEntries} parts`);
        }
        if (!wanted(partKey(file.name))) return false;
        const size = file.originalSize;
        if (size > L.bombMinBytes && size > L.maxRatio * Math.max(file.size, 1)) {
          throw new UserInputError('workbook_too_large',
            `the workbook's part ${file.name} would expand from ${file.size} bytes to ${MB(size)}; `
            + 'refused as a possible zip bomb', { part: file.name });
        }
        budget.inflatedBytes += size;
        if (budget.inflatedBytes > L.maxUncompressedBytes) {
          throw new UserInputError('workbook_too_large',
            `the workbook expands to more than ${MB(L.maxUncompressedBytes)} of data; split it, or save the sheet as CSV`,
            { part: file.name });
        }
        return true;
      },
    });
  } catch (err) {
    if (err instanceof UserInputError) throw err;
    throw new UserInputError('not_a_workbook',
      `the workbook is damaged: its zip archive cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
  const parts = new Map<string, Uint8Array>();
  for (const name of Object.keys(files)) {
    const data = files[name];
    if (data) parts.set(partKey(name), data);
  }
  return parts;
}
