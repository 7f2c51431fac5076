import { Icon } from './Icon';
import { useEffect, useState } from 'preact/hooks';
import type { ChannelSummary } from '../api/types';
import type { AppModel } from '../state/app';
import { AccountArea } from './account/AccountArea';
import { useAccountRoute } from './account/route';
import { ChannelPane } from './ChannelPane';
import { useModel, useT, useUi } from './context';
import { SidePanel } from './Panels';
import { LanguageSwitch } from './Root';
import { MeetingsArea } from './meetings/MeetingsArea';
import { useMeetingsRoute } from './meetings/route';
import { RelayArea } from './relay/RelayArea';
import { SupportArea } from './support/SupportArea';

export function Shell(props: { model: AppModel }) {
  const model = useModel(props.model);
  const t = useT();
  const [mobileList, setMobileList] = useState(!model.activeId);
  const panelOpen = model.panel.kind !== 'none';
  const active = model.channel(model.activeId);
  const supportShown = !!model.support?.shown;
  const meetingsShown = !!model.meetings?.shown && !supportShown;
  const relayShown = !!model.relay?.shown && !supportShown && !meetingsShown;
  const accountShown = !!model.account?.shown && !supportShown && !meetingsShown && !relayShown;
  useMeetingsRoute(model, () => setMobileList(false));
  useAccountRoute(model, () => setMobileList(false));
  useEffect(() => {
    const title = model.unread.totals(model.sidebar().map((c) => c.id));
    document.title = `${title.mentions > 0 ? `(${title.mentions}) ` : title.unread > 0 ? '• ' : ''}${active ? channelLabel(active) + ' · ' : ''}Relais`;
  });
  function choose(id: string) {
    setMobileList(false);
    model.support?.leave();
    model.meetings?.leave();
    model.relay?.leave();
    model.account?.leave();
    void model.open(id);
  }
  function openSupport() {
    setMobileList(false);
    model.meetings?.leave();
    model.relay?.leave();
    model.account?.leave();
    void model.support?.enter();
  }
  function openMeetings() {
    setMobileList(false);
    model.support?.leave();
    model.relay?.leave();
    model.account?.leave();
    void model.meetings?.enter({ kind: 'list' });
  }
  function openRelay() {
    setMobileList(false);
    model.support?.leave();
    model.meetings?.leave();
    model.account?.leave();
    void model.relay?.enter();
  }
  function openAccount() {
    setMobileList(false);
    model.support?.leave();
    model.meetings?.leave();
    model.relay?.leave();
    void model.account?.enter();
  }
  return (
    <div class={`shell ${mobileList ? 'mobile-list' : 'mobile-channel'} ${panelOpen ? 'with-panel' : ''}`}>
      <a class="skip" href={supportShown ? '#support-main' : meetingsShown ? '#meetings-main' : relayShown ? '#relay-main' : accountShown ? '#account-main' : '#messages'}>
        {supportShown ? t('support.skip') : meetingsShown ? t('meetings.skip') : relayShown ? t('relay.skip') : accountShown ? t('account.skip') : t('nav.skip')}</a>
      <ConnectionBanner model={model} />
      <Sidebar model={model} onChoose={choose} onSupport={openSupport} onMeetings={openMeetings} onRelay={openRelay} onAccount={openAccount} />
      <main class="main" aria-label={supportShown ? t('support.title') : meetingsShown ? t('meetings.title') : relayShown ? t('relay.title') : accountShown ? t('account.title') : active ? channelLabel(active) : t('nav.channels')}>
        {supportShown ? <SupportArea model={model} onBack={() => setMobileList(true)} />
          : meetingsShown ? <MeetingsArea model={model} onBack={() => setMobileList(true)} />
          : relayShown ? <RelayArea model={model} onBack={() => setMobileList(true)} />
          : accountShown ? <AccountArea model={model} onBack={() => setMobileList(true)} />
          : active ? <ChannelPane model={model} channel={active} onBack={() => setMobileList(true)} />
          : <p class="empty">{t('channel.choose')}</p>}
      </main>
      {panelOpen && <SidePanel model={model} onJump={() => setMobileList(false)} />}
      {model.notice && (
        <div class="toast" role="alert">
          <span>{t(model.notice.key) === model.notice.key ? t('error.generic') : t(model.notice.key, model.notice.params)}
            {model.notice.detail && model.notice.key.startsWith('error.') ? ` (${model.notice.detail})` : ''}</span>
          <button type="button" class="icon" aria-label={t('error.close')} onClick={() => { model.notice = null; model.changed(); }}><Icon name="close" size={16} /></button>
        </div>
      )}
    </div>
  );
}

function ConnectionBanner(props: { model: AppModel }) {
  const t = useT();
  const { connection, everConnected } = props.model;
  if (connection === 'online' || !everConnected) {
    return <div class="visually-hidden" role="status" aria-live="polite">{connection === 'online' && everConnected ? t('connection.back') : ''}</div>;
  }
  return <div class="banner offline" role="status" aria-live="polite" data-testid="connection-banner">{t('connection.offline')}</div>;
}

export function channelLabel(c: ChannelSummary): string {
  return c.kind === 'DIRECT' ? c.name : `# ${c.name}`;
}

function Sidebar(props: { model: AppModel; onChoose: (id: string) => void; onSupport: () => void; onMeetings: () => void; onRelay: () => void; onAccount: () => void }) {
  const { model } = props;
  const t = useT();
  const ui = useUi();
  const [query, setQuery] = useState('');
  const list = model.sidebar();
  const fed = model.me?.federation;
  const groups: [string, ChannelSummary[]][] = [
    ['nav.federation', list.filter((c) => c.kind === 'FEDERATION' && c.federation === fed)],
    ['nav.national', list.filter((c) => c.kind === 'NATIONAL')],
    ['nav.others', list.filter((c) => c.kind === 'FEDERATION' && c.federation !== fed)],
    ['nav.groups', list.filter((c) => c.kind === 'PRIVATE')],
    ['nav.direct', list.filter((c) => c.kind === 'DIRECT')],
  ];
  const notifications = typeof Notification !== 'undefined' && Notification.permission === 'default';
  return (
    <nav class="sidebar" aria-label={t('nav.channels')}>
      <header class="sidebar-head">
        <div class="logo" aria-hidden="true">R</div>
        <div class="me">
          <strong>{model.me?.displayName}</strong>
          <span class="muted">@{model.me?.username}</span>
        </div>
      </header>
      <form role="search" class="search" onSubmit={(e) => { e.preventDefault(); void model.search(query); }}>
        <label class="visually-hidden" for="search-input">{t('nav.search')}</label>
        <input id="search-input" type="search" placeholder={t('nav.searchPlaceholder')} value={query}
          onInput={(e) => setQuery(e.currentTarget.value)} />
      </form>
      <div class="channel-groups">
        {groups.filter(([, cs]) => cs.length > 0).map(([title, cs]) => (
          <section key={title} aria-label={t(title)}>
            <h2>{t(title)}</h2>
            <ul>
              {cs.map((c) => <ChannelItem key={c.id} model={model} channel={c} onChoose={props.onChoose} />)}
            </ul>
          </section>
        ))}
      </div>
      <div class="sidebar-actions">
        <button type="button" onClick={() => model.showPanel({ kind: 'browse' })}><Icon name="hash" size={16} /> {t('nav.browse')}</button>
        <button type="button" onClick={() => model.showPanel({ kind: 'newDm' })}><Icon name="mail" size={16} /> {t('nav.newDm')}</button>
        {model.meetings && (
          <button type="button" class="meetings-entry" aria-current={model.meetings.shown && !model.support?.shown ? 'page' : undefined} onClick={props.onMeetings}>
            <Icon name="video" size={16} /> {t('meetings.nav')}
            {model.meetings.nowLive.all().length > 0 && <span class="badge" aria-hidden="true">{model.meetings.nowLive.all().length}</span>}
            {model.meetings.nowLive.all().length > 0 && <span class="visually-hidden">{t('meetings.navLive', { count: model.meetings.nowLive.all().length })}</span>}
          </button>
        )}
        {model.support?.available && (
          <button type="button" class="support-entry" aria-current={model.support.shown ? 'page' : undefined} onClick={props.onSupport}>
            <Icon name="lifebuoy" size={16} /> {t('support.nav')}
            {model.support.counts && model.support.counts.active > 0 && <span class="badge" aria-hidden="true">{model.support.counts.active}</span>}
            {model.support.counts && <span class="visually-hidden">{t('support.navActive', { count: model.support.counts.active })}</span>}
          </button>
        )}
        {model.relay && (
          <button type="button" class="relay-entry" aria-current={model.relay.shown && !model.support?.shown && !model.meetings?.shown ? 'page' : undefined} onClick={props.onRelay}>
            <Icon name="broadcast" size={16} /> {t('relay.nav')}
          </button>
        )}
        {notifications && <button type="button" onClick={() => void Notification.requestPermission().then(() => model.changed())}><Icon name="bell" size={16} /> {t('nav.notifications')}</button>}
      </div>
      <footer class="sidebar-foot">
        <label class="toggle">
          <input type="checkbox" checked={ui.dark} onChange={(e) => ui.setDark(e.currentTarget.checked)} /> {t('nav.theme')}
        </label>
        <LanguageSwitch />
        {model.account && (
          <button type="button" class="link account-entry" aria-current={model.account.shown && !model.support?.shown && !model.meetings?.shown && !model.relay?.shown ? 'page' : undefined}
            onClick={props.onAccount}>{t('account.nav')}</button>
        )}
        <button type="button" class="link" onClick={ui.logout}>{t('nav.logout')}</button>
      </footer>
    </nav>
  );
}

function ChannelItem(props: { model: AppModel; channel: ChannelSummary; onChoose: (id: string) => void }) {
  const { model, channel: c } = props;
  const t = useT();
  const counts = model.unread.get(c.id);
  const muted = model.muted.has(c.id);
  const other = c.kind === 'DIRECT' ? c.memberIds.find((id) => id !== model.me?.id) : undefined;
  const status = other ? model.presence.get(other) ?? 'offline' : undefined;
  const live = !!model.meetings?.isChannelLive(c.id);
  // The visible name comes first in the accessible name; the rest is read out but not shown.
  const details = [status ? t(`presence.${status}`) : '',
    live ? t('meetings.live') : '',
    counts.unread > 0 && !muted ? t('nav.unread', { count: counts.unread }) : '',
    counts.mentions > 0 ? t('nav.mentions', { count: counts.mentions }) : '',
    muted ? t('nav.muted') : ''].filter(Boolean).join(', ');
  return (
    <li>
      <button type="button" class={`channel-item ${model.activeId === c.id && !model.support?.shown && !model.meetings?.shown && !model.relay?.shown && !model.account?.shown ? 'active' : ''} ${counts.unread > 0 && !muted ? 'unread' : ''} ${muted ? 'muted' : ''}`}
        aria-current={model.activeId === c.id && !model.support?.shown && !model.meetings?.shown && !model.relay?.shown && !model.account?.shown ? 'page' : undefined} data-channel={c.id}
        onClick={() => props.onChoose(c.id)}>
        {status ? <span class={`dot ${status}`} aria-hidden="true" /> : <span class="hash" aria-hidden="true">{c.kind === 'PRIVATE' ? <Icon name="lock" size={14} /> : '#'}</span>}
        <span class="name">{c.name}</span>
        {details && <span class="visually-hidden">, {details}</span>}
        {live && <span class="live-dot" aria-hidden="true" data-testid="channel-live">{t('meetings.live')}</span>}
        {counts.mentions > 0 && <span class="badge mention" aria-hidden="true">@{counts.mentions > 99 ? '99+' : counts.mentions}</span>}
        {counts.unread > 0 && !muted && counts.mentions === 0 && <span class="badge" aria-hidden="true">{counts.unread > 99 ? '99+' : counts.unread}</span>}
      </button>
    </li>
  );
}
