// @vitest-environment jsdom
/**
 * A project kept on this machine opens again on start: kept as the file's bytes now, and as text
 * by the versions before the worker read projects (those must still open, the same text).
 */
import { describe, expect, it } from 'vitest';
import { householdTableOf } from '../../../src/core/index.ts';
import { appStore } from '../../../src/state/app-store.ts';
import { setCoreClient } from '../../../src/state/actions/core.ts';
import { reopenSavedProject } from '../../../src/state/actions/project-actions.ts';
import type { CoreClient } from '../../../src/worker/core-client.ts';

const TEXT = '{"schema":"blindspot.project/1","名":"龙池村"}';

function client(read: string[]): CoreClient {
  return {
    openProject: (_name: string, bytes: ArrayBuffer) => {
      read.push(new TextDecoder().decode(bytes));
      return Promise.resolve({
        project: { schema: 'blindspot.project/1', savedAt: '', households: null, sites: null, analysisSettings: appStore.getState().analysis.settings, proposals: [], pinned: [] },
        households: householdTableOf([]),
      });
    },
  } as Partial<CoreClient> as CoreClient;
}

describe('reopenSavedProject', () => {
  it('opens a project kept as bytes, or as text by an older version, and nothing when none is kept', async () => {
    const read: string[] = [];
    setCoreClient(client(read));
    expect(await reopenSavedProject({ name: 'a.blindspot.json', bytes: new TextEncoder().encode(TEXT).buffer, savedAt: '' })).toBe(true);
    expect(await reopenSavedProject({ name: 'b.blindspot.json', text: TEXT, savedAt: '' })).toBe(true);
    expect(read).toEqual([TEXT, TEXT]);
    expect(appStore.getState().dataset.source).toBeNull();
    expect(await reopenSavedProject(undefined)).toBe(false);
    expect(await reopenSavedProject({ name: 'c', savedAt: '' })).toBe(false);
    expect(read).toHaveLength(2);
  });
});
