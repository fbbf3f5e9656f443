/**
 * The text of an XML part of a workbook: UTF-16 (LE or BE) when it starts with that byte-order
 * mark, UTF-8 otherwise (a UTF-8 BOM is dropped; invalid bytes become U+FFFD and then usually
 * fail the strict XML reader). Cost: O(n).
 */
export function xmlPartText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}
