/**
 * Command-line entry: `npm run -s cli -- <command> [options]` (FORMATS.md §8).
 * Exit codes: 0 work done; 1 input unusable (or, for `validate`, any row has an issue); 2 bad usage.
 */
import { runValidate } from './validate-command.ts';
import { runDemo } from './demo-command.ts';
import { runAnalyze } from './analyze-command.ts';
import { UsageError } from './usage-error.ts';
import { UserInputError } from '../core/index.ts';

const USAGE = `usage: npm run -s cli -- <command> [options]
commands:
  validate FILE [--out FILE] [--merge worst|latest]   parse and report {rows, households, issues}
  analyze FILE [--eps-m 500] [--min-households 3] [--uncovered none,poor] [--sites SITES.csv]
               [--privacy] [--out clusters.geojson] [--merge worst|latest] [--threshold-… N]
                                                      blind-spot clusters as GeoJSON, best first
  demo [--out DIR]                                    write the demo scenario's input files`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  validate: runValidate,
  analyze: runAnalyze,
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
