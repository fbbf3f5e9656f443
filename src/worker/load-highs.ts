/**
 * Loads HiGHS (the `highs` package: the MILP solver compiled to WebAssembly) in the browser, for
 * `suggestSites({ milp })`. The solver's JS glue is a separate chunk, fetched on the first call
 * only; its wasm (~3.5 MB, ~1 MB gzipped) is bundled by Vite as an asset
 * (`highs/runtime?url` = the package's `build/highs.wasm`) and handed to the loader through
 * `locateFile`, so it comes from our own origin and works offline after `vite build` (no CDN).
 * Call it from the Web Worker: a solve blocks its thread (up to the MILP's time limit), and the
 * page's Content-Security-Policy (`script-src 'self'`, no 'wasm-unsafe-eval') applies to the
 * page, not to the worker script. One instance per worker: the promise is cached; a failed load
 * is forgotten, so the next call tries again.
 * Cost: ~50–100 ms to compile the wasm once (Node 20 measure; a browser is similar), a few MB of
 * wasm memory that grows with the largest model solved.
 */
import highsWasmUrl from 'highs/runtime?url';
import type { HighsLike } from '../core/analysis/milp-max-cover.ts';

let loading: Promise<HighsLike> | null = null;

export function loadHighs(): Promise<HighsLike> {
  return (loading ??= import('highs')
    .then(({ default: highsLoader }): Promise<HighsLike> => highsLoader({ locateFile: (file) => (file.endsWith('.wasm') ? highsWasmUrl : file) }))
    .catch((err: unknown) => {
      loading = null;
      throw err;
    }));
}
