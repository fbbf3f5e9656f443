/**
 * Finds the header below title rows: teachers' sheets often start with a title ("石柱县学生家庭
 * 网络信号调查表") or a note above the real header. When the table's header fails `isHeader` and
 * one of the next `maxRows` rows passes it, that row becomes the header (`headerLine` = its line)
 * and the rows above it are dropped as titles; otherwise the table is returned unchanged.
 * Rows below the new header are padded to its width. Never mutates its input.
 * Throws `UserInputError` `too_many_cells` when the padded rows would hold more than `maxCells`
 * cells (a title row wider than the data, promoted over many short rows, would allocate
 * rows × its width). Cost: O(maxRows × columns) for the test, O(rows) to pad.
 */
import type { RawTable } from '../model/types.ts';
import { checkTableCells, INPUT_LIMITS } from './input-limits.ts';

export function promoteHeaderRow(
  table: RawTable, isHeader: (cells: readonly string[]) => boolean, maxRows = 10, maxCells: number = INPUT_LIMITS.maxTableCells,
): RawTable {
  if (isHeader(table.headers)) return table;
  const at = table.rows.slice(0, maxRows).findIndex((r) => !r.point && isHeader(r.cells));
  if (at < 0) return table;
  const header = table.rows[at]!;
  const headers = header.cells.slice();
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  let cellCount = 0;
  for (let i = at + 1; i < table.rows.length; i++) cellCount += Math.max(table.rows[i]!.cells.length, headers.length);
  checkTableCells(cellCount, maxCells); // a wide row promoted over many short ones would pad them all
  const rows = table.rows.slice(at + 1).map((r) => {
    if (r.cells.length >= headers.length) return r;
    const cells = r.cells.slice();
    while (cells.length < headers.length) cells.push('');
    return { ...r, cells };
  });
  return { headers, rows, headerLine: header.line };
}
