/** Loading and failure messages of the data actions; a failed import leaves the old data in place. */
import { cancelLoad, dismissLoadError } from '../state/actions/load-dataset.ts';
import { isMessageKey, type MessageKey } from '../i18n/translate.ts';
import { useApp } from '../state/app-store.ts';
import { useT } from './use-t.ts';

/** What each step of an import is doing (the worker's progress: reading, validating, sending). */
const STAGE_TEXT: MessageKey[] = ['import.stage.reading', 'import.stage.validating', 'import.stage.sending'];

export function StatusBar() {
  const t = useT();
  const load = useApp((s) => s.ui.load);
  if (load.state === 'idle') return null;
  if (load.state === 'loading')
    return (
      <div className="status" role="status" data-testid="status-loading">
        {load.name === 'demo' ? t('app.loading') : t('import.reading', { name: load.name })}
        {load.progress && load.progress.total > 0 && (
          <>
            {' '}
            <span data-testid="load-stage">{t(STAGE_TEXT[load.progress.done] ?? 'import.stage.sending')}</span>{' '}
            <progress data-testid="load-progress" value={load.progress.done} max={load.progress.total} aria-label={t('import.progress')} />
          </>
        )}
        {load.name !== 'demo' && (
          <button type="button" data-testid="cancel-load" onClick={cancelLoad}>
            {t('import.cancel')}
          </button>
        )}
      </div>
    );
  // The core's own English message stays as a tooltip; the user reads the catalogue's wording.
  const key = `error.${load.code}`;
  const message = load.code && isMessageKey(key) ? t(key, { message: load.message }) : load.message;
  return (
    <div className="status error" role="alert" data-testid="import-error" title={load.message}>
      {load.name === 'demo' ? t('error.demoFailed', { message }) : t('import.failed', { name: load.name, message })}
      <button type="button" className="close" aria-label={t('import.close')} onClick={dismissLoadError}>
        ×
      </button>
    </div>
  );
}
