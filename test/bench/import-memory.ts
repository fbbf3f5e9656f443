/**
 * Memory of reading a household file in Node, for `/usr/bin/time -v` (its "Maximum resident set
 * size" is the peak): `npx tsx test/bench/import-memory.ts read|parse FILE [--whole-text]`.
 * `read` runs `readInputTable` (bytes → table: CSV decoded and read piece by piece), `parse`
 * the whole `parseHouseholdsFile`; `--whole-text` reads CSV the way it was read before the
 * streaming reader (`decodeText` → `readCsvTable` on one string), to compare. Prints the time
 * and, run with `node --expose-gc` (`NODE_OPTIONS=--expose-gc`), the heap still used once the
 * answer is built (what the result keeps alive).
 * Measured (seeded 1,000,000 rows, `write-households-csv.ts`; 2 shared cores): see
 * read-csv-bytes.ts.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeText, parseHouseholdsFile, readCsvTable, readInputTable } from '../../src/core/index.ts';

const [mode, file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if ((mode !== 'read' && mode !== 'parse') || file === undefined) {
  console.error('usage: npx tsx test/bench/import-memory.ts read|parse FILE [--whole-text]');
  process.exit(2);
}
const wholeText = process.argv.includes('--whole-text');
const bytes = new Uint8Array(readFileSync(file));
const t0 = performance.now();
let summary: string;
let kept: unknown; // the answer, alive until the heap is measured
if (mode === 'read') {
  const table = wholeText ? readCsvTable(decodeText(bytes).text) : (await readInputTable({ name: basename(file), bytes })).table;
  kept = table;
  summary = `${table.rows.length.toLocaleString('en')} rows read`;
} else {
  if (wholeText) throw new Error('--whole-text goes with read only');
  const parsed = await parseHouseholdsFile({ name: basename(file), bytes });
  kept = parsed;
  summary = `${parsed.households.length.toLocaleString('en')} households`;
}
const ms = performance.now() - t0;
(globalThis as { gc?: () => void }).gc?.();
if (kept === undefined) throw new Error('nothing read');
console.log(`${mode}${wholeText ? ' (whole text)' : ''}: ${summary} in ${ms.toFixed(0)} ms; heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
