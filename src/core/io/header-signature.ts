/**
 * A key for "the same kind of file": the headers normalised as column detection compares them
 * (`headerKey`: width-folded, lower case, without spaces, `_` and `-`), in order, as one string.
 * Two files whose headers differ only in case, spacing or width share a signature; reordered or
 * renamed columns do not. The UI keeps a user's column mapping under it for the next file.
 * Opaque: compare signatures for equality only. Cost: O(total header length).
 */
import { headerKey } from './map-headers.ts';

export function headerSignature(headers: readonly string[]): string {
  return JSON.stringify(headers.map(headerKey));
}
