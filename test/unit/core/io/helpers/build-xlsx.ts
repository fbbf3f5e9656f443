/**
 * Builds .xlsx workbooks for tests, part by part, the way Excel lays them out (with fflate, the
 * library the reader uses only for unzipping): a package with `[Content_Types].xml`, `_rels/.rels`,
 * `xl/workbook.xml` and its relationships, worksheets, and optional shared strings and styles.
 * Lets a test write any XML into any part, so edge cases (prefixed elements, phonetic runs,
 * 1904 dates, damaged parts) can be made exactly.
 */
import { strToU8, zipSync } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface SheetSpec {
  name: string;
  /** The content of `<sheetData>` (rows), or a whole worksheet part when it starts with `<?xml` or `<`+letter+`:`. */
  sheetData?: string;
  /** A whole worksheet part, used as is. */
  xml?: string;
  hidden?: boolean;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** Shared strings (plain), or the whole part as XML. */
  sharedStrings?: string[] | { xml: string };
  /** The whole styles part. */
  styles?: string;
  date1904?: boolean;
  /** Extra or replacement parts by name. */
  parts?: Record<string, string | Uint8Array>;
}

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function worksheet(sheetData: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`
    + `<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25"/>`
    + `<sheetData>${sheetData}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

export function buildXlsx(spec: WorkbookSpec): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, content: string | Uint8Array) => { files[name] = typeof content === 'string' ? strToU8(content) : content; };
  const sheetOverrides = spec.sheets.map((_, i) =>
    `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  put('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`
    + `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetOverrides}</Types>`);
  put('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">`
    + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const rels = spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (spec.sharedStrings) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (spec.styles) rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
  put('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">${rels.join('')}</Relationships>`);
  const sheets = spec.sheets.map((s, i) =>
    `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('');
  put('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">`
    + `<workbookPr${spec.date1904 ? ' date1904="1"' : ''}/><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`);
  spec.sheets.forEach((s, i) => put(`xl/worksheets/sheet${i + 1}.xml`, s.xml ?? worksheet(s.sheetData ?? '')));
  if (spec.sharedStrings) {
    const xml = 'xml' in spec.sharedStrings ? spec.sharedStrings.xml
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${spec.sharedStrings.length}" uniqueCount="${spec.sharedStrings.length}">`
        + spec.sharedStrings.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join('') + '</sst>';
    put('xl/sharedStrings.xml', xml);
  }
  if (spec.styles) put('xl/styles.xml', spec.styles);
  for (const [name, content] of Object.entries(spec.parts ?? {})) put(name, content);
  return zipSync(files, { level: 6, mtime: new Date('2025-01-01T00:00:00Z') });
}

// Control characters (but tab, LF, CR) and U+FFFE/U+FFFF, built from code points to keep the source free of them.
const NOT_IN_XML = new RegExp(`[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}${String.fromCharCode(12)}`
  + `${String.fromCharCode(14)}-${String.fromCharCode(31)}\uFFFE\uFFFF]`, 'g');

/** Control characters XML cannot hold, written as Excel writes them (`_x0001_`), and `_x` escaped. */
const ooxmlText = (s: string) => escapeXml(s.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_'))
  .replace(NOT_IN_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
  .replace(/[\uD800-\uDFFF]/g, (c, i: number, all: string) => {
    const code = c.charCodeAt(0);
    const pairedHigh = code <= 0xdbff && /[\uDC00-\uDFFF]/.test(all[i + 1] ?? '');
    const pairedLow = code >= 0xdc00 && /[\uD800-\uDBFF]/.test(all[i - 1] ?? '');
    return pairedHigh || pairedLow ? c : `_x${code.toString(16).toUpperCase()}_`;
  });

/** "A", "B", ..., "Z", "AA", ... for a 0-based column. */
export function columnName(col: number): string {
  let name = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

/** `<sheetData>` content for rows of values: strings inline (`t="inlineStr"`), numbers as `<v>`, null skipped. */
export function sheetDataOf(rows: readonly (readonly (string | number | null)[])[], firstRow = 1): string {
  return rows.map((cells, r) => {
    const row = firstRow + r;
    const cs = cells.map((v, c) => {
      if (v === null || v === '') return '';
      const ref = `${columnName(c)}${row}`;
      return typeof v === 'number'
        ? `<c r="${ref}"><v>${v}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${ooxmlText(v)}</t></is></c>`;
    }).join('');
    return `<row r="${row}">${cs}</row>`;
  }).join('');
}
