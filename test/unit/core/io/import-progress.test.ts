/**
 * An import's progress (`parseHouseholdsFile`'s `onProgress`): the stages in order (reading,
 * validating, merging), each from done 0 to done = total, never decreasing; reading counts the
 * file's bytes (CSV after each 1 MiB; workbooks and GeoJSON unmeasured, total 0), validating the
 * table's rows and merging the valid rows, every 10,000 rows on the fast path. The result is the
 * same with and without a progress callback.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHouseholdsFile } from '../../../../src/core/index.ts';
import type { ImportProgress } from '../../../../src/core/io/parse-households-file.ts';
import { PROGRESS_EVERY_ROWS } from '../../../../src/core/io/parse-household-table.ts';
import { seededHouseholdsCsv } from '../../../bench/seeded-households-csv.ts';

async function importWithProgress(name: string, bytes: Uint8Array) {
  const seen: ImportProgress[] = [];
  const result = await parseHouseholdsFile({ name, bytes }, {}, (p) => seen.push({ ...p }));
  return { result, seen };
}

/** Stages in order; within each, done never decreases, total stays, and the last report is done = total. */
function expectWellFormed(seen: readonly ImportProgress[]): Map<string, ImportProgress[]> {
  const byStage = new Map<string, ImportProgress[]>();
  for (const p of seen) byStage.set(p.stage, [...(byStage.get(p.stage) ?? []), p]);
  expect([...byStage.keys()]).toEqual(['reading', 'validating', 'merging']);
  expect(seen.map((p) => p.stage)).toEqual([...byStage.entries()].flatMap(([stage, list]) => list.map(() => stage)));
  for (const [stage, list] of byStage) {
    expect(list[0]!.done, stage).toBe(0);
    for (let k = 1; k < list.length; k++) expect(list[k]!.done, stage).toBeGreaterThanOrEqual(list[k - 1]!.done);
    const last = list[list.length - 1]!;
    expect(last.done, stage).toBe(last.total);
    for (const p of list.slice(stage === 'reading' ? 1 : 0)) expect(p.total, stage).toBe(last.total); // reading starts unmeasured
    for (const p of list) expect(p.done).toBeLessThanOrEqual(p.total);
  }
  return byStage;
}

describe('parseHouseholdsFile progress', () => {
  it('a 25,000-row CSV: bytes read, then rows validated and merged every 10,000 rows', async () => {
    const bytes = new TextEncoder().encode(seededHouseholdsCsv(25_000)); // ~1.5 MB: two pieces of 1 MiB
    const { result, seen } = await importWithProgress('big.csv', bytes);
    const byStage = expectWellFormed(seen);
    expect(byStage.get('reading')!.map((p) => p.done)).toEqual([0, 1 << 20, bytes.length]);
    expect(byStage.get('validating')!.map((p) => p.done)).toEqual([0, PROGRESS_EVERY_ROWS, 2 * PROGRESS_EVERY_ROWS, 25_000]);
    const merging = byStage.get('merging')!;
    const valid = merging[merging.length - 1]!.total;
    expect(valid).toBeGreaterThan(24_000);
    expect(valid).toBeLessThanOrEqual(25_000);
    expect(merging.map((p) => p.done)).toEqual([0, PROGRESS_EVERY_ROWS, 2 * PROGRESS_EVERY_ROWS, valid]);
    // The same answer without a callback.
    const plain = await parseHouseholdsFile({ name: 'big.csv', bytes });
    expect(result.households.length).toBe(plain.households.length);
    expect(result.issues).toEqual(plain.issues);
    expect(result.households.slice(0, 100)).toEqual(plain.households.slice(0, 100));
  });

  it('GeoJSON and workbooks: reading in one step (total 0), then the rows', async () => {
    for (const file of ['test/fixtures/households.geojson', 'test/fixtures/households.xlsx']) {
      const { result, seen } = await importWithProgress(file.split('/').pop()!, new Uint8Array(readFileSync(file)));
      const byStage = expectWellFormed(seen);
      expect(byStage.get('reading')).toEqual([{ stage: 'reading', done: 0, total: 0 }]);
      const tableRows = byStage.get('validating')!.at(-1)!.total; // the reader's rejected features are not in the table
      expect(tableRows).toBeGreaterThan(0);
      expect(tableRows).toBeLessThanOrEqual(result.rows);
      expect(byStage.get('merging')!.at(-1)!.total).toBeGreaterThan(0);
    }
  });
});
