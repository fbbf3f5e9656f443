/**
 * If a part of the page fails while drawing, the data is not lost: it lives in the store, outside
 * React. This boundary shows what happened in words, offers to save everything as a project file
 * and to reload (the plan and the imports are also kept on this machine).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translate } from '../i18n/translate.ts';
import { appStore } from '../state/app-store.ts';
import { saveProject } from './save-project.ts';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Blindspot: the page failed', error, info.componentStack);
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
      translate(appStore.getState().settings.lang, key, params);
    return (
      <div className="crash" role="alert" data-testid="crash">
        <h1>{t('crash.title')}</h1>
        <p>{t('crash.body')}</p>
        <pre>{error.message}</pre>
        <p className="toolbar">
          <button type="button" className="primary" data-testid="crash-save" onClick={saveProject}>
            {t('project.save')}
          </button>
          <button type="button" onClick={() => window.location.reload()}>
            {t('crash.reload')}
          </button>
          <button type="button" onClick={() => this.setState({ error: null })}>
            {t('crash.retry')}
          </button>
        </p>
      </div>
    );
  }
}
