/**
 * What the import did: rows read, households, issues by code, the first issues by line (all of
 * them downloadable as CSV), and which column fed which field.
 */
import { useEffect } from 'react';
import { issuesToCsv, type ImportIssue } from '../core/index.ts';
import { backToDemo, reimportHouseholds } from '../state/actions/load-dataset.ts';
import { setImportSummaryOpen } from '../state/actions/ui-actions.ts';
import { useApp } from '../state/app-store.ts';
import { downloadText } from './download-text.ts';
import { ColumnMappingEditor } from './ColumnMappingEditor.tsx';
import { ImportOptionsForm } from './ImportOptionsForm.tsx';
import { IssueTable, useIssueLabels } from './IssueTable.tsx';
import { useT } from './use-t.ts';

function countByCode(issues: readonly ImportIssue[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const issue of issues) counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

export function ImportSummary() {
  const t = useT();
  const dataset = useApp((s) => s.dataset);
  const { issues, source } = dataset;
  const { codeLabel } = useIssueLabels();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setImportSummaryOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!source) return null;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const siteSource = dataset.siteSource;
  const baseName = source.name.replace(/\.[^.]+$/, '');
  return (
    <div className="modal-backdrop" onClick={() => setImportSummaryOpen(false)}>
      <section
        className="modal import-summary"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        data-testid="import-summary"
        onClick={(e) => e.stopPropagation()}
      >
        <header>
          <h2 id="import-title">{t('import.title')}</h2>
          <button type="button" className="close" aria-label={t('import.close')} onClick={() => setImportSummaryOpen(false)}>
            ×
          </button>
        </header>
        <dl className="stats">
          <div>
            <dt>{t('import.file')}</dt>
            <dd>{source.kind === 'demo' ? t('dataset.demoName') : source.name}</dd>
          </div>
          <div>
            <dt>{t('import.encoding')}</dt>
            <dd>{source.encoding?.toUpperCase() ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('import.rows')}</dt>
            <dd data-testid="import-rows">{dataset.rows}</dd>
          </div>
          <div>
            <dt>{t('import.households')}</dt>
            <dd data-testid="import-households-count">{dataset.households.count}</dd>
          </div>
          <div>
            <dt>{t('import.errors')}</dt>
            <dd data-testid="import-errors">{errors}</dd>
          </div>
          <div>
            <dt>{t('import.warnings')}</dt>
            <dd data-testid="import-warnings">{issues.length - errors}</dd>
          </div>
        </dl>
        {issues.length === 0 ? (
          <p>{t('import.noIssues')}</p>
        ) : (
          <>
            <h3>{t('import.issuesByCode')}</h3>
            <ul className="by-code" data-testid="issues-by-code">
              {countByCode(issues).map(([code, n]) => (
                <li key={code}>
                  <code>{code}</code> {codeLabel(code)}: <strong>{n}</strong>
                </li>
              ))}
            </ul>
            <IssueTable issues={issues} testId="issues-table" />
            <button
              type="button"
              data-testid="download-issues"
              onClick={() => downloadText(`${baseName}-issues.csv`, issuesToCsv(issues), 'text/csv;charset=utf-8')}
            >
              {t('import.downloadIssues')}
            </button>
          </>
        )}
        {source.kind === 'file' && !source.project && (
          <>
            <h3>{t('import.options')}</h3>
            <ImportOptionsForm source={source} issues={issues} />
            <h3>{t('import.columns')}</h3>
            <ColumnMappingEditor
              key={`${source.headerSignature}|${source.columns.map((c) => c.field).join(',')}`}
              columns={source.columns}
              onApply={(mapping) => void reimportHouseholds({ mapping })}
            />
          </>
        )}
        {siteSource && (
          <section data-testid="sites-summary">
            <h3>{t('import.sitesTitle')}</h3>
            <p>
              {siteSource.kind === 'demo' ? t('import.sitesDemo') : siteSource.name} ·{' '}
              {t('import.sitesCount', { count: dataset.sites.length, rows: siteSource.rows })}
            </p>
            {siteSource.issues.length > 0 && <IssueTable issues={siteSource.issues} testId="site-issues-table" />}
          </section>
        )}
        {(source.kind === 'file' || siteSource?.kind === 'file') && (
          <p>
            <button type="button" onClick={() => void backToDemo()}>
              {t('import.backToDemo')}
            </button>
          </p>
        )}
      </section>
    </div>
  );
}
