/**
 * Keeps the blind-spot analysis in step with the data: whenever the households, the sites or the
 * analysis settings change, it asks the worker again (debounced; the latest request wins, an
 * older answer that arrives late is dropped). The page never waits on it.
 */
import type { AppState } from './store.ts';
import { appStore } from './app-store.ts';
import { core } from './actions/core.ts';
import { nextTask } from './next-task.ts';
import { CancelledError } from '../worker/core-client.ts';

const DEBOUNCE_MS = 120;

let latest = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function inputsChanged(state: AppState, prev: AppState): boolean {
  return (
    state.dataset.households !== prev.dataset.households ||
    state.dataset.sites !== prev.dataset.sites ||
    state.analysis.settings !== prev.analysis.settings
  );
}

async function run(): Promise<void> {
  const request = ++latest;
  const { dataset, analysis } = appStore.getState();
  const { households, sites } = dataset;
  try {
    const result = await core().analyze(households, sites, analysis.settings);
    if (request !== latest) return;
    await nextTask(); // reading a large answer was one task; showing it (panel, map) is the next
    if (request !== latest) return;
    appStore.setState((s) => ({ analysis: { ...s.analysis, result, resultFor: households, running: false, error: null } }));
  } catch (err) {
    if (request !== latest) return;
    if (err instanceof CancelledError) return schedule(); // the user stopped an import: analyse again on a fresh worker
    const error = { message: err instanceof Error ? err.message : String(err), code: (err as { code?: string }).code };
    appStore.setState((s) => ({ analysis: { ...s.analysis, running: false, error } }));
  }
}

function schedule(): void {
  clearTimeout(timer);
  latest++; // an answer already on its way is now stale
  appStore.setState((s) => ({ analysis: { ...s.analysis, running: true } }));
  timer = setTimeout(() => void run(), DEBOUNCE_MS);
}

/** Starts following the store; returns the function that stops it. */
export function startAnalysisRunner(): () => void {
  if (appStore.getState().dataset.source) schedule();
  const unsubscribe = appStore.subscribe((state, prev) => {
    if (state.dataset.source && inputsChanged(state, prev)) schedule();
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
