/**
 * Reads the rows of one worksheet part (`xl/worksheets/sheetN.xml`) as text cells.
 *
 * Computes: one `RawRow` per row that has a non-empty cell, `line` = the sheet's 1-based row
 * number (the `r` attribute, else the previous row + 1), cells placed by their column (`r` like
 * "C7", else the previous cell + 1), gaps filled with ''. Cell text, "as Excel stores it":
 * - shared (`t="s"`) and inline (`t="inlineStr"`) strings, formula strings (`t="str"`): the text,
 *   phonetic guides left out, `_xHHHH_` escapes decoded;
 * - numbers: rounded to Excel's 15 significant digits and written shortest ("108.12", "-115",
 *   "1e-7"); a number whose cell format is a date or time becomes ISO 8601 text
 *   (`excelSerialToIso`: "2025-03-01", "2025-03-01T08:30:00", "08:30:00");
 * - `t="d"` (ISO date cells) as written; booleans as TRUE/FALSE; errors as Excel writes them
 *   ("#N/A"); formulas by their cached result (a formula never calculated reads as empty).
 * Every cell is trimmed. Empty rows are left out.
 * Throws `UserInputError`: `workbook_too_large` once the rows hold more than `maxCells` cells
 * (each row counted up to its last non-empty cell), `not_a_workbook` for malformed XML, rows or
 * cells out of order, a column past XFD, a row past 1,048,576, or a shared string that does not
 * exist. Cost: O(n) in the part's text.
 */
import type { RawRow } from '../model/types.ts';
import { UserInputError } from '../model/errors.ts';
import type { DateFormatKind } from './date-format-kind.ts';
import { decodeOoxmlEscapes } from './decode-ooxml-escapes.ts';
import { excelSerialToIso } from './excel-serial-to-iso.ts';
import { scanXml } from './scan-xml.ts';

export interface SheetRowsContext {
  sharedStrings: readonly string[];
  /** Date kind of each cell format (index = a cell's `s`). */
  dateKinds: readonly (DateFormatKind | null)[];
  date1904: boolean;
  maxCells: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const CELL_REF = /^([A-Za-z]{1,3})\d*$/;

/** 0-based column of a cell reference ("A1" → 0, "AB12" → 27), or -1 when it is not one. */
function columnOf(ref: string): number {
  const m = CELL_REF.exec(ref);
  if (!m) return -1;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** A decimal with at most 15 significant digits already written shortest: kept as it is (the common case, and fast). */
const SHORT_DECIMAL = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{0,14}[1-9])?$/;

/** Excel's 15 significant digits, written shortest; -0 as 0. */
function numberText(text: string, value: number): string {
  // Up to 15 characters hold at most 15 significant digits.
  if (text.length <= 15 && text !== '-0' && SHORT_DECIMAL.test(text)) return text;
  return String(Number(value.toPrecision(15)) + 0);
}

const columnName = (col: number): string => {
  let name = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
};

export function readSheetRows(xml: string, part: string, ctx: SheetRowsContext): RawRow[] {
  const damaged = (what: string): never => {
    throw new UserInputError('not_a_workbook', `the workbook is damaged: ${part}: ${what}; open it in Excel or WPS and save it again`,
      { part });
  };
  const rows: RawRow[] = [];
  let inSheetData = false;
  let rowNumber = 0;
  let cells: string[] | null = null;
  let lastFilled = -1;
  let previousCol = -1;
  let denseCells = 0;
  // The cell being read.
  let col = -1;
  let type = 'n';
  let style = 0;
  let v = '';
  let inlineText: string | null = null;
  let inV = false;
  let inT = false;
  let phonetic = 0;

  const cellValue = (): string => {
    switch (type) {
      case 's': {
        if (v.trim() === '') return '';
        const index = Number(v);
        if (!Number.isInteger(index) || index < 0 || index >= ctx.sharedStrings.length) {
          return damaged(`cell ${columnName(col)}${rowNumber} refers to shared string ${JSON.stringify(v.slice(0, 20))}, which does not exist`);
        }
        return ctx.sharedStrings[index] ?? '';
      }
      case 'inlineStr': return decodeOoxmlEscapes(inlineText ?? '');
      case 'str': return decodeOoxmlEscapes(v);
      case 'b': return v.trim() === '1' ? 'TRUE' : v.trim() === '0' ? 'FALSE' : v;
      case 'e':
      case 'd': return v;
      default: {
        const text = v.trim();
        if (text === '') return '';
        const value = Number(text);
        if (!Number.isFinite(value)) return text;
        const kind = ctx.dateKinds[style] ?? null;
        const iso = kind === null ? null : excelSerialToIso(value, kind, ctx.date1904);
        return iso ?? numberText(text, value);
      }
    }
  };

  scanXml(xml, {
    open: (name, a) => {
      if (name === 'sheetData') { inSheetData = true; return; }
      if (!inSheetData) return;
      if (name === 'row') {
        const r = a['r'] === undefined ? rowNumber + 1 : Number(a['r']);
        if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS) damaged(`row number ${JSON.stringify(a['r'])} is not 1…${MAX_ROWS}`);
        if (r <= rowNumber) damaged(`row ${r} comes after row ${rowNumber}`);
        rowNumber = r;
        cells = [];
        lastFilled = -1;
        previousCol = -1;
      } else if (name === 'c' && cells !== null) {
        col = a['r'] === undefined ? previousCol + 1 : columnOf(a['r']);
        if (col < 0 || col >= MAX_COLUMNS) damaged(`cell reference ${JSON.stringify(a['r'])} is not a column A…XFD`);
        if (col <= previousCol) damaged(`cell ${columnName(col)}${rowNumber} comes after column ${columnName(previousCol)}`);
        previousCol = col;
        type = a['t'] ?? 'n';
        style = a['s'] === undefined ? 0 : Number(a['s']);
        v = '';
        inlineText = null;
        phonetic = 0;
      } else if (name === 'v' && cells !== null) {
        inV = true;
        v = '';
      } else if (name === 'is' && cells !== null) {
        inlineText = '';
      } else if (name === 'rPh') {
        phonetic++;
      } else if (name === 't' && inlineText !== null && phonetic === 0) {
        inT = true;
      }
    },
    text: (text) => {
      if (inV) v += text;
      else if (inT) inlineText += text;
    },
    close: (name) => {
      if (name === 'v') inV = false;
      else if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cells !== null) {
        const value = cellValue().trim();
        if (value !== '') {
          if (denseCells + col + 1 > ctx.maxCells) {
            throw new UserInputError('workbook_too_large',
              `the sheet has more than ${ctx.maxCells.toLocaleString('en')} cells (rows × columns); split it, or save it as CSV`);
          }
          while (cells.length < col) cells.push('');
          cells[col] = value;
          lastFilled = col;
        }
      } else if (name === 'row' && cells !== null) {
        if (lastFilled >= 0) {
          rows.push({ line: rowNumber, cells });
          denseCells += cells.length;
        }
        cells = null;
      } else if (name === 'sheetData') inSheetData = false;
    },
  }, part);
  return rows;
}
