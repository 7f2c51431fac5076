import { render } from 'preact';
import { LiveConnection } from './api/live';
import { RestClient } from './api/rest';
import { I18n, pickLanguage, type Language } from './i18n';
import { AppModel, type Notifier } from './state/app';
import { Root } from './views/Root';
import './styles.css';

const storage = window.localStorage;
const rest = new RestClient();
const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;

const notifier: Notifier = {
  visible: () => document.visibilityState === 'visible' && document.hasFocus(),
  notify(title, body, onClick) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    const n = new Notification(title, { body, tag: title });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  },
};

let model: AppModel | null = null;
let language: Language = pickLanguage(storage.getItem('relais.lang'), navigator.languages ?? [navigator.language]);
let dark = storage.getItem('relais.theme') ? storage.getItem('relais.theme') === 'dark'
  : window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

function draw(): void {
  document.documentElement.lang = language;
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  render(<Root
    model={model}
    rest={rest}
    ui={{
      i18n: new I18n(language),
      setLanguage(l) { language = l; storage.setItem('relais.lang', l); draw(); },
      dark,
      setDark(d) { dark = d; storage.setItem('relais.theme', d ? 'dark' : 'light'); draw(); },
      logout,
    }}
    onToken={(token) => void signIn(token)}
  />, document.getElementById('app')!);
}

async function signIn(token: string): Promise<void> {
  storage.setItem('relais.token', token);
  const m = new AppModel(rest, new LiveConnection(wsUrl), storage, notifier);
  m.live.onAuthFailed = logout;
  rest.onUnauthenticated = logout;
  try {
    await m.start(token);
    model = m;
  } catch {
    m.stop();
    storage.removeItem('relais.token');
    model = null;
  }
  draw();
}

function logout(): void {
  model?.stop();
  model = null;
  rest.token = null;
  storage.removeItem('relais.token');
  if (location.hash) history.replaceState(null, '', location.pathname);
  draw();
}

document.addEventListener('visibilitychange', () => model?.markActiveRead());
window.addEventListener('focus', () => model?.markActiveRead());

const saved = storage.getItem('relais.token');
// A token handed back by single sign-on arrives in the fragment: #token=...
const fromSso = /^#token=([\w.-]+)/.exec(location.hash)?.[1];
if (fromSso) history.replaceState(null, '', location.pathname);
if (fromSso || (saved && !location.hash.startsWith('#/invite/'))) void signIn((fromSso ?? saved)!);
else draw();
