/**
 * Reads a workbook's styles part (`xl/styles.xml`): for each cell format (`<cellXfs><xf>`, the
 * index a cell's `s` attribute names) whether it shows numbers as a date, a time or both
 * (`dateFormatKind`), using the workbook's custom formats (`<numFmts>`) where they are defined.
 * Throws `UserInputError` `not_a_workbook` for malformed XML. Cost: O(n) in the part's text.
 */
import { dateFormatKind, type DateFormatKind } from './date-format-kind.ts';
import { scanXml } from './scan-xml.ts';

export function readCellDateKinds(xml: string, part: string): (DateFormatKind | null)[] {
  const customCodes = new Map<number, string>();
  const xfFormatIds: number[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open: (name, a) => {
      if (name === 'numFmt' && a['numFmtId'] !== undefined && a['formatCode'] !== undefined) {
        customCodes.set(Number(a['numFmtId']), a['formatCode']);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormatIds.push(Number(a['numFmtId'] ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  }, part);
  return xfFormatIds.map((id) => (Number.isInteger(id) ? dateFormatKind(id, customCodes.get(id)) : null));
}
