import { useEffect, useState } from 'preact/hooks';
import { PRIORITIES, type Priority, type Ticket, type TicketStatus } from '../../api/support';
import type { User } from '../../api/types';
import type { AppModel } from '../../state/app';
import { useT } from '../context';
import { label } from './common';
import { isStaffUser } from './ReplyBox';

/** The moves staff may make by hand (TicketStatus.staffMayMoveTo on the hub). */
export const STAFF_MOVES: Record<TicketStatus, TicketStatus[]> = {
  new: ['open', 'waiting_on_requester', 'resolved'],
  open: ['waiting_on_requester', 'resolved'],
  waiting_on_requester: ['open', 'resolved'],
  resolved: ['open', 'closed'],
  closed: [],
};

/** Claim (with the lost race shown), assign, transfer, priority and status of the open ticket. */
export function StaffActions(props: { model: AppModel; ticket: Ticket }) {
  const { model, ticket } = props;
  const support = model.support!;
  const t = useT();
  const mine = ticket.assignee?.id === support.me.id;
  const [queue, setQueue] = useState(ticket.queue ?? '');
  const [priority, setPriority] = useState<Priority>(ticket.priority ?? 'normal');
  useEffect(() => { setQueue(ticket.queue ?? ''); setPriority(ticket.priority ?? 'normal'); }, [ticket.queue, ticket.priority, ticket.id]);
  const closed = ticket.status === 'closed';
  return (
    <section class="staff-actions" aria-labelledby="staff-actions-title">
      <h3 id="staff-actions-title">{t('support.actions.title')}</h3>
      <p class="assignee" data-testid="ticket-assignee">
        {ticket.assignee ? t('support.ticket.assignee', { name: ticket.assignee.displayName }) : t('support.ticket.noAssignee')}
      </p>
      {mine ? <p class="ok small">{t('support.actions.yours')}</p>
        : !closed && !ticket.assignee && <button type="button" class="primary" onClick={() => void support.claim()}>{t('support.actions.claim')}</button>}
      {support.claimLost && (
        <p class="claim-lost" role="alert" data-testid="claim-lost">{t('support.actions.claimLost', { detail: support.claimLost })}</p>
      )}
      {!closed && <AssignPicker model={model} ticket={ticket} />}
      {!closed && (
        <form class="inline-form" onSubmit={(e) => { e.preventDefault(); if (queue && queue !== ticket.queue) void support.transfer(queue); }}>
          <div class="fld"><label for="sel-actions-queue">{t('support.actions.queue')}</label>
            <select id="sel-actions-queue" value={queue} onChange={(e) => setQueue(e.currentTarget.value)}>
              {support.config?.queues.map((q) => <option key={q} value={q}>{label(t, 'support.queue', q)}</option>)}
            </select>
          </div>
          <button type="submit" disabled={queue === ticket.queue}>{t('support.actions.apply')}</button>
        </form>
      )}
      {!closed && (
        <form class="inline-form" onSubmit={(e) => { e.preventDefault(); if (priority !== ticket.priority) void support.prioritize(priority); }}>
          <div class="fld"><label for="sel-actions-priority">{t('support.actions.priority')}</label>
            <select id="sel-actions-priority" value={priority} onChange={(e) => setPriority(e.currentTarget.value as Priority)}>
              {[...PRIORITIES].reverse().map((p) => <option key={p} value={p}>{label(t, 'support.priority', p)}</option>)}
            </select>
          </div>
          <button type="submit" disabled={priority === ticket.priority}>{t('support.actions.apply')}</button>
        </form>
      )}
      {STAFF_MOVES[ticket.status].length > 0 && (
        <div class="status-moves" role="group" aria-label={t('support.actions.status')}>
          <span class="group-label" aria-hidden="true">{t('support.actions.status')}</span>
          {STAFF_MOVES[ticket.status].map((s) => (
            <button key={s} type="button" data-status={s} onClick={() => void support.setStatus(s)}>
              {t('support.actions.moveTo', { status: label(t, 'support.status', s) })}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function AssignPicker(props: { model: AppModel; ticket: Ticket }) {
  const { model, ticket } = props;
  const support = model.support!;
  const t = useT();
  const [q, setQ] = useState('');
  const [people, setPeople] = useState<User[]>([]);
  useEffect(() => {
    if (!q.trim()) { setPeople([]); return; }
    let live = true;
    model.rest.users(q.trim(), 30).then((u) => { if (live) setPeople(u.filter(isStaffUser).slice(0, 6)); }).catch(() => {});
    return () => { live = false; };
  }, [q]);
  return (
    <div class="assign">
      <label>{t('support.actions.assign')}
        <input type="search" value={q} placeholder={t('support.actions.assignSearch')} autocomplete="off"
          onInput={(e) => setQ(e.currentTarget.value)} />
      </label>
      {people.length > 0 && (
        <ul class="assign-results">
          {people.map((u) => (
            <li key={u.id}>
              <button type="button" disabled={ticket.assignee?.id === u.id}
                onClick={() => { setQ(''); void support.assign(u.id); }}>
                {t('support.actions.assignTo', { name: u.displayName })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {ticket.assignee && <button type="button" class="link" onClick={() => void support.assign(null)}>{t('support.actions.unassign')}</button>}
    </div>
  );
}
