/**
 * The project file (FORMATS §7, `*.blindspot.json`): save everything — the households as parsed,
 * the existing sites, the analysis settings, the plan — and open it again to the same state.
 * An opened project is also kept on this machine (IndexedDB key `project`) and reopened on the
 * next start; importing a household file afterwards replaces it. The plan itself is autosaved
 * separately (saved-plan.ts), so a reopened project shows the latest plan, not the one in the file.
 */
import { projectJsonParts, UserInputError, type BlindspotProject } from '../../core/index.ts';
import { CancelledError, type OpenedProject } from '../../worker/core-client.ts';
import { appStore } from '../app-store.ts';
import { deleteLocal, writeLocal } from '../local-db.ts';
import { initialUi } from '../store.ts';
import { restorePlan } from './plan-actions.ts';
import { householdsJson } from './household-details.ts';
import { core } from './core.ts';
import { reportStorageError } from '../saved-plan.ts';

/** A project kept on this machine: its file's bytes (`text` in projects kept before the worker read them). */
export interface SavedProject {
  name: string;
  bytes?: ArrayBuffer;
  text?: string;
  savedAt: string;
}

/**
 * The whole state as a project file's text, in parts (`projectJsonParts`: a `Blob` takes them; a
 * large dataset's homes come from the worker as JSON text, never as a million objects).
 */
export async function projectParts(): Promise<string[]> {
  const homes = appStore.getState().dataset.source ? await householdsJson() : [];
  const { dataset, analysis, plan } = appStore.getState();
  const source = dataset.source;
  const project: BlindspotProject = {
    schema: 'blindspot.project/1',
    savedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    households: source
      ? {
          source: { kind: source.kind, name: source.name, encoding: source.encoding, format: source.format, sheet: source.sheet, options: source.options },
          rows: dataset.rows,
          households: [], // written from `homes` by projectJsonParts
          issues: dataset.issues,
        }
      : null,
    sites: dataset.siteSource ? { source: dataset.siteSource, sites: dataset.sites } : null,
    analysisSettings: analysis.settings,
    proposals: plan.proposals,
    pinned: plan.pinned,
  };
  return projectJsonParts(project, homes);
}

/** Puts an opened project into the store; with `withPlan` its proposals and pins replace the plan. */
function applyProject(name: string, { project, households }: OpenedProject, withPlan: boolean): void {
  const h = project.households;
  appStore.setState((s) => ({
    dataset: {
      households,
      issues: h?.issues ?? [],
      rows: h?.rows ?? 0,
      source: h
        ? { ...h.source, sheets: h.source.sheet ? [h.source.sheet] : undefined, columns: [], headerSignature: '', project: name }
        : null,
      sites: project.sites?.sites ?? [],
      siteSource: project.sites?.source ?? null,
    },
    analysis: { ...s.analysis, settings: project.analysisSettings },
    ui: { ...initialUi, showPersonal: s.ui.showPersonal, view: s.ui.view, privacy: s.ui.privacy, storage: s.ui.storage },
  }));
  if (withPlan) restorePlan({ proposals: project.proposals, pinned: project.pinned });
}

/**
 * Opens a project file chosen by the user: everything it holds replaces the current state, with a
 * fresh undo history (like opening any document). A file that is not a usable project changes
 * nothing and says why.
 */
export async function openProjectFile(file: File): Promise<boolean> {
  appStore.setState((s) => ({ ui: { ...s.ui, load: { state: 'loading', name: file.name } } }));
  try {
    const bytes = await file.arrayBuffer();
    applyProject(file.name, await core().openProject(file.name, bytes), true);
    const saved: SavedProject = { name: file.name, bytes, savedAt: new Date().toISOString() };
    await Promise.all([writeLocal('project', saved), deleteLocal('households'), deleteLocal('sites')]).catch(reportStorageError);
    return true;
  } catch (err) {
    if (err instanceof CancelledError) return false; // the user stopped it: the data shown stays
    const message = err instanceof Error ? err.message : String(err);
    const code = err instanceof UserInputError ? err.code : undefined;
    appStore.setState((s) => ({ ui: { ...s.ui, load: { state: 'error', name: file.name, message, code } } }));
    return false;
  }
}

/** On start: reopens a kept project (without its plan: the autosaved plan is newer). False when none or unusable. */
export async function reopenSavedProject(saved: SavedProject | undefined): Promise<boolean> {
  const bytes = saved?.bytes ?? (saved?.text === undefined ? undefined : new TextEncoder().encode(saved.text).buffer);
  if (!saved || !bytes) return false;
  try {
    applyProject(saved.name, await core().openProject(saved.name, bytes), false);
    return true;
  } catch {
    return false;
  }
}
