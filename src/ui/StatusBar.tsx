/** Loading and failure messages of the data actions; a failed import leaves the old data in place. */
import { dismissLoadError } from '../state/actions/load-dataset.ts';
import { useApp } from '../state/app-store.ts';
import { useT } from './use-t.ts';

export function StatusBar() {
  const t = useT();
  const load = useApp((s) => s.ui.load);
  if (load.state === 'idle') return null;
  if (load.state === 'loading')
    return (
      <div className="status" role="status" data-testid="status-loading">
        {load.name === 'demo' ? t('app.loading') : t('import.reading', { name: load.name })}
      </div>
    );
  return (
    <div className="status error" role="alert" data-testid="import-error">
      {load.name === 'demo'
        ? t('error.demoFailed', { message: load.message })
        : t('import.failed', { name: load.name, message: load.message })}
      <button type="button" className="close" aria-label={t('import.close')} onClick={dismissLoadError}>
        ×
      </button>
    </div>
  );
}
