import { useEffect, useRef } from 'preact/hooks';
import type { AppModel } from '../../state/app';
import type { SupportModel, SupportScreen } from '../../state/support/model';
import { Icon } from '../Icon';
import { useT } from '../context';
import { CannedResponses } from './CannedResponses';
import { MetricsView } from './MetricsView';
import { NewTicketForm } from './NewTicketForm';
import { MyTickets, StaffQueue } from './TicketLists';
import { TicketView } from './TicketView';
import './support.css';

type Tab = Exclude<SupportScreen['kind'], 'ticket'>;

/**
 * The "Support" area in the main column: the requester side's tickets and new-ticket form, or the staff
 * console (queue, metrics, canned responses); a ticket opens in place of the list.
 */
export function SupportArea(props: { model: AppModel; onBack: () => void }) {
  const support = props.model.support!;
  const t = useT();
  const tabs: Tab[] = support.staff ? ['queue', 'metrics', 'canned'] : ['mine', 'new'];
  const screen = support.screen;
  const body = useRef<HTMLDivElement>(null);
  const key = screen.kind === 'ticket' ? `ticket-${screen.id}` : screen.kind;
  // Moving between screens moves the focus to the new screen's heading (announced by screen readers).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    body.current?.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus();
  }, [key]);
  return (
    <section class="support" aria-labelledby="support-title">
      <header class="support-head">
        <button type="button" class="icon back" aria-label={t('support.back')} onClick={props.onBack}><Icon name="back" size={24} /></button>
        <h1 id="support-title"><Icon name="lifebuoy" size={20} /> {t('support.title')}</h1>
        <nav aria-label={t('support.sections')} class="support-tabs">
          {tabs.map((tab) => {
            const current = screen.kind === tab;
            return (
              <button key={tab} type="button" class={current ? 'current' : ''} aria-current={current ? 'page' : undefined}
                onClick={() => void support.show({ kind: tab } as SupportScreen)}>
                {t(`support.tab.${tab}`)}
                {tab === 'queue' && support.counts ? <span class="badge" aria-hidden="true">{support.counts.active}</span> : null}
              </button>
            );
          })}
        </nav>
      </header>
      <Notice support={support} />
      {support.staff && <SlaAlerts support={support} />}
      <div class="support-body" id="support-main" ref={body}>
        {screen.kind === 'mine' && <MyTickets support={support} />}
        {screen.kind === 'new' && <NewTicketForm model={props.model} />}
        {screen.kind === 'queue' && <StaffQueue support={support} />}
        {screen.kind === 'metrics' && <MetricsView support={support} />}
        {screen.kind === 'canned' && <CannedResponses support={support} />}
        {screen.kind === 'ticket' && <TicketView model={props.model} />}
      </div>
    </section>
  );
}

function Notice(props: { support: SupportModel }) {
  const t = useT();
  const n = props.support.notice;
  if (!n) return <div class="visually-hidden" role="status" aria-live="polite" />;
  const text = t(n.key) === n.key ? t('error.generic') : t(n.key);
  const detail = n.detail && (n.key.startsWith('support.error.') || n.key === 'error.generic' || n.key === 'support.mentioned')
    ? ` (${n.detail})` : '';
  return (
    <div class={`support-notice ${n.key === 'support.mentioned' ? 'info' : ''}`} role="alert">
      <span>{text}{detail}</span>
      <button type="button" class="icon" aria-label={t('support.close')} onClick={() => props.support.dismissNotice()}>
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}

/** Live SLA alerts of the queue (newest first), each a way to the ticket. */
function SlaAlerts(props: { support: SupportModel }) {
  const t = useT();
  const { support } = props;
  const shown = support.alerts.slice(0, 3);
  return (
    <div class="sla-alerts" aria-live="polite" aria-label={t('support.alerts')} role="region">
      {shown.map((a) => (
        <p key={a.key} class={`sla-alert ${a.type === 'sla.breached' ? 'breached' : 'at-risk'}`} data-testid="sla-alert">
          <Icon name="clock" size={16} />
          <button type="button" class="link" onClick={() => void support.show({ kind: 'ticket', id: a.ticketId })}>
            {t(`support.alert.${a.type}`, { timer: t(`support.sla.${a.timer}`), number: a.number, subject: a.subject })}
          </button>
          <button type="button" class="icon" aria-label={t('support.alert.dismiss')} onClick={() => support.dismissAlert(a.key)}>
            <Icon name="close" size={14} />
          </button>
        </p>
      ))}
    </div>
  );
}
