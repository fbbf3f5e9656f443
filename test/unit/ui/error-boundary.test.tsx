// @vitest-environment jsdom
/**
 * When a part of the page fails while drawing, the user reads what happened and can still save
 * everything: the data lives in the store, outside React.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';

vi.mock('maplibre-gl', () => ({}));
const downloads: { name: string; text: string }[] = [];
vi.mock('../../../src/ui/download-text.ts', () => ({
  downloadText: (name: string, text: string | string[]) => downloads.push({ name, text: typeof text === 'string' ? text : text.join('') }),
}));

const { appStore } = await import('../../../src/state/app-store.ts');
const { ErrorBoundary } = await import('../../../src/ui/ErrorBoundary.tsx');
const { addProposal } = await import('../../../src/state/actions/plan-actions.ts');

function Broken(): never {
  throw new Error('boom in a panel');
}

afterEach(cleanup);

describe('ErrorBoundary', () => {
  it('shows the failure in words and saves the whole plan as a project file', async () => {
    appStore.setState((s) => ({ settings: { ...s.settings, lang: 'en' } }));
    addProposal(108.2, 30.0);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByTestId('crash').textContent).toContain('The page failed');
    expect(screen.getByTestId('crash').textContent).toContain('boom in a panel');
    fireEvent.click(screen.getByTestId('crash-save'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toMatch(/\.blindspot\.json$/);
    const project = JSON.parse(downloads[0]!.text);
    expect(project.schema).toBe('blindspot.project/1');
    expect(project.proposals).toHaveLength(1);
  });
});
