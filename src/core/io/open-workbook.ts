/**
 * Opens an .xlsx workbook far enough to know its worksheets: reads the package relationships
 * (`_rels/.rels`) to find the workbook part (normally `xl/workbook.xml`), the workbook's sheet list
 * (names, hidden state, date system) and its relationships (each sheet's part, the shared strings
 * and the styles). Works for Transitional and Strict OOXML, prefixed (`x:`) element names, and
 * part names in any letter case.
 * Chart sheets, dialog sheets and macro sheets are left out: only worksheets hold cells.
 * Throws `UserInputError` (see `unzipWorkbookParts`, plus `not_a_workbook` when the zip is not a
 * spreadsheet — no workbook part, no worksheet — or its XML is malformed).
 * Cost: inflates and scans only the small package, workbook and relationship parts.
 */
import { UserInputError } from '../model/errors.ts';
import { scanXml } from './scan-xml.ts';
import { unzipWorkbookParts, type UnzipBudget } from './unzip-workbook-parts.ts';
import { xmlPartText } from './xml-part-text.ts';

export interface WorkbookSheet {
  /** The tab name. */
  name: string;
  /** Its part, normalised (`xl/worksheets/sheet1.xml`). */
  part: string;
  /** Hidden or very hidden in Excel. */
  hidden: boolean;
}

export interface WorkbookInfo {
  /** Worksheets in tab order. */
  sheets: WorkbookSheet[];
  sharedStringsPart?: string;
  stylesPart?: string;
  /** Dates count from 1904-01-01 (old Mac workbooks) instead of 1900. */
  date1904: boolean;
  /** Inflated bytes so far, to go on counting when the sheet is read. */
  budget: UnzipBudget;
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

/** `target` of a relationship of the part in `folder` (e.g. `xl/`), as a normalised part name. */
function resolvePart(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : folder + target;
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/').toLowerCase();
}

function readRelationships(xml: string, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  scanXml(xml, {
    open: (name, a) => {
      if (name !== 'Relationship' || a['Id'] === undefined || a['Target'] === undefined) return;
      rels.set(a['Id'], { type: a['Type'] ?? '', target: a['Target'], external: a['TargetMode'] === 'External' });
    },
  }, part);
  return rels;
}

const relsPartOf = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};
const folderOf = (part: string): string => part.slice(0, part.lastIndexOf('/') + 1);

export function openWorkbook(bytes: Uint8Array): WorkbookInfo {
  const budget: UnzipBudget = { inflatedBytes: 0 };
  const small = (name: string) => name === '_rels/.rels' || name.endsWith('workbook.xml') || name.endsWith('workbook.xml.rels');
  let parts = unzipWorkbookParts(bytes, small, budget);

  let workbookPart = 'xl/workbook.xml';
  const rootRels = parts.get('_rels/.rels');
  if (rootRels) {
    for (const rel of readRelationships(xmlPartText(rootRels), '_rels/.rels').values()) {
      if (rel.type.endsWith('/officeDocument') && !rel.external) workbookPart = resolvePart('', rel.target);
    }
  }
  if (!parts.has(workbookPart) || !parts.has(relsPartOf(workbookPart))) {
    const wanted = new Set([workbookPart, relsPartOf(workbookPart)]);
    parts = unzipWorkbookParts(bytes, (name) => wanted.has(name), budget);
  }
  const workbookBytes = parts.get(workbookPart);
  const workbookRelsBytes = parts.get(relsPartOf(workbookPart));
  if (!workbookBytes) {
    throw new UserInputError('not_a_workbook',
      'the file is a zip archive but not an Excel workbook (it has no xl/workbook.xml); '
      + 'OpenDocument (.ods) and other formats must be saved as .xlsx or CSV first');
  }
  if (!workbookRelsBytes) {
    throw new UserInputError('not_a_workbook', `the workbook is damaged: ${relsPartOf(workbookPart)} is missing`);
  }
  const rels = readRelationships(xmlPartText(workbookRelsBytes), relsPartOf(workbookPart));
  const folder = folderOf(workbookPart);

  const listed: { name: string; rid: string; hidden: boolean }[] = [];
  let date1904 = false;
  scanXml(xmlPartText(workbookBytes), {
    open: (name, a) => {
      if (name === 'workbookPr') date1904 = a['date1904'] === '1' || a['date1904'] === 'true';
      if (name !== 'sheet') return;
      const ridKey = Object.keys(a).find((k) => k.endsWith(':id'));
      listed.push({ name: a['name'] ?? '', rid: ridKey ? a[ridKey] ?? '' : '', hidden: (a['state'] ?? 'visible') !== 'visible' });
    },
  }, workbookPart);

  const sheets: WorkbookSheet[] = [];
  for (const s of listed) {
    const rel = rels.get(s.rid);
    if (!rel || rel.external || !rel.type.endsWith('/worksheet')) continue;
    sheets.push({ name: s.name, part: resolvePart(folder, rel.target), hidden: s.hidden });
  }
  if (sheets.length === 0) throw new UserInputError('not_a_workbook', 'the workbook has no worksheet');
  const info: WorkbookInfo = { sheets, date1904, budget };
  for (const rel of rels.values()) {
    if (rel.external) continue;
    if (rel.type.endsWith('/sharedStrings')) info.sharedStringsPart = resolvePart(folder, rel.target);
    if (rel.type.endsWith('/styles')) info.stylesPart = resolvePart(folder, rel.target);
  }
  return info;
}
