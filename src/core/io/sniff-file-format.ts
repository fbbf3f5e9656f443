/**
 * Tells from a file's first bytes (and its name) how to read it, before any decoding:
 * - 'xlsx': a zip archive ("PK\x03\x04", or an empty zip "PK\x05\x06") — Excel workbooks are zips;
 * - 'ole': an OLE2 container (D0 CF 11 E0) — an Excel 97–2003 .xls or an encrypted workbook;
 * - 'html': text starting with `<` (after a BOM and spaces) in a file named .xls/.xlsx — some
 *   systems export web pages under an Excel name;
 * - 'binary': a file named .xls/.xlsx/.xlsm that is none of these and holds NUL bytes;
 * - 'text': anything else, UTF-16 text with a byte-order mark included (CSV, GeoJSON; a CSV merely renamed to .xlsx is read as CSV).
 * Cost: O(1) (looks at the first 1 kB at most).
 */
export type SniffedFormat = 'xlsx' | 'ole' | 'html' | 'binary' | 'text';

export function sniffFileFormat(name: string, bytes: Uint8Array): SniffedFormat {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6))) return 'xlsx';
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'ole';
  if (!/\.xls[xm]?$/i.test(name.trim())) return 'text';
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return 'text'; // UTF-16 "Unicode text"
  const head = b.subarray(0, 1024);
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (head[i] === 0x3c /* < */) return 'html';
  return head.includes(0) ? 'binary' : 'text';
}
