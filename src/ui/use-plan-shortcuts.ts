/**
 * Keyboard shortcuts of the site plan: Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z or Ctrl+Y redo, Esc leaves
 * add/pin mode, Delete removes the selected proposal. Not while the user types in a field.
 */
import { useEffect } from 'react';
import { deleteProposal, redo, setPlanMode, undo } from '../state/actions/plan-actions.ts';
import { appStore } from '../state/app-store.ts';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function usePlanShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) redo();
        else undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        redo();
      } else if (e.key === 'Escape') {
        setPlanMode('select');
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        const selection = appStore.getState().ui.selection;
        if (selection?.kind === 'proposal') deleteProposal(selection.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
