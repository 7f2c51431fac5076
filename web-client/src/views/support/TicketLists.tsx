import { useState } from 'preact/hooks';
import { PRIORITIES, type Priority, type Ticket, type TicketSort, type TicketStatus } from '../../api/support';
import type { SupportModel } from '../../state/support/model';
import { requesterWaitingSeconds, waitingSeconds } from '../../state/support/queue';
import { slaTimers, worstLevel } from '../../state/support/sla';
import { useT, useUi } from '../context';
import { StatusBadge, duration, label, slaText, useNow } from './common';

/** The requester side: its federation's tickets, most recently active first, live. */
export function MyTickets(props: { support: SupportModel }) {
  const { support } = props;
  const t = useT();
  const { i18n } = useUi();
  const now = useNow();
  return (
    <div class="support-screen">
      <div class="screen-head">
        <h2 tabIndex={-1}>{t('support.mine.title')}</h2>
        <button type="button" class="primary" onClick={() => void support.show({ kind: 'new' })}>{t('support.mine.new')}</button>
      </div>
      {!support.mineLoaded ? <p class="muted">{t('support.loading')}</p>
        : support.mine.length === 0 ? <p class="muted">{t('support.mine.empty')}</p> : (
          <table class="tickets" data-testid="my-tickets">
            <thead>
              <tr>
                <th scope="col">{t('support.list.number')}</th>
                <th scope="col">{t('support.list.subject')}</th>
                <th scope="col">{t('support.list.status')}</th>
                <th scope="col">{t('support.list.category')}</th>
                <th scope="col">{t('support.list.waiting')}</th>
                <th scope="col">{t('support.list.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {support.mine.map((ticket) => {
                const waiting = requesterWaitingSeconds(ticket, now);
                return (
                  <tr key={ticket.id} data-ticket-id={ticket.id}>
                    <td data-label={t('support.list.number')}>{ticket.number}</td>
                    <td class="subject"><TicketLink support={support} ticket={ticket} /></td>
                    <td data-label={t('support.list.status')}><StatusBadge t={t} status={ticket.status} audience="requester" /></td>
                    <td data-label={t('support.list.category')}>{label(t, 'support.category', ticket.category)}</td>
                    <td data-label={t('support.list.waiting')}>{waiting === null ? t('support.notWaiting') : duration(t, waiting)}</td>
                    <td data-label={t('support.list.updated')}><time dateTime={ticket.updatedAt}>{i18n.day(ticket.updatedAt)} {i18n.time(ticket.updatedAt)}</time></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
    </div>
  );
}

function TicketLink(props: { support: SupportModel; ticket: Ticket }) {
  const t = useT();
  const { ticket } = props;
  return (
    <button type="button" class="ticket-link" aria-label={t('support.ticketLabel', { number: ticket.number, subject: ticket.subject })}
      onClick={() => void props.support.show({ kind: 'ticket', id: ticket.id })}>
      {ticket.subject}
    </button>
  );
}

const SORTS: TicketSort[] = ['waiting', 'priority', 'created', 'updated'];

/** The staff console's live queue: counts per queue, filters, sorting, waiting times and SLA state. */
export function StaffQueue(props: { support: SupportModel }) {
  const { support } = props;
  const t = useT();
  const now = useNow();
  const config = support.config;
  const f = support.queueFilter;
  const [federation, setFederation] = useState(f.federation);
  const assignees = new Map<string, string>();
  for (const x of support.queue) if (x.assignee && x.assignee.id !== support.me.id) assignees.set(x.assignee.id, x.assignee.displayName);
  const statuses = config?.statuses ?? [];

  function toggleStatus(s: TicketStatus, on: boolean) {
    const next = on ? [...f.statuses, s] : f.statuses.filter((x) => x !== s);
    void support.setQueueFilter({ statuses: statuses.filter((x) => next.includes(x)) });
  }

  return (
    <div class="support-screen">
      <div class="screen-head">
        <h2 tabIndex={-1}>{t('support.queue.title')}</h2>
        <p class="muted" role="status">{t('support.queue.shown', { count: support.queue.length })}</p>
      </div>
      {support.counts && (
        <section aria-label={t('support.queue.counts')}>
          <ul class="queue-counts">
            <li>
              <button type="button" aria-pressed={f.queue === ''} onClick={() => void support.setQueueFilter({ queue: '' })}>
                <strong>{t('support.queue.all')} <span class="total">{support.counts.active}</span></strong>
              </button>
            </li>
            {Object.entries(support.counts.queues).map(([q, c]) => (
              <li key={q}>
                <button type="button" aria-pressed={f.queue === q} data-queue={q} class={c.breached > 0 ? 'has-breach' : ''}
                  onClick={() => void support.setQueueFilter({ queue: f.queue === q ? '' : q })}>
                  <strong>{label(t, 'support.queue', q)} <span class="total">{c.total}</span></strong>
                  {c.total > 0 && <span>{t('support.queue.count', { unassigned: c.unassigned, breached: c.breached })}</span>}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <details class="filters" open={typeof window === 'undefined' || window.innerWidth > 720}>
        <summary>{t('support.queue.filters')}</summary>
        <form class="filter-grid" onSubmit={(e) => { e.preventDefault(); void support.setQueueFilter({ federation }); }}>
          <fieldset class="statuses">
            <legend>{t('support.filter.status')}</legend>
            {statuses.map((s) => (
              <label key={s} class="check">
                <input type="checkbox" checked={f.statuses.includes(s)} onChange={(e) => toggleStatus(s, e.currentTarget.checked)} />
                {label(t, 'support.status', s)}
              </label>
            ))}
          </fieldset>
          <div class="fld"><label for="sel-filter-category">{t('support.filter.category')}</label>
            <select id="sel-filter-category" value={f.category} onChange={(e) => void support.setQueueFilter({ category: e.currentTarget.value })}>
              <option value="">{t('support.filter.any')}</option>
              {config?.categories.map((c) => <option key={c.id} value={c.id}>{label(t, 'support.category', c.id)}</option>)}
            </select>
          </div>
          <div class="fld"><label for="sel-filter-priority">{t('support.filter.priority')}</label>
            <select id="sel-filter-priority" value={f.priority} onChange={(e) => void support.setQueueFilter({ priority: e.currentTarget.value as Priority | '' })}>
              <option value="">{t('support.filter.any')}</option>
              {[...PRIORITIES].reverse().map((p) => <option key={p} value={p}>{label(t, 'support.priority', p)}</option>)}
            </select>
          </div>
          <div class="fld"><label for="sel-filter-queue">{t('support.filter.queue')}</label>
            <select id="sel-filter-queue" value={f.queue} onChange={(e) => void support.setQueueFilter({ queue: e.currentTarget.value })}>
              <option value="">{t('support.filter.any')}</option>
              {config?.queues.map((q) => <option key={q} value={q}>{label(t, 'support.queue', q)}</option>)}
            </select>
          </div>
          <div class="fld"><label for="sel-filter-assignee">{t('support.filter.assignee')}</label>
            <select id="sel-filter-assignee" value={f.assignee} onChange={(e) => void support.setQueueFilter({ assignee: e.currentTarget.value })}>
              <option value="">{t('support.filter.anyone')}</option>
              <option value="me">{t('support.filter.me')}</option>
              <option value="none">{t('support.filter.none')}</option>
              {[...assignees].map(([id, name]) => <option key={id} value={id}>{name}</option>)}
              {f.assignee && !['me', 'none'].includes(f.assignee) && !assignees.has(f.assignee)
                && <option value={f.assignee}>{f.assignee}</option>}
            </select>
          </div>
          <label>{t('support.filter.federation')}
            <span class="row">
              <input value={federation} maxLength={4} autocomplete="off" onInput={(e) => setFederation(e.currentTarget.value)}
                onBlur={() => { if (federation !== f.federation) void support.setQueueFilter({ federation }); }} />
            </span>
          </label>
          <div class="fld"><label for="sel-filter-sort">{t('support.filter.sort')}</label>
            <select id="sel-filter-sort" value={f.sort} onChange={(e) => void support.setQueueFilter({ sort: e.currentTarget.value as TicketSort })}>
              {SORTS.map((s) => <option key={s} value={s}>{t(`support.sort.${s}`)}</option>)}
            </select>
          </div>
        </form>
      </details>
      {!support.queueLoaded ? <p class="muted">{t('support.loading')}</p>
        : support.queue.length === 0 ? <p class="muted">{t('support.queue.empty')}</p> : (
          <table class="tickets staff" data-testid="staff-queue">
            <thead>
              <tr>
                <th scope="col">{t('support.list.number')}</th>
                <th scope="col">{t('support.list.subject')}</th>
                <th scope="col">{t('support.list.status')}</th>
                <th scope="col">{t('support.list.priority')}</th>
                <th scope="col">{t('support.list.assignee')}</th>
                <th scope="col">{t('support.list.waiting')}</th>
                <th scope="col">{t('support.list.sla')}</th>
              </tr>
            </thead>
            <tbody>
              {support.queue.map((ticket) => {
                const timers = slaTimers(ticket, now, config, support.atRisk.get(ticket.id))
                  .filter((x) => x.level !== 'met' && x.level !== 'paused');
                const level = worstLevel(timers);
                const waiting = waitingSeconds(ticket, now);
                return (
                  <tr key={ticket.id} data-ticket-id={ticket.id} class={level ? `sla-${level}` : ''}>
                    <td data-label={t('support.list.number')}>{ticket.number}</td>
                    <td class="subject">
                      <TicketLink support={support} ticket={ticket} />
                      <span class="muted small">{t('support.ticket.federation', { code: ticket.federation })} · {label(t, 'support.category', ticket.category)} · {label(t, 'support.queue', ticket.queue)}</span>
                    </td>
                    <td data-label={t('support.list.status')}><StatusBadge t={t} status={ticket.status} audience="staff" /></td>
                    <td data-label={t('support.list.priority')}>
                      <span class={`prio prio-${ticket.priority}`}>{label(t, 'support.priority', ticket.priority)}</span>
                    </td>
                    <td data-label={t('support.list.assignee')}>{ticket.assignee?.displayName ?? t('support.unassigned')}</td>
                    <td data-label={t('support.list.waiting')}>{waiting === null ? t('support.notWaiting') : duration(t, waiting)}</td>
                    <td data-label={t('support.list.sla')} class="sla-cell">
                      {timers.length === 0 ? t('support.notWaiting') : timers.map((x) => (
                        <span key={x.timer} class={`sla-chip ${x.level}`}>{slaText(t, x)}</span>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
    </div>
  );
}
