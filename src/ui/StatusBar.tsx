/**
 * Loading and failure messages of the data actions; a failed import leaves the old data in place.
 * A household import shows its stage in words ("step 2 of 4 · checking row 320,000 of
 * 1,000,000") and one progress bar over all stages (`importProgressFraction`), with the cancel
 * button in every stage.
 */
import { cancelLoad, dismissLoadError } from '../state/actions/load-dataset.ts';
import { isMessageKey } from '../i18n/translate.ts';
import { useApp } from '../state/app-store.ts';
import type { LoadStatus } from '../state/store.ts';
import { importProgressFraction, LOAD_STAGES } from './import-progress-fraction.ts';
import { useT } from './use-t.ts';

type Progress = NonNullable<Extract<LoadStatus, { state: 'loading' }>['progress']>;

/** What the stage is doing, with its count when it has one. */
function stageText(t: ReturnType<typeof useT>, { stage, done, total }: Progress): string {
  const measured = total > 0;
  switch (stage) {
    case 'reading':
      return measured ? t('import.stage.readingPercent', { percent: Math.floor((100 * done) / total) }) : t('import.stage.reading');
    case 'validating':
      return measured ? t('import.stage.validatingRows', { done, total }) : t('import.stage.validating');
    case 'merging':
      return measured ? t('import.stage.mergingRows', { done, total }) : t('import.stage.merging');
    default:
      return t('import.stage.sending');
  }
}

export function StatusBar() {
  const t = useT();
  const load = useApp((s) => s.ui.load);
  if (load.state === 'idle') return null;
  if (load.state === 'loading') {
    const progress = load.progress;
    const step = progress?.stage === undefined ? -1 : LOAD_STAGES.indexOf(progress.stage);
    const text = progress && stageText(t, progress);
    const percent = progress ? Math.round(importProgressFraction(progress) * 1000) / 10 : 0;
    return (
      <div className="status" role="status" data-testid="status-loading">
        {load.name === 'demo' ? t('app.loading') : t('import.reading', { name: load.name })}
        {progress && (
          <>
            {' '}
            {step >= 0 && <span data-testid="load-step">{t('import.stage.step', { step: step + 1, steps: LOAD_STAGES.length })} · </span>}
            <span data-testid="load-stage">{text}</span>{' '}
            <progress data-testid="load-progress" value={percent} max={100} aria-label={t('import.progress')} aria-valuetext={text} />
          </>
        )}
        {load.name !== 'demo' && (
          <button type="button" data-testid="cancel-load" onClick={cancelLoad}>
            {t('import.cancel')}
          </button>
        )}
      </div>
    );
  }
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
