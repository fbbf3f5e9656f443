/**
 * One cell of the CSV files we write for spreadsheets (issues, proposals, area report): RFC 4180
 * quoting (a cell holding a comma, a quote, a CR or LF is quoted, quotes doubled) and a guard
 * against formula injection — a cell Excel or WPS would run as a formula (starting with `=`, `+`,
 * `-`, `@`, tab or CR) is prefixed with `'`, unless it is a plain number such as -115, +3.5 or
 * -1e-7, which spreadsheets read as a number, never as a formula.
 * Rules: the value is written as given otherwise (callers format numbers). Cost: O(length).
 */

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
