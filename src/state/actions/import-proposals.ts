/**
 * Imports a site-proposals GeoJSON file (FORMATS §4, as exported here or by a colleague): its
 * proposals are added after the plan's own, as one undo step, keeping their ids and names (an id
 * already in use gets a fresh one). A file that is not such a file changes nothing and says why.
 */
import { parseProposalsGeoJson, UserInputError } from '../../core/index.ts';
import { appStore } from '../app-store.ts';
import { appendProposals, withFreshIds } from './plan-actions.ts';

export async function importProposalsFile(file: File): Promise<number> {
  try {
    const sites = parseProposalsGeoJson(await file.text());
    appendProposals(withFreshIds(sites, false));
    return sites.length;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const code = err instanceof UserInputError ? err.code : undefined;
    appStore.setState((s) => ({ ui: { ...s.ui, load: { state: 'error', name: file.name, message, code } } }));
    return 0;
  }
}
