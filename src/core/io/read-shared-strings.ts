/**
 * Reads a workbook's shared string table (`xl/sharedStrings.xml`): one string per `<si>`, the
 * concatenated text of its `<t>` elements (plain or rich-text runs `<r><t>`), leaving out
 * phonetic guides (`<rPh>`, East Asian reading aids) and decoding `_xHHHH_` escapes.
 * Throws `UserInputError` `not_a_workbook` for malformed XML (see `scanXml`).
 * Cost: O(n) in the part's text.
 */
import { decodeOoxmlEscapes } from './decode-ooxml-escapes.ts';
import { scanXml } from './scan-xml.ts';

export function readSharedStrings(xml: string, part: string): string[] {
  const strings: string[] = [];
  let current: string[] | null = null;
  let phonetic = 0;
  let inText = false;
  scanXml(xml, {
    open: (name) => {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && current !== null && phonetic === 0) inText = true;
    },
    close: (name) => {
      if (name === 'si') {
        strings.push(decodeOoxmlEscapes((current ?? []).join('')));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text: (text) => {
      if (inText && current !== null) current.push(text);
    },
  }, part);
  return strings;
}
