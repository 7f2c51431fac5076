import { useEffect, useState } from 'preact/hooks';
import { passwordLogin } from '../api/account';
import { ApiError } from '../api/errors';
import type { AuthProvider, RestClient } from '../api/rest';
import type { AppModel } from '../state/app';
import { LoginCodeField } from './account/LoginCodeField';
import { UiContext, type Ui, useT, useUi } from './context';
import { Shell } from './Shell';

export function Root(props: { model: AppModel | null; rest: RestClient; ui: Ui; onToken: (token: string) => void }) {
  const invite = /^#\/invite\/([^/?#]+)/.exec(location.hash)?.[1];
  return (
    <UiContext.Provider value={props.ui}>
      {props.model ? <Shell model={props.model} />
        : invite ? <InviteForm rest={props.rest} token={decodeURIComponent(invite)} onToken={props.onToken} />
          : <LoginForm rest={props.rest} onToken={props.onToken} />}
    </UiContext.Provider>
  );
}

function LanguageSwitch() {
  const ui = useUi();
  const t = useT();
  return (
    <label class="lang-switch">
      <span class="visually-hidden">{t('nav.language')}</span>
      <select value={ui.i18n.language} onChange={(e) => ui.setLanguage((e.currentTarget.value as 'fr' | 'en'))}>
        <option value="fr" lang="fr">Français</option>
        <option value="en" lang="en">English</option>
      </select>
    </label>
  );
}

function AuthCard(props: { title: string; children: preact.ComponentChildren }) {
  const t = useT();
  return (
    <main class="auth">
      <div class="auth-card">
        <div class="auth-head">
          <div class="logo" aria-hidden="true">R</div>
          <div>
            <h1>{t('app.name')}</h1>
            <p class="muted">{t('app.tagline')}</p>
          </div>
        </div>
        <h2>{props.title}</h2>
        {props.children}
        <LanguageSwitch />
      </div>
    </main>
  );
}

function LoginForm(props: { rest: RestClient; onToken: (token: string) => void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // null until the hub answers that this account needs a two-factor code
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [providers, setProviders] = useState<AuthProvider[]>([]);
  useEffect(() => {
    props.rest.providers().then(setProviders).catch(() => setProviders([]));
  }, []);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await passwordLogin(props.rest, username.trim(), password, code?.replace(/\s/g, '') || undefined);
      props.onToken(r.accessToken);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'totp_required') return setCode('');
      setError(err instanceof ApiError && err.code === 'network' ? t('login.unreachable')
        : code !== null ? t('account.login.badCode') : t('login.failed'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <AuthCard title={t('login.title')}>
      {providers.map((p) => (
        <a key={p.id} class="button sso" href={p.loginUrl}>{t('login.sso', { name: p.name })}</a>
      ))}
      {providers.length > 0 && <p class="or">{t('login.or')}</p>}
      <form onSubmit={submit} class="stack">
        <label>{t('login.username')}
          <input name="username" autocomplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label>{t('login.password')}
          <input name="password" type="password" autocomplete="current-password" required value={password}
            onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        {code !== null && <LoginCodeField value={code} onInput={setCode} />}
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" class="primary" disabled={busy}>{t('login.submit')}</button>
      </form>
    </AuthCard>
  );
}

/** Accepting an invitation (the hub side comes with the identity work: POST /api/v1/invitations/{token}/accept). */
function InviteForm(props: { rest: RestClient; token: string; onToken: (token: string) => void }) {
  const t = useT();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    if (password.length < 10) return setMessage({ error: true, text: t('invite.tooShort') });
    if (password !== confirm) return setMessage({ error: true, text: t('invite.mismatch') });
    try {
      const r = await props.rest.acceptInvitation(props.token, password, displayName.trim());
      history.replaceState(null, '', location.pathname);
      if (r?.accessToken) props.onToken(r.accessToken);
      else setMessage({ error: false, text: t('invite.done') });
    } catch {
      setMessage({ error: true, text: t('invite.failed') });
    }
  }
  return (
    <AuthCard title={t('invite.title')}>
      <p>{t('invite.intro')}</p>
      <form onSubmit={submit} class="stack">
        <label>{t('invite.displayName')}
          <input required autocomplete="name" value={displayName} onInput={(e) => setDisplayName(e.currentTarget.value)} />
        </label>
        <label>{t('invite.password')}
          <input type="password" required minLength={10} autocomplete="new-password" value={password}
            onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <label>{t('invite.confirm')}
          <input type="password" required autocomplete="new-password" value={confirm} onInput={(e) => setConfirm(e.currentTarget.value)} />
        </label>
        {message && <p class={message.error ? 'error' : 'ok'} role="alert">{message.text}</p>}
        <button type="submit" class="primary">{t('invite.submit')}</button>
      </form>
    </AuthCard>
  );
}

export { LanguageSwitch };
