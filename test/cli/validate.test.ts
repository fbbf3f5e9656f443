import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, summary, type ValidateOutput } from './run-cli.ts';




// Each test spawns Node; running them concurrently keeps the file fast.
describe.concurrent('cli validate', () => {
  it('exits 0 with an empty issue list for a clean file', async () => {
    const r = await cli('validate', fixture('households-good.csv'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ rows: 10, households: 9, issues: [] });
    expect(summary(r.stderr)).toMatchObject({ ok: true, rows: 10, households: 9, issues: 0, byCode: {}, encoding: 'utf-8' });
  });

  it('exits 1 and lists every issue of the bad fixture by line', async () => {
    const expected = JSON.parse(readFileSync(fixture('households-bad-rows.expected.json'), 'utf8')) as ValidateOutput;
    const r = await cli('validate', fixture('households-bad-rows.csv'));
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as ValidateOutput;
    expect(out.rows).toBe(expected.rows);
    expect(out.households).toBe(expected.households);
    expect(out.issues.map(({ line, field, code }) => ({ line, field, code }))).toEqual(expected.issues);
    for (const issue of out.issues) {
      expect(Object.keys(issue)).toEqual(['line', 'field', 'code', 'message', 'severity']);
      expect(issue.message).toMatch(new RegExp(`^line ${issue.line}: `));
    }
    expect(r.stdout).not.toMatch(/Parent|139000000/);
    expect(summary(r.stderr)).toEqual({
      ok: false, rows: 12, households: 6, issues: 8, errors: 5, warnings: 3, format: 'csv', encoding: 'utf-8',
      byCode: { missing_coordinate: 1, not_a_number: 1, swapped_lat_lon: 1, unknown_signal_value: 1, out_of_range: 1,
        duplicate_id_conflict: 1, outside_area: 1, invalid_date: 1 },
    });
  });

  it('writes the report to --out instead of stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blindspot-cli-'));
    const out = join(dir, 'issues.json');
    const r = await cli('validate', fixture('households-bad-rows.csv'), '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as ValidateOutput).issues).toHaveLength(8);
  });

  it('reads GeoJSON (feature index as line) and GBK-encoded CSV', async () => {
    const geo = await cli('validate', fixture('households.geojson'));
    expect(geo.code).toBe(1);
    expect((JSON.parse(geo.stdout) as ValidateOutput).issues.map((i) => [i.line, i.code])).toEqual(
      [[3, 'not_a_point'], [6, 'not_a_number']]);
    expect(summary(geo.stderr)).toMatchObject({ format: 'geojson', rows: 6, households: 5 });

    const gbk = await cli('validate', fixture('households-gbk.csv'));
    expect(gbk.code).toBe(0);
    expect(summary(gbk.stderr)).toMatchObject({ ok: true, encoding: 'gb18030', rows: 2, households: 2 });
  });

  it('accepts classification options, negative values included', async () => {
    const r = await cli('validate', fixture('households-good.csv'), '--merge', 'latest', '--threshold-rsrp-none', '-110',
      '--threshold-down-fair=8');
    expect(r.code).toBe(0);
  });

  it('exits 1 with a one-line JSON error, no stack trace, for a file it cannot use', async () => {
    const missing = await cli('validate', fixture('no-such-file.csv'));
    expect(missing.code).toBe(1);
    expect(summary(missing.stderr)).toMatchObject({ ok: false, code: 'file_not_found' });
    expect(missing.stderr).not.toMatch(/\bat .*\.ts:\d+/);

    const dir = await cli('validate', fixture(''));
    expect(dir.code).toBe(1);
    expect(summary(dir.stderr)).toMatchObject({ ok: false, code: 'unreadable_file' });

    const tmp = mkdtempSync(join(tmpdir(), 'blindspot-cli-'));
    const noCoords = join(tmp, 'no-coords.csv');
    writeFileSync(noCoords, 'id,name\n1,x\n');
    const unusable = await cli('validate', noCoords);
    expect(unusable.code).toBe(1);
    expect(unusable.stdout).toBe('');
    expect(summary(unusable.stderr)).toMatchObject({ ok: false, code: 'no_coordinate_columns' });
  });

  it.each([
    [[]],
    [['a.csv', 'b.csv']],
    [['--bogus', 'x.csv']],
    [['x.csv', '--out']],
    [['x.csv', '--merge', 'best']],
    [['x.csv', '--threshold-rsrp-none', 'low']],
    [['x.csv', '--threshold-rsrp-none', '-90']],
  ])('exits 2 on bad usage: validate %j', async (args) => {
    const r = await cli('validate', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^validate: .*\nusage:/);
  });
});
