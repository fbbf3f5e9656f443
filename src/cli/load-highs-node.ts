/**
 * Loads HiGHS (the `highs` package: the MILP solver compiled to WebAssembly) under Node for the
 * CLI's exact suggestions (`suggestSites({ milp })`). Node finds `highs.wasm` beside the
 * package's loader, so no path is needed. A failed load (a missing or broken package) becomes a
 * `UserInputError` `solver_unavailable` (exit code 1) naming the cause.
 * Cost: ~50 ms to compile the wasm (Node 20); the first solve then takes ~0.1–0.2 s more than
 * later ones (wasm warm-up).
 */
import { UserInputError, type HighsLike } from '../core/index.ts';

export async function loadHighsNode(): Promise<HighsLike> {
  try {
    const { default: highsLoader } = await import('highs');
    return await highsLoader();
  } catch (err) {
    throw new UserInputError('solver_unavailable', `cannot load the HiGHS solver (npm package highs): ${err instanceof Error ? err.message : String(err)}`);
  }
}
