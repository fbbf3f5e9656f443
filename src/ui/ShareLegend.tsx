/** The colour key of the aggregate map: share of students uncovered, and what the circles' size means. */
import { SHARE_COLOR_STOPS } from '../map/palette.ts';
import { useApp } from '../state/app-store.ts';
import { selectPrivacy } from '../state/committee-selectors.ts';
import { useT } from './use-t.ts';

/** `binsHint`: the key of the household bins of a large dataset (engineer view) instead of the committee map's. */
export function ShareLegend({ binsHint = false }: { binsHint?: boolean }) {
  const t = useT();
  const mode = useApp((s) => s.committee.mapMode);
  const after = useApp((s) => s.committee.after) && !binsHint;
  const privacy = useApp(selectPrivacy);
  const gradient = `linear-gradient(to right, ${SHARE_COLOR_STOPS.map(([share, color]) => `${color} ${(share / 0.75) * 100}%`).join(', ')})`;
  return (
    <div className="share-legend" data-testid={binsHint ? 'bins-legend' : 'share-legend'}>
      <p>{t(after ? 'legend.shareAfter' : 'legend.share')}</p>
      <div className="ramp" style={{ background: gradient }} aria-hidden />
      <div className="ramp-labels">
        <span>0%</span>
        <span>25%</span>
        <span>50%</span>
        <span>≥75%</span>
      </div>
      <p className="hint">
        {binsHint ? t('legend.binsHint') : t(mode === 'symbols' ? 'legend.symbolsHint' : 'legend.hexagonsHint')}
        {privacy && !binsHint ? ` ${t('legend.privacySmall')}` : ''}
      </p>
    </div>
  );
}
