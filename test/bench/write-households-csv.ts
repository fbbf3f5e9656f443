/**
 * Writes a seeded household report CSV (`seeded-households-csv.ts`) to a file, for measuring the
 * CLI at scale: `npx tsx test/bench/write-households-csv.ts --rows=1000000 [--seed=N]
 * [--out=/tmp/blindspot-households-1000000.csv]`. Prints the path, rows and bytes. Writes outside
 * the repository by default (/tmp); same rows and seed ⇒ same file.
 */
import { SEEDED_HOUSEHOLDS_DEFAULT_SEED, writeSeededHouseholdsCsv } from './seeded-households-csv.ts';

const args = process.argv.slice(2);
const value = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const rows = Number(value('rows') ?? 1_000_000);
const seed = Number(value('seed') ?? SEEDED_HOUSEHOLDS_DEFAULT_SEED);
const out = value('out') ?? `/tmp/blindspot-households-${rows}.csv`;

const t0 = performance.now();
const bytes = await writeSeededHouseholdsCsv(out, rows, seed);
console.log(`${out}: ${rows.toLocaleString('en-US')} rows, seed ${seed}, ${(bytes / 1e6).toFixed(1)} MB, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
