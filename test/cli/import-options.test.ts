import { describe, expect, it } from 'vitest';
import { cli, fixture, summary, type ValidateOutput } from './run-cli.ts';



describe.concurrent('cli: real-world inputs (issue 5)', () => {
  it('validate reads an .xlsx by its bytes: first sheet, rows by sheet row, summary names the sheets', async () => {
    const r = await cli('validate', fixture('households.xlsx'));
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as ValidateOutput;
    expect(out).toMatchObject({ rows: 6, households: 5 });
    expect(out.issues.map((i) => [i.line, i.code, i.severity])).toEqual([[8, 'swapped_lat_lon', 'error'], [10, 'out_of_range', 'warning']]);
    expect(r.stdout).not.toMatch(/测试家长|138000001/);
    expect(summary(r.stderr)).toMatchObject({ ok: false, format: 'xlsx', encoding: 'utf-8', sheet: '住户', sheets: ['住户', '第二批'] });
  });

  it('validate --sheet picks another sheet; an unknown sheet exits 1 with the names there are', async () => {
    const r = await cli('validate', fixture('households.xlsx'), '--sheet', '第二批');
    expect(r.code).toBe(0);
    expect(summary(r.stderr)).toMatchObject({ ok: true, rows: 2, households: 2, sheet: '第二批' });
    const bad = await cli('validate', fixture('households.xlsx'), '--sheet', 'Sheet1');
    expect(bad.code).toBe(1);
    expect(summary(bad.stderr)).toMatchObject({ ok: false, code: 'sheet_not_found' });
    expect(bad.stderr).toMatch(/住户/);
  });

  it('validate --fix-swapped uses swapped rows, reported as warnings', async () => {
    const r = await cli('validate', fixture('households.xlsx'), '--fix-swapped');
    expect(r.code).toBe(1); // warnings are still issues for validate
    const out = JSON.parse(r.stdout) as ValidateOutput;
    expect(out.households).toBe(6);
    expect(out.issues[0]).toMatchObject({ line: 8, code: 'swapped_lat_lon', severity: 'warning' });
    expect(out.issues[0]?.message).toMatch(/fixed/);
    expect(summary(r.stderr)).toMatchObject({ errors: 0, warnings: 2 });
  });

  it('validate --crs gcj02 and --encoding are applied and echoed', async () => {
    const r = await cli('validate', fixture('households-gbk.csv'), '--crs', 'gcj02', '--encoding', 'gbk');
    expect(r.code).toBe(0);
    expect(summary(r.stderr)).toMatchObject({ ok: true, encoding: 'gb18030', crs: 'gcj02', households: 2 });
    const semi = await cli('validate', fixture('households-semicolon.csv'));
    expect(semi.code).toBe(0);
    const dms = await cli('validate', fixture('households-dms.csv'));
    expect((JSON.parse(dms.stdout) as ValidateOutput).issues.map((i) => [i.line, i.code])).toEqual([[7, 'not_a_number']]);
  });

  it('analyze reads an .xlsx and an OpenCelliD cell export as --sites', async () => {
    const r = await cli('analyze', fixture('households.xlsx'), '--sites', fixture('cells-opencellid-noheader.csv'), '--min-households', '1',
      '--crs', 'wgs84', '--fix-swapped');
    expect(r.code).toBe(0);
    expect(summary(r.stderr)).toMatchObject({ ok: true, households: 6, sites: 4, siteIssues: 1, sitesKind: 'opencellid', cells: 6 });
    const list = await cli('analyze', fixture('households.xlsx'), '--sites', fixture('sites.csv'), '--sites-crs', 'gcj02');
    expect(summary(list.stderr)).toMatchObject({ ok: true, sites: 4 });
    expect(summary(list.stderr)).not.toHaveProperty('sitesKind');
  });

  it.each([
    [['validate', 'x.csv', '--crs', 'utm']],
    [['validate', 'x.csv', '--encoding', 'big5']],
    [['validate', 'x.csv', '--fix-swapped=yes']],
    [['validate', 'x.csv', '--sheet']],
    [['analyze', 'x.csv', '--sites-crs', 'mars']],
  ])('exits 2 on bad usage: %j', async (args) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage:/);
  });

  it('the usage text names the new options', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const option of ['--sheet', '--crs', '--encoding', '--fix-swapped', '--sites-crs', 'OpenCelliD', '.xlsx']) {
      expect(r.stdout).toContain(option);
    }
  });
});
