/**
 * Writes import issues as a CSV file for the user to fix their data in a spreadsheet:
 * header `line,field,code,severity,value,message`, one row per issue, fields quoted when they hold
 * a comma, quote or line break (RFC 4180), CRLF line ends, and a UTF-8 BOM ("\uFEFF") first so
 * Excel opens Chinese text correctly. A cell that Excel would run as a formula (starting with
 * `=`, `+`, `-`, `@`, tab or CR, and not a plain number like -115) is prefixed with `'` (`csvCell`).
 * Cost: O(total text).
 */
import type { ImportIssue } from '../model/types.ts';
import { csvCell } from './csv-cell.ts';

const HEADER = ['line', 'field', 'code', 'severity', 'value', 'message'] as const;

export function issuesToCsv(issues: readonly ImportIssue[]): string {
  const lines = [HEADER.join(',')];
  for (const i of issues) {
    lines.push([String(i.line), i.field, i.code, i.severity, i.value ?? '', i.message].map(csvCell).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
