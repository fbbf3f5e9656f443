/**
 * A project file's text (FORMATS §7) in parts, with its households given as JSON text pieces
 * (`householdsJsonPieces`, or one piece of `JSON.stringify(households)` without its brackets):
 * `parts.join('')` is `projectToJson` of the project with those households, but the million homes
 * of a municipality never have to be one object graph on the page or one string (a `Blob` takes
 * the parts). The rest of the project is written by `projectToJson`, with a marker string in place
 * of the households' array that occurs nowhere else in its text; `project.households.households`
 * is not read.
 * Cost: O(size of the project without its households) plus one pass to find the marker.
 */
import type { BlindspotProject } from '../model/project.ts';
import type { Household } from '../model/types.ts';
import { projectToJson } from './project-file.ts';

export function projectJsonParts(project: BlindspotProject, householdPieces: readonly string[]): string[] {
  if (!project.households) return [projectToJson(project)];
  for (let n = 0; ; n++) {
    const marker = JSON.stringify(`households #${n}`);
    const text = projectToJson({ ...project, households: { ...project.households, households: [JSON.parse(marker) as Household] } });
    const at = text.indexOf(marker);
    if (at < 0 || text.indexOf(marker, at + 1) >= 0) continue; // the marker is in the data too: try another
    const homes = householdPieces.filter((piece) => piece !== '').flatMap((piece, k) => (k === 0 ? [piece] : [',', piece]));
    return [text.slice(0, at), ...homes, text.slice(at + marker.length)];
  }
}
