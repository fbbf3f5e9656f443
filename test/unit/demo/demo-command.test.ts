import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../../../src/cli/demo-command.ts';
import { UsageError } from '../../../src/cli/usage-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'blindspot-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('demo command', () => {
  it('writes households.csv, sites.csv and README.txt and a one-line JSON summary on stderr', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const out = join(dir, 'a');
      expect(await runDemo(['--out', out])).toBe(0);
      const summary = JSON.parse(String(stderr.mock.calls.at(-1)?.[0])) as Record<string, unknown>;
      expect(summary).toMatchObject({ ok: true, out, sites: 40 });
      const households = readFileSync(join(out, 'households.csv'), 'utf8');
      const ids = new Set(households.trimEnd().split('\n').slice(1).map((l) => l.split(',')[0]));
      expect(summary['households']).toBe(ids.size);
      expect(summary['rows']).toBe(households.trimEnd().split('\n').length - 1);
      expect(readFileSync(join(out, 'README.txt'), 'utf8')).toMatch(/SYNTHETIC/);
      // Same bytes as the committed demo files (default seed).
      expect(households).toBe(readFileSync(new URL('../../../public/demo/households.csv', import.meta.url), 'utf8'));
    } finally {
      stderr.mockRestore();
    }
  });

  it('takes --out=DIR and --seed N', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runDemo([`--out=${join(dir, 'b')}`, '--seed', '7'])).toBe(0);
      expect(JSON.parse(String(stderr.mock.calls.at(-1)?.[0]))).toMatchObject({ ok: true, seed: 7 });
    } finally {
      stderr.mockRestore();
    }
  });

  it('rejects bad usage with a UsageError', async () => {
    await expect(runDemo(['--bogus'])).rejects.toBeInstanceOf(UsageError);
    await expect(runDemo(['extra'])).rejects.toBeInstanceOf(UsageError);
    await expect(runDemo(['--out'])).rejects.toBeInstanceOf(UsageError);
    await expect(runDemo(['--seed', 'abc'])).rejects.toBeInstanceOf(UsageError);
  });
});
