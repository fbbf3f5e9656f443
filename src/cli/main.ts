/**
 * Command-line entry: `npm run -s cli -- <command> [options]` (FORMATS.md §8).
 * Exit codes: 0 work done; 1 input unusable (or, for `validate`, any row has an issue); 2 bad usage.
 */
import { runValidate } from './validate-command.ts';
import { runDemo } from './demo-command.ts';
import { runAnalyze } from './analyze-command.ts';
import { runSuggest } from './suggest-command.ts';
import { runReport } from './report-command.ts';
import { runCoverage } from './coverage-command.ts';
import { UsageError } from './usage-error.ts';
import { UserInputError } from '../core/index.ts';

const USAGE = `usage: npm run -s cli -- <command> [options]
commands:
  validate FILE [--out FILE] [--merge worst|latest]   parse and report {rows, households, issues}
  analyze FILE [--eps-m 500] [--min-households 3] [--uncovered none,poor] [--sites SITES]
               [--sites-crs wgs84|gcj02|bd09] [--dem DEM] [--privacy] [--out clusters.geojson]
                                                      blind-spot clusters as GeoJSON, best first;
                                                      --dem (with --sites) flags homes without a
                                                      report that no site is predicted to cover
  suggest FILE --count K [--radius-m 3000] [--proposals SITES.geojson] [--uncovered none,poor]
               [--exact auto|always|never] [--sites SITES] [--eps-m 500] [--min-households 3]
               [--include-coverage] [--dem DEM] [--out proposals.geojson]
                                                      K new sites (blindspot.sites/1 GeoJSON), best
                                                      first, each with the students it newly covers
                                                      after the ones before it; --proposals stay
                                                      fixed and are not written again; the exact
                                                      optimum (HiGHS) when small enough, else greedy;
                                                      --dem: coverage predicted over the terrain
                                                      (greedy picks) instead of --radius-m circles
  report FILE [--level county|township|village] [--proposals SITES.geojson] [--uncovered none,poor]
              [--privacy] [--out report.csv]
                                                      area report CSV (UTF-8 with BOM): households,
                                                      students per class, uncovered students today
                                                      and after the proposals, one row per area
                                                      (default: village), most uncovered first;
                                                      --privacy writes counts 1-4 as <5
  coverage --site LON,LAT [--height-m 30] [--band-mhz 900] [--eirp-dbm 58]
           [--dem DEM.tif|N29E107.hgt,N29E108.hgt,…|demo] [--threshold-rsrp-poor -105]
           [--environment open|suburban|urban] [--out coverage.geojson]
                                                      predicted coverage outline of one site
                                                      (GeoJSON Feature, Polygon or MultiPolygon):
                                                      Okumura-Hata + diffraction over the DEM,
                                                      covered at RSRP >= the threshold; without
                                                      --dem the circle of the Hata range
  demo [--out DIR]                                    write the demo scenario's input files
household files (FILE): CSV (comma, semicolon or tab; UTF-8, GBK/GB18030 or UTF-16), GeoJSON or
Excel .xlsx; options of validate, analyze, suggest and report:
  --sheet NAME                 worksheet of an .xlsx file (default: the first visible one)
  --crs wgs84|gcj02|bd09       coordinate system of FILE (GCJ-02: Amap/Tencent; BD-09: Baidu)
  --encoding utf-8|gb18030     override the detected text encoding of a CSV file
  --fix-swapped                use rows whose lon/lat look swapped, swapped back (still reported)
  --merge worst|latest, --threshold-rsrp-none -115 (and the other --threshold-… options)
elevation (--dem of coverage, analyze and suggest): a GeoTIFF in WGS-84 (EPSG:4326), SRTM .hgt
tiles named for their corner (N29E107.hgt; 1" or 3"; also zipped), several separated by commas,
or "demo" for the demo's synthetic terrain
site files (--sites): a site list (id,name,lon,lat,height_m,band_mhz,eirp_dbm,operator; CSV or
.xlsx) or an OpenCelliD / Mozilla Location Service cell export (with or without header)`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  validate: runValidate,
  analyze: runAnalyze,
  suggest: runSuggest,
  report: runReport,
  coverage: runCoverage,
  demo: runDemo,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`unknown command: ${name}\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command(args);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof UserInputError) {
      process.stderr.write(JSON.stringify({ ok: false, code: err.code, error: err.message }) + '\n');
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => { process.stderr.write(`internal error: ${String(err instanceof Error ? err.stack : err)}\n`); process.exitCode = 3; },
);
