/**
 * What a column-mapping dialog shows: for each column of a table, its header, the field it is
 * mapped to (or null) and up to 3 sample values — the first non-empty cells from the top, trimmed
 * and cut to 40 characters. Samples of personal columns are masked as "•••": a column is personal
 * when the mapping says so or when its header is a personal alias (so mapping a phone column to
 * another field by mistake does not show the numbers). Cost: O(rows × columns) at worst, usually
 * O(columns) (stops at 3 samples).
 */
import type { ColumnMapping, HouseholdField, RawTable } from '../model/types.ts';
import { detectColumns } from './detect-columns.ts';

export interface ColumnDescription {
  /** 0-based column index (what `ImportOptions.mapping` is indexed by). */
  index: number;
  header: string;
  field: HouseholdField | null;
  /** Up to 3 non-empty values from the top; "•••" each for personal columns. */
  samples: string[];
}

export const MASKED_SAMPLE = '•••';
const SAMPLES = 3;
const MAX_CHARS = 40;

export function describeColumns(table: RawTable, mapping: ColumnMapping | readonly (HouseholdField | null)[]): ColumnDescription[] {
  const fields = 'fields' in mapping ? mapping.fields : mapping;
  const detected = detectColumns(table.headers).fields;
  return table.headers.map((header, index) => {
    const field = fields[index] ?? null;
    const personal = field === 'personal' || detected[index] === 'personal';
    const samples: string[] = [];
    for (const row of table.rows) {
      if (samples.length >= SAMPLES) break;
      const value = (row.cells[index] ?? '').trim();
      if (value === '') continue;
      const chars = [...value];
      samples.push(personal ? MASKED_SAMPLE : chars.length > MAX_CHARS ? chars.slice(0, MAX_CHARS).join('') + '…' : value);
    }
    return { index, header, field, samples };
  });
}
