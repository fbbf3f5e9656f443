/** The two views: the engineer's (homes, clusters, site plan) and the committee's (areas only, privacy on). */
import { setView } from '../state/actions/committee-actions.ts';
import { useApp } from '../state/app-store.ts';
import type { AppView } from '../state/store.ts';
import { useT } from './use-t.ts';

const VIEWS: readonly AppView[] = ['engineer', 'committee'];

export function ViewSwitch() {
  const t = useT();
  const view = useApp((s) => s.ui.view);
  return (
    <div className="view-switch" role="tablist" aria-label={t('view.label')}>
      {VIEWS.map((v) => (
        <button key={v} type="button" role="tab" aria-selected={view === v} data-testid={`view-${v}`} className={view === v ? 'on' : ''} onClick={() => setView(v)}>
          {t(`view.${v}`)}
        </button>
      ))}
    </div>
  );
}
