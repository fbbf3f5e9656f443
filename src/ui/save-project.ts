/** Downloads the whole state as a project file (`blindspot-YYYY-MM-DD.blindspot.json`): made here, saved by the browser. */
import { projectText } from '../state/actions/project-actions.ts';
import { downloadText } from './download-text.ts';

export function saveProject(): void {
  const stamp = new Date().toISOString().slice(0, 10);
  void projectText().then((text) => downloadText(`blindspot-${stamp}.blindspot.json`, text, 'application/json'));
}
