/**
 * Which delimiter a CSV file uses: comma, semicolon or tab, whichever occurs most often outside
 * quotes on the first non-blank line; ties prefer comma, then semicolon; none at all means comma.
 * A quote toggles "inside quotes" (a doubled quote toggles twice), so a quoted header cell may
 * hold delimiters and line breaks.
 * `DelimiterDetector` reads the text piece by piece (`feed`) and says when the answer is final
 * (the first non-blank line has ended); `detectDelimiter` reads one whole text.
 * Cost: O(length of the first non-blank line) — the rest of the text is not looked at.
 */
export type CsvDelimiter = ',' | ';' | '\t';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const COMMA = 44;
const SEMICOLON = 59;
const TAB = 9;

/** `String.prototype.trim`'s whitespace, one UTF-16 code unit at a time (a surrogate half is not). */
const isWhitespace = (c: number): boolean =>
  c < 128 ? c === 32 || (c >= 9 && c <= 13) : String.fromCharCode(c).trim() === '';

export class DelimiterDetector {
  private comma = 0;
  private semicolon = 0;
  private tab = 0;
  private inQuotes = false;
  private seenContent = false;
  private ended = false;

  /** Reads the next piece of text; true once the answer is final (more text changes nothing). */
  feed(text: string): boolean {
    if (this.ended) return true;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) this.inQuotes = !this.inQuotes;
      else if (!this.inQuotes && (c === LF || c === CR)) {
        if (this.seenContent) {
          this.ended = true;
          return true;
        }
        continue;
      } else if (!this.inQuotes) {
        if (c === COMMA) this.comma++;
        else if (c === SEMICOLON) this.semicolon++;
        else if (c === TAB) this.tab++;
      }
      if (!this.seenContent && !isWhitespace(c)) this.seenContent = true;
    }
    return false;
  }

  /** The delimiter of the text read so far. */
  get delimiter(): CsvDelimiter {
    let best: CsvDelimiter = ',';
    let most = this.comma;
    if (this.semicolon > most) { best = ';'; most = this.semicolon; }
    if (this.tab > most) best = '\t';
    return best;
  }
}

export function detectDelimiter(text: string): CsvDelimiter {
  const detector = new DelimiterDetector();
  detector.feed(text);
  return detector.delimiter;
}
