import { useEffect, useRef } from 'preact/hooks';
import type { AppModel } from '../../state/app';
import type { RelayModel } from '../../state/relay/model';
import { Icon } from '../Icon';
import { useT, useUi } from '../context';
import { Blackouts } from './Blackouts';
import { BotsAdmin } from './BotsAdmin';
import { ConsigneBoard } from './ConsigneBoard';
import { ItemList } from './ItemList';
import { ItemView } from './ItemView';
import { ProposeForm } from './ProposeForm';
import '../support/support.css';
import './relay.css';

/**
 * The "Relais" area in the main column: proposals (mine, a new one) for everyone; the review queue and its
 * tabs for reviewers; an item with its history, actions and figures; the live consigne board for HQ;
 * blackout windows for national staff; and the bots screen for admins and bot owners.
 */
export function RelayArea(props: { model: AppModel; onBack: () => void }) {
  const relay = props.model.relay!;
  const t = useT();
  const screen = relay.screen;
  const body = useRef<HTMLDivElement>(null);
  const key = screen.kind === 'tab' ? screen.tab : `${screen.kind}-${screen.id}`;
  // Moving between screens moves the focus to the new screen's heading (announced by screen readers).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    body.current?.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus();
  }, [key]);
  return (
    <section class="relay" aria-labelledby="relay-title">
      <header class="relay-head">
        <button type="button" class="icon back" aria-label={t('relay.back')} onClick={props.onBack}><Icon name="back" size={24} /></button>
        <h1 id="relay-title"><Icon name="broadcast" size={20} /> {t('relay.title')}</h1>
        <nav aria-label={t('relay.sections')} class="relay-tabs">
          {relay.tabs.map((tab) => {
            const current = screen.kind === 'tab' && screen.tab === tab;
            return (
              <button key={tab} type="button" class={current ? 'current' : ''} aria-current={current ? 'page' : undefined}
                data-tab={tab} onClick={() => void relay.show({ kind: 'tab', tab })}>
                {t(`relay.tab.${tab}`)}
              </button>
            );
          })}
        </nav>
      </header>
      <BlackoutBanner relay={relay} />
      <Notice relay={relay} />
      <div class="relay-body" id="relay-main" ref={body}>
        {screen.kind === 'tab' && screen.tab === 'new' && <ProposeForm relay={relay} />}
        {screen.kind === 'tab' && screen.tab === 'blackouts' && <Blackouts relay={relay} />}
        {screen.kind === 'tab' && screen.tab === 'bots' && relay.bots && <BotsAdmin relay={relay} bots={relay.bots} channels={props.model.channels} />}
        {screen.kind === 'tab' && !['new', 'blackouts', 'bots'].includes(screen.tab) && <ItemList relay={relay} tab={screen.tab} />}
        {screen.kind === 'item' && <ItemView relay={relay} />}
        {screen.kind === 'board' && <ConsigneBoard relay={relay} />}
      </div>
    </section>
  );
}

function BlackoutBanner(props: { relay: RelayModel }) {
  const t = useT();
  const { i18n } = useUi();
  const a = props.relay.active;
  if (!a?.active) return null;
  return (
    <p class="relay-blackout" role="status" data-testid="blackout-banner">
      <Icon name="clock" size={16} /> {t('relay.blackout.active', { until: a.until ? fullDate(i18n.locale, a.until) : '—', reason: a.reason ?? '' })}
    </p>
  );
}

function Notice(props: { relay: RelayModel }) {
  const t = useT();
  const n = props.relay.notice;
  if (!n) return <div class="visually-hidden" role="status" aria-live="polite" />;
  const known = t(n.key) !== n.key;
  const error = n.key.includes('.error.') || n.key === 'error.generic';
  const text = known ? t(n.key, n.params) : t('error.generic');
  const detail = n.detail && error ? ` (${n.detail})` : '';
  return (
    <div class={`relay-notice ${error ? '' : 'info'}`} role={error ? 'alert' : 'status'} data-testid="relay-notice">
      <span>{text}{detail}</span>
      <button type="button" class="icon" aria-label={t('relay.close')} onClick={() => props.relay.dismissNotice()}>
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}

/** "mardi 24 novembre, 19:00" in the user's language. */
export function fullDate(locale: string, iso: string): string {
  return new Date(iso).toLocaleString(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
}
