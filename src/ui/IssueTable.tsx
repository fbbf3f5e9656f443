/** Row-level issues by line: field, stable code, severity and the reason in the UI's language. */
import type { ImportIssue } from '../core/index.ts';
import { isMessageKey } from '../i18n/translate.ts';
import { useT } from './use-t.ts';

const SHOWN_ISSUES = 100;

export function useIssueLabels() {
  const t = useT();
  const label = (prefix: 'field' | 'issueCode', value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };
  return { fieldLabel: (field: string) => label('field', field), codeLabel: (code: string) => label('issueCode', code) };
}

export function IssueTable({ issues, testId }: { issues: readonly ImportIssue[]; testId: string }) {
  const t = useT();
  const { fieldLabel, codeLabel } = useIssueLabels();
  return (
    <>
      <h3>
        {issues.length > SHOWN_ISSUES
          ? t('import.firstIssues', { count: SHOWN_ISSUES, total: issues.length })
          : t('import.allIssues', { total: issues.length })}
      </h3>
      <div className="table-scroll">
        <table data-testid={testId}>
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
    </>
  );
}
