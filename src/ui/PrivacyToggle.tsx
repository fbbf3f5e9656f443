/** Privacy mode on/off for the current view, with what it means. */
import { setPrivacy } from '../state/actions/committee-actions.ts';
import { useApp } from '../state/app-store.ts';
import { selectPrivacy } from '../state/committee-selectors.ts';
import { useT } from './use-t.ts';

export function PrivacyToggle() {
  const t = useT();
  const privacy = useApp(selectPrivacy);
  return (
    <div className={privacy ? 'privacy on' : 'privacy'}>
      <label>
        <input type="checkbox" data-testid="privacy-mode" checked={privacy} onChange={(e) => setPrivacy(e.target.checked)} />
        {t('privacy.mode')}
      </label>
      <p className="hint">{t(privacy ? 'privacy.onHint' : 'privacy.offHint')}</p>
    </div>
  );
}
