/**
 * `analyze` on a large file computes cluster outlines on two threads (issue 9 §4): the helper
 * thread must not change a byte of the output. The hidden `--outline-threads 0|1` forces the
 * helper off or on; a seeded 20,000-row municipality file (`seeded-households-csv.ts`) is
 * analysed both ways. (Which thread computes which outline varies from run to run; the output
 * may not.)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededHouseholdsCsv } from '../bench/seeded-households-csv.ts';
import { cli, summary } from './run-cli.ts';

describe('analyze --outline-threads', () => {
  it('writes the same clusters with and without the helper thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blindspot-threads-'));
    const file = join(dir, 'households.csv');
    writeFileSync(file, seededHouseholdsCsv(20_000));
    const run = async (threads: string) => {
      const out = join(dir, `clusters-${threads}.geojson`);
      const { code, stderr } = await cli('analyze', file, '--out', out, '--outline-threads', threads, '--generated-at', '2026-03-13T08:00:00Z');
      expect(code).toBe(0);
      return { text: readFileSync(out, 'utf8'), summary: summary(stderr) };
    };
    const [withHelper, without] = [await run('1'), await run('0')];
    expect(withHelper.summary['clusters']).toBeGreaterThan(50);
    expect(withHelper.text).toBe(without.text);
    expect(withHelper.summary).toEqual(without.summary);
  }, 120_000);

  it('refuses another count (exit 2)', async () => {
    const { code, stderr } = await cli('analyze', 'public/demo/households.csv', '--outline-threads', '2');
    expect(code).toBe(2);
    expect(stderr).toContain('--outline-threads must be 0 or 1');
  });
});
