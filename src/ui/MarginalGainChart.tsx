/**
 * Students added by each successive suggested site, as bars (SVG, no chart library): the user sees
 * where adding another site stops paying off. Each bar has its number and a text alternative.
 */
import { formatNumber } from '../i18n/translate.ts';
import { useLang, useT } from './use-t.ts';

const BAR_W = 26;
const GAP = 6;
const HEIGHT = 90;
const LABEL_H = 14;

export function MarginalGainChart({ gains }: { gains: readonly number[] }) {
  const t = useT();
  const lang = useLang();
  const max = Math.max(1, ...gains);
  const width = gains.length * (BAR_W + GAP) + GAP;
  return (
    <figure className="gain-chart" data-testid="suggest-chart">
      <figcaption>{t('plan.chartTitle')}</figcaption>
      <svg width={width} height={HEIGHT + 2 * LABEL_H} role="img" aria-label={t('plan.chartTitle')}>
        {gains.map((students, i) => {
          const h = Math.max(1, (students / max) * HEIGHT);
          const x = GAP + i * (BAR_W + GAP);
          return (
            <g key={i} data-testid="suggest-bar" data-students={students}>
              <title>{t('plan.chartBar', { n: i + 1, students })}</title>
              <rect x={x} y={LABEL_H + HEIGHT - h} width={BAR_W} height={h} className="bar" />
              <text x={x + BAR_W / 2} y={LABEL_H + HEIGHT - h - 3} textAnchor="middle" className="value">
                {formatNumber(lang, students)}
              </text>
              <text x={x + BAR_W / 2} y={2 * LABEL_H + HEIGHT - 2} textAnchor="middle" className="axis">
                {i + 1}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
