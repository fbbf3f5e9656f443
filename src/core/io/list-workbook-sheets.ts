/**
 * The worksheet names of an .xlsx workbook, in tab order (hidden ones included; chart sheets
 * left out), for a sheet picker. Reads only the package and workbook parts.
 * Throws `UserInputError` like `openWorkbook` (`workbook_too_large`, `xls_not_supported`,
 * `not_a_workbook`). Cost: O(zip directory + workbook part).
 */
import { openWorkbook } from './open-workbook.ts';

export async function listWorkbookSheets(bytes: Uint8Array): Promise<string[]> {
  return openWorkbook(bytes).sheets.map((s) => s.name);
}
