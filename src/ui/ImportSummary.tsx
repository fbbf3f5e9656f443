/**
 * What the import did: rows read, households, issues by code, the first issues by line (all of
 * them downloadable as CSV), and which column fed which field.
 */
import { useEffect } from 'react';
import { issuesToCsv, type ImportIssue } from '../core/index.ts';
import { isMessageKey } from '../i18n/translate.ts';
import { backToDemo } from '../state/actions/load-dataset.ts';
import { setImportSummaryOpen } from '../state/actions/ui-actions.ts';
import { useApp } from '../state/app-store.ts';
import { downloadText } from './download-text.ts';
import { useT } from './use-t.ts';

const SHOWN_ISSUES = 100;

function countByCode(issues: readonly ImportIssue[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const issue of issues) counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

export function ImportSummary() {
  const t = useT();
  const dataset = useApp((s) => s.dataset);
  const { issues, source } = dataset;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setImportSummaryOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!source) return null;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const fieldLabel = (field: string) => {
    const key = `field.${field}`;
    return isMessageKey(key) ? t(key) : field;
  };
  const codeLabel = (code: string) => {
    const key = `issueCode.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
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
            <dd data-testid="import-households-count">{dataset.households.length}</dd>
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
            <h3>
              {issues.length > SHOWN_ISSUES
                ? t('import.firstIssues', { count: SHOWN_ISSUES, total: issues.length })
                : t('import.allIssues', { total: issues.length })}
            </h3>
            <div className="table-scroll">
              <table data-testid="issues-table">
                <thead>
                  <tr>
                    <th>{t('issue.line')}</th>
                    <th>{t('issue.field')}</th>
                    <th>{t('issue.code')}</th>
                    <th>{t('issue.severity')}</th>
                    <th>{t('issue.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {issues.slice(0, SHOWN_ISSUES).map((issue, k) => (
                    <tr key={k} className={issue.severity} data-line={issue.line} data-code={issue.code}>
                      <td>{issue.line}</td>
                      <td>{fieldLabel(issue.field)}</td>
                      <td>
                        <code>{issue.code}</code>
                      </td>
                      <td>{t(`severity.${issue.severity}`)}</td>
                      <td title={issue.message}>
                        {codeLabel(issue.code)}
                        {issue.value !== undefined && issue.value !== '' ? `: ${issue.value}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <button
              type="button"
              data-testid="download-issues"
              onClick={() => downloadText(`${baseName}-issues.csv`, issuesToCsv(issues), 'text/csv;charset=utf-8')}
            >
              {t('import.downloadIssues')}
            </button>
          </>
        )}
        {dataset.mapping.length > 0 && (
          <>
            <h3>{t('import.columns')}</h3>
            <ul className="mapping">
              {dataset.mapping.map((m, k) => (
                <li key={k}>
                  <span className="header-cell">{m.header}</span> → {m.field ? fieldLabel(m.field) : t('import.ignoredColumn')}
                </li>
              ))}
            </ul>
          </>
        )}
        {source.kind === 'file' && (
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
