/**
 * The site plan: add / pin modes, undo and redo, the proposals ranked by students newly covered
 * with cost per student and the running total, "suggest K sites" with its method and
 * marginal-gain chart, and the exports (GeoJSON, KML, CSV) and import of proposals.
 */
import { useState } from 'react';
import { formatNumber } from '../i18n/translate.ts';
import { clearPinned, clearProposals, redo, setPlanMode, undo } from '../state/actions/plan-actions.ts';
import { suggestSites } from '../state/actions/suggest-action.ts';
import { importProposalsFile } from '../state/actions/import-proposals.ts';
import { selectAndFly } from '../state/actions/ui-actions.ts';
import { useApp } from '../state/app-store.ts';
import { selectPlanImpact } from '../state/plan-impact.ts';
import { selectTerrainActive } from '../state/terrain-coverage.ts';
import type { PlanMode } from '../state/store.ts';
import { FilePickButton } from './FilePickButton.tsx';
import { MarginalGainChart } from './MarginalGainChart.tsx';
import { NumberField } from './NumberField.tsx';
import { PlanExport } from './PlanExport.tsx';
import { SuggestMethod } from './SuggestMethod.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { useLang, useT } from './use-t.ts';
import { errorText } from './error-text.ts';

const PROPOSAL_FILES = '.geojson,.json,application/geo+json,application/json';
/** Half-width of the view a click on a proposal flies to, degrees (~2.5 km). */
const FLY_MARGIN_DEG = 0.025;

function ModeButton({ mode, label, testId }: { mode: PlanMode; label: string; testId: string }) {
  const active = useApp((s) => s.plan.mode === mode);
  return (
    <button type="button" data-testid={testId} aria-pressed={active} className={active ? 'toggle on' : 'toggle'} onClick={() => setPlanMode(active ? 'select' : mode)}>
      {label}
    </button>
  );
}

function SuggestForm() {
  const t = useT();
  const suggest = useApp((s) => s.plan.suggest);
  const hasData = useApp((s) => s.dataset.households.count > 0);
  const terrain = useApp(selectTerrainActive);
  const [count, setCount] = useState(5);
  const [radiusM, setRadiusM] = useState(3000);
  const result = suggest.result;
  return (
    <details className="suggest" open>
      <summary>{t('plan.suggestTitle')}</summary>
      <p className="hint">{t('plan.suggestHint')}</p>
      <NumberField label={t('plan.suggestCount')} testId="suggest-count" value={count} min={1} max={50} step={1} integer onCommit={setCount} />
      {terrain ? (
        <p className="hint" data-testid="suggest-over-terrain">{t('plan.suggestOverTerrain')}</p>
      ) : (
        <NumberField label={t('plan.suggestRadius')} testId="suggest-radius-m" value={radiusM} min={100} max={50000} step={100} onCommit={setRadiusM} />
      )}
      <button type="button" data-testid="suggest-sites" disabled={!hasData || suggest.running} onClick={() => void suggestSites(count, radiusM)}>
        {suggest.running ? t('plan.suggestRunning') : t('plan.suggestButton', { count })}
      </button>
      {suggest.error && <p className="error-text" role="alert">{errorText(t, suggest.error)}</p>}
      {result && (
        <div data-testid="suggest-result">
          <p>
            {result.sites.length === 0
              ? t('plan.suggestNone')
              : t('plan.suggestResult', { sites: result.sites.length, students: result.newlyCoveredStudents, candidates: result.candidates })}
          </p>
          <SuggestMethod result={result} />
          {result.sites.length > 0 && <MarginalGainChart gains={result.sites.map((s) => s.newlyCoveredStudents)} />}
        </div>
      )}
    </details>
  );
}

export function ProposalPanel() {
  const t = useT();
  const lang = useLang();
  const impact = useApp(selectPlanImpact);
  const mode = useApp((s) => s.plan.mode);
  const canUndo = useApp((s) => s.plan.past.length > 0);
  const canRedo = useApp((s) => s.plan.future.length > 0);
  const pinned = useApp((s) => s.plan.pinned);
  const selection = useApp((s) => s.ui.selection);
  const { proposals, result } = impact;
  const totals = result.totals;
  const ranked = proposals
    .map((site, i) => ({ site, impact: result.proposals[i]! }))
    .sort((a, b) => b.impact.newlyCoveredStudents - a.impact.newlyCoveredStudents);
  const money = (cny: number | null) => (cny === null ? '—' : formatNumber(lang, Math.round(cny)));

  return (
    <section className="plan" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('plan.title')}</h2>
      <div className="toolbar">
        <ModeButton mode="add" label={t('plan.add')} testId="mode-add" />
        <ModeButton mode="pin" label={t('plan.pin')} testId="mode-pin" />
        <button type="button" data-testid="undo" disabled={!canUndo} title="Ctrl+Z" onClick={undo}>
          {t('plan.undo')}
        </button>
        <button type="button" data-testid="redo" disabled={!canRedo} title="Ctrl+Shift+Z" onClick={redo}>
          {t('plan.redo')}
        </button>
      </div>
      <SaveStatus />
      {mode !== 'select' && <p className="hint mode-hint">{t(mode === 'add' ? 'plan.addHint' : 'plan.pinHint')}</p>}
      {proposals.length === 0 ? (
        <p className="muted">{t('plan.empty')}</p>
      ) : (
        <>
          <p
            className="plan-totals"
            data-testid="plan-totals"
            data-sites={proposals.length}
            data-covered={totals.newlyCoveredStudents}
            data-before={totals.uncoveredStudentsBefore}
            data-remaining={totals.remainingStudents}
          >
            {t('plan.totals', {
              count: proposals.length,
              covered: totals.newlyCoveredStudents,
              before: totals.uncoveredStudentsBefore,
              remaining: totals.remainingStudents,
            })}
          </p>
          <p className="muted">
            {t('plan.totalsCost', { households: totals.newlyCoveredHouseholds, cost: money(totals.totalCostCny), perStudent: money(totals.costPerStudentCny) })}
          </p>
          <div className="table-scroll">
            <table data-testid="proposal-list" title={t('plan.orderHint')}>
              <thead>
                <tr>
                  <th>{t('plan.rank')}</th>
                  <th>{t('plan.name')}</th>
                  <th className="num">{t('plan.householdsShort')}</th>
                  <th className="num">{t('plan.studentsShort')}</th>
                  <th className="num">{t('plan.costPerStudent')}</th>
                </tr>
              </thead>
              <tbody>
                {ranked.map(({ site, impact: p }, rank) => {
                  const m = FLY_MARGIN_DEG;
                  const fly = () => selectAndFly({ kind: 'proposal', id: site.id }, [site.lon - m, site.lat - m, site.lon + m, site.lat + m]);
                  return (
                    <tr
                      key={site.id}
                      data-proposal-id={site.id}
                      className={selection?.kind === 'proposal' && selection.id === site.id ? 'selected' : ''}
                      tabIndex={0}
                      onClick={fly}
                      onKeyDown={(e) => e.key === 'Enter' && fly()}
                    >
                      <td>{rank + 1}</td>
                      <td>{site.name}</td>
                      <td className="num">{formatNumber(lang, p.newlyCoveredHouseholds)}</td>
                      <td className="num" data-testid="proposal-students">{formatNumber(lang, p.newlyCoveredStudents)}</td>
                      <td className="num">{money(p.costPerStudentCny)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {pinned.length > 0 && (
        <p className="muted" data-testid="pinned-count">
          {t('plan.pinned', { count: pinned.length })}{' '}
          <button type="button" className="link" data-testid="clear-pinned" onClick={clearPinned}>
            {t('plan.clearPinned')}
          </button>
        </p>
      )}
      <SuggestForm />
      <PlanExport />
      <div className="toolbar">
        <FilePickButton
          label={t('plan.import')}
          hint={t('plan.importHint')}
          accept={PROPOSAL_FILES}
          testId="import-proposals"
          disabled={false}
          onFile={(file) => void importProposalsFile(file)}
        />
        <button type="button" data-testid="clear-plan" disabled={proposals.length === 0 && pinned.length === 0} onClick={clearProposals}>
          {t('plan.clear')}
        </button>
      </div>
    </section>
  );
}
