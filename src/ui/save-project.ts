/** Downloads the whole state as a project file (`blindspot-YYYY-MM-DD.blindspot.json`): made here, saved by the browser. */
import { projectParts } from '../state/actions/project-actions.ts';
import { downloadText } from './download-text.ts';

export function saveProject(): void {
  const stamp = new Date().toISOString().slice(0, 10);
  void projectParts().then((parts) => downloadText(`blindspot-${stamp}.blindspot.json`, parts, 'application/json'));
}
