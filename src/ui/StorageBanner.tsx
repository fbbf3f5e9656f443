/**
 * What the user must know about saving on this machine: a save that failed (full disk, storage
 * refused) with the way out — save a project file — and news from another tab of the same plan.
 */
import { dismissStorageNotice } from '../state/saved-plan.ts';
import { useApp } from '../state/app-store.ts';
import { saveProject } from './save-project.ts';
import { useT } from './use-t.ts';

export function StorageBanner() {
  const t = useT();
  const { error, notice } = useApp((s) => s.ui.storage);
  if (!error && !notice) return null;
  return (
    <div className={error ? 'status error' : 'status'} role={error ? 'alert' : 'status'} data-testid="storage-banner">
      <span>{error ? t(`storage.error.${error}`) : t(`storage.notice.${notice!}`)}</span>
      {error && (
        <button type="button" onClick={saveProject}>
          {t('project.save')}
        </button>
      )}
      <button type="button" className="close" aria-label={t('import.close')} onClick={dismissStorageNotice}>
        ×
      </button>
    </div>
  );
}
