/** Says which method produced the suggested sites, and how far the greedy answer is from the optimum. */
import type { SuggestResult } from '../core/index.ts';
import { useT } from './use-t.ts';

export function SuggestMethod({ result }: { result: SuggestResult }) {
  const t = useT();
  if (result.method === 'greedy') {
    const why = result.milpStatus === 'too_large' ? 'tooLarge' : result.milpStatus === 'not_proven' ? 'notProven' : 'noSolver';
    return (
      <p className="muted" data-testid="suggest-method" data-method="greedy" data-milp-status={result.milpStatus ?? 'none'}>
        {t('plan.method.greedy')} {t(`plan.method.greedy.${why}`)}
      </p>
    );
  }
  const solver = t(result.exactMethod === 'milp' ? 'plan.solver.milp' : 'plan.solver.bruteForce');
  const gap = (result.greedyGapPercent ?? 0).toFixed(1);
  return (
    <p className="muted" data-testid="suggest-method" data-method={result.exactMethod ?? 'exact'}>
      {t('plan.method.exact', { solver, gap })}
    </p>
  );
}
