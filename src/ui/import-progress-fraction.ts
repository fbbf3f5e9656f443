/**
 * How far an import has come, as one fraction for one progress bar that only moves forward:
 * each stage owns a share of the bar (`IMPORT_STAGE_SHARES`, in stage order) and fills it by its
 * own `done / total`; a stage not measured (total 0) stands at its start.
 * Limits: the shares are measured times (below), not a promise — on another file or machine a
 * stage may go faster or slower than its share says. Cost: O(stages).
 */
import type { ParseStage } from '../worker/protocol.ts';

/**
 * Share of the bar of each stage, in order: the time each took in the app in Chromium on the
 * seeded 1,000,000-row file (2 shared cores at load 2–4, 3 imports: reading 2.5–2.6 s,
 * validating 1.0–1.3 s, merging 1.2–1.9 s, sending — the answer crossing and read on the page —
 * 0.7–0.9 s).
 */
export const IMPORT_STAGE_SHARES: Readonly<Record<ParseStage, number>> = Object.freeze({
  reading: 0.4,
  validating: 0.2,
  merging: 0.25,
  sending: 0.15,
});

export const LOAD_STAGES = Object.keys(IMPORT_STAGE_SHARES) as readonly ParseStage[];

export function importProgressFraction(progress: { stage?: ParseStage; done: number; total: number }): number {
  if (progress.stage === undefined) return progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  let before = 0;
  for (const stage of LOAD_STAGES) {
    if (stage === progress.stage) break;
    before += IMPORT_STAGE_SHARES[stage];
  }
  const within = progress.total > 0 ? Math.min(1, Math.max(0, progress.done / progress.total)) : 0;
  return Math.min(1, before + IMPORT_STAGE_SHARES[progress.stage] * within);
}
