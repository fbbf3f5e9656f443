/** "Saved on this computer · 10:42:07": when the plan was last written to this machine. */
import { useApp } from '../state/app-store.ts';
import { useLang, useT } from './use-t.ts';

export function SaveStatus() {
  const t = useT();
  const lang = useLang();
  const { planSavedAt, planRev, error } = useApp((s) => s.ui.storage);
  if (!planSavedAt || error) return null;
  const time = new Date(planSavedAt).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'zh-CN');
  return (
    <p className="hint" data-testid="plan-saved" data-rev={planRev}>
      {t('storage.saved', { time })}
    </p>
  );
}
