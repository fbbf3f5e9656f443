/**
 * The selected proposal: its impact (newly covered homes and students, villages reached) and its
 * editable fields — name, status (a rejected site covers nothing), antenna height, band, EIRP, coverage radius (with the table's default
 * for band and height), cost, notes — and delete. Each committed edit is one undo step.
 */
import { useState } from 'react';
import { defaultRadiusM, PROPOSAL_STATUSES, type ProposalStatus, type ProposedSite } from '../core/index.ts';
import { formatNumber } from '../i18n/translate.ts';
import { deleteProposal, updateProposal } from '../state/actions/plan-actions.ts';
import { appStore, useApp } from '../state/app-store.ts';
import { newlyCoveredVillages, selectPlanCoverage, selectPlanImpact } from '../state/plan-impact.ts';
import { NumberField } from './NumberField.tsx';
import { useLang, useT } from './use-t.ts';

/** A text input that commits on blur or Enter (one undo step per edit, not per key). */
function TextField({ label, testId, value, multiline = false, onCommit }: {
  label: string; testId: string; value: string; multiline?: boolean; onCommit: (value: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  const props = {
    'data-testid': testId,
    value: draft ?? value,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
  };
  return (
    <label className="text-field">
      <span>{label}</span>
      {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} onKeyDown={(e) => e.key === 'Enter' && commit()} />}
    </label>
  );
}

export function ProposalDetails({ site }: { site: ProposedSite }) {
  const t = useT();
  const lang = useLang();
  const impact = useApp(selectPlanImpact);
  const index = impact.proposals.findIndex((p) => p.id === site.id);
  const p = impact.result.proposals[index];
  const shown = impact.proposals[index] ?? site;
  const villages = index >= 0 ? newlyCoveredVillages(appStore.getState(), index) : [];
  const tableRadiusM = defaultRadiusM(site.bandMHz, site.antennaHeightM);
  const set = (patch: Parameters<typeof updateProposal>[1]) => updateProposal(site.id, patch);
  // Terrain: the reach is the Hata range of the radio fields; the radius is not used.
  const coverage = useApp(selectPlanCoverage);
  const reachM = coverage.terrain ? coverage.proposals.find((q) => q.id === site.id)?.radiusM : undefined;
  return (
    <>
      <h2>{t('proposal.title')}</h2>
      <dl>
        <dt>{t('proposal.newly')}</dt>
        <dd data-testid="proposal-newly">
          {t('proposal.newlyValue', { households: p?.newlyCoveredHouseholds ?? 0, students: p?.newlyCoveredStudents ?? 0 })}
        </dd>
        <dt>{t('proposal.villages')}</dt>
        <dd>{villages.join('、') || '—'}</dd>
        <dt>{t('proposal.origin')}</dt>
        <dd>{t(`proposal.origin.${site.origin}`)}</dd>
        <dt>{t('proposal.location')}</dt>
        <dd data-testid="proposal-location" data-lon={shown.lon} data-lat={shown.lat}>
          {shown.lon.toFixed(5)}, {shown.lat.toFixed(5)}
        </dd>
        {coverage.terrain && (
          <>
            <dt>{t('proposal.coverage')}</dt>
            <dd data-testid="proposal-reach">
              {reachM ? t('proposal.terrainReach', { km: (reachM / 1000).toFixed(1) }) : t('terrain.computing')}
            </dd>
          </>
        )}
      </dl>
      <form className="proposal-form" onSubmit={(e) => e.preventDefault()}>
        <TextField key={`name-${site.id}`} label={t('proposal.name')} testId="proposal-name" value={site.name} onCommit={(name) => set({ name })} />
        <label className="text-field">
          <span>{t('proposal.status')}</span>
          <select data-testid="proposal-status" value={site.status} onChange={(e) => set({ status: e.target.value as ProposalStatus })}>
            {PROPOSAL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`proposal.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <NumberField label={t('proposal.antennaHeightM')} testId="proposal-height-m" value={site.antennaHeightM} min={1} max={300} step={1} onCommit={(antennaHeightM) => set({ antennaHeightM })} />
        <NumberField label={t('proposal.bandMHz')} testId="proposal-band-mhz" value={site.bandMHz} min={400} max={6000} step={100} onCommit={(bandMHz) => set({ bandMHz })} />
        <NumberField label={t('proposal.eirpDbm')} testId="proposal-eirp-dbm" value={site.eirpDbm} min={0} max={90} step={1} onCommit={(eirpDbm) => set({ eirpDbm })} />
        {!coverage.terrain && (
          <NumberField label={t('proposal.radiusM')} testId="proposal-radius-m" value={site.radiusM} min={50} max={100000} step={100} onCommit={(radiusM) => set({ radiusM })} />
        )}
        {!coverage.terrain && tableRadiusM !== site.radiusM && (
          <button type="button" className="link" data-testid="proposal-table-radius" title={t('proposal.tableRadiusHint')} onClick={() => set({ radiusM: tableRadiusM })}>
            {t('proposal.tableRadius', { radius: formatNumber(lang, tableRadiusM) })}
          </button>
        )}
        <NumberField label={t('proposal.costCny')} testId="proposal-cost-cny" value={site.costCny} min={0} max={1e9} step={10000} onCommit={(costCny) => set({ costCny })} />
        <TextField key={`notes-${site.id}`} label={t('proposal.notes')} testId="proposal-notes" value={site.notes} multiline onCommit={(notes) => set({ notes })} />
      </form>
      <button type="button" className="danger" data-testid="delete-proposal" onClick={() => deleteProposal(site.id)}>
        {t('proposal.delete')}
      </button>
    </>
  );
}
