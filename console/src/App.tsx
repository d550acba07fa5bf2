import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError, type Session } from './api/client';
import { I18nContext, type Lang, makeI18n } from './i18n';
import { AuditPage } from './pages/AuditPage';
import { CasePage } from './pages/CasePage';
import { QueuePage } from './pages/QueuePage';
import { SignIn } from './pages/SignIn';
import { forgetToken, initialToken, keepToken } from './session';
import { ErrorMessage } from './ui';

const LANG_KEY = 'hedui.console.lang';

/** Hash routes: #/queue, #/cases/<id>, #/audit, #/audit/<applicationId>. */
function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function App() {
  const [lang, setLang] = useState<Lang>(() => (sessionStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'));
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const [token, setToken] = useState<string | null>(initialToken);
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const route = useRoute();

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = i18n.t('appTitle');
    sessionStorage.setItem(LANG_KEY, lang);
  }, [lang, i18n]);

  useEffect(() => {
    if (!token) return;
    api<Session>(token, 'GET', '/v1/session').then(setSession, (failure: ApiError) => {
      setError(failure);
      setToken(null);
      forgetToken();
    });
  }, [token]);

  const signIn = useCallback((value: string) => {
    setError(null);
    keepToken(value);
    setToken(value);
  }, []);
  const signOut = useCallback(() => {
    forgetToken();
    setToken(null);
    setSession(null);
    window.location.hash = '';
  }, []);

  const roles = session?.roles ?? [];
  const reviews = roles.includes('reviewer') || roles.includes('admin');
  const audits = roles.includes('auditor') || roles.includes('admin');

  let page;
  if (!token || !session) {
    page = token ? <p role="status">{i18n.t('loading')}</p> : <SignIn onSignIn={signIn} error={error} />;
  } else if (route[0] === 'cases' && route[1]) {
    page = <CasePage key={route[1]} token={token} session={session} id={route[1]} />;
  } else if (route[0] === 'audit' && audits) {
    page = <AuditPage key={route[1] ?? 'all'} token={token} applicationId={route[1]} />;
  } else if (reviews && (route[0] === 'queue' || route.length === 0)) {
    page = <QueuePage token={token} />;
  } else if (audits && route.length === 0) {
    page = <AuditPage key="all" token={token} />;
  } else {
    page = <ErrorMessage message={i18n.t('notAllowed')} />;
  }

  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip" href="#main">
        {i18n.t('skip')}
      </a>
      <header className="top">
        <span className="brand">{i18n.t('appTitle')}</span>
        {session && (
          <nav aria-label={i18n.lang === 'zh' ? '主导航' : 'Main'}>
            {reviews && <a href="#/queue">{i18n.t('navQueue')}</a>}
            {audits && <a href="#/audit">{i18n.t('navAudit')}</a>}
          </nav>
        )}
        {session && (
          <dl className="who" aria-label={i18n.t('signedInAs')}>
            <dt>{i18n.t('signedInAs')}</dt>
            <dd data-testid="session-sub">{session.sub}</dd>
            <dt>{i18n.t('roles')}</dt>
            <dd data-testid="session-roles">{session.roles.join(', ')}</dd>
            <dt>{i18n.t('region')}</dt>
            <dd data-testid="session-region">{session.region ?? i18n.t('allRegions')}</dd>
          </dl>
        )}
        <button
          type="button"
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          aria-label={i18n.t('languageLabel')}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {i18n.t('language')}
        </button>
        {session && (
          <button type="button" onClick={signOut}>
            {i18n.t('signOut')}
          </button>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </I18nContext.Provider>
  );
}
