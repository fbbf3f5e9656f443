/**
 * Which column feeds which field, with sample values (personal ones masked), for the user to
 * confirm or change. Applying reads the file again with the chosen mapping, and the choice is
 * remembered for the next file with the same header.
 */
import { useState } from 'react';
import type { ColumnDescription, HouseholdField } from '../core/index.ts';
import { useIssueLabels } from './IssueTable.tsx';
import { useT } from './use-t.ts';

const FIELDS: HouseholdField[] = [
  'id', 'lon', 'lat', 'students', 'county', 'township', 'village',
  'signal', 'rsrp_dbm', 'down_mbps', 'reported_at', 'operator', 'personal',
];

export function ColumnMappingEditor({ columns, onApply }: { columns: readonly ColumnDescription[]; onApply: (mapping: (HouseholdField | null)[]) => void }) {
  const t = useT();
  const { fieldLabel } = useIssueLabels();
  const detected = columns.map((c) => c.field);
  const [mapping, setMapping] = useState<(HouseholdField | null)[]>(detected);
  const changed = mapping.some((f, i) => f !== detected[i]);
  const hasCoordinates = mapping.includes('lon') && mapping.includes('lat');
  return (
    <div className="mapping-editor">
      <div className="table-scroll">
        <table data-testid="column-mapping">
          <thead>
            <tr>
              <th>{t('mapping.column')}</th>
              <th>{t('mapping.samples')}</th>
              <th>{t('mapping.field')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c, i) => (
              <tr key={c.index}>
                <td className="header-cell">{c.header || `#${c.index + 1}`}</td>
                <td className="samples">{c.samples.join(' · ')}</td>
                <td>
                  <select
                    data-testid={`mapping-${c.index}`}
                    aria-label={c.header}
                    value={mapping[i] ?? ''}
                    onChange={(e) => {
                      const next = [...mapping];
                      next[i] = e.target.value === '' ? null : (e.target.value as HouseholdField);
                      setMapping(next);
                    }}
                  >
                    <option value="">{t('import.ignoredColumn')}</option>
                    {FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {fieldLabel(f)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!hasCoordinates && <p className="error-text">{t('mapping.needCoordinates')}</p>}
      <button type="button" className="primary" data-testid="apply-mapping" disabled={!changed || !hasCoordinates} onClick={() => onApply(mapping)}>
        {t('mapping.apply')}
      </button>
    </div>
  );
}
