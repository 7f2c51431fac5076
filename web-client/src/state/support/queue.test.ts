import { describe, expect, it } from 'vitest';
import { listQueryString } from '../../api/support';
import { at, bob, carla, config, event, ticket } from './fixtures';
import {
  DEFAULT_QUEUE_FILTER, applyToList, formatDuration, matchesFilter, queueQuery, requesterWaitingSeconds, sortTickets,
  waitingSeconds, type QueueFilter,
} from './queue';
import { slaTimers, worstLevel } from './sla';

const filter = (over: Partial<QueueFilter> = {}): QueueFilter => ({ ...DEFAULT_QUEUE_FILTER, ...over });
const ids = (list: { id: string }[]) => list.map((t) => t.id);

describe('queue filters', () => {
  it('keeps active tickets by default and applies every filter like the hub', () => {
    expect(matchesFilter(ticket(1), filter(), 'u-bob')).toBe(true);
    expect(matchesFilter(ticket(1, { status: 'resolved' }), filter(), 'u-bob')).toBe(false);
    expect(matchesFilter(ticket(1), filter({ category: 'equipment' }), 'u-bob')).toBe(false);
    expect(matchesFilter(ticket(1, { priority: 'urgent' }), filter({ priority: 'urgent' }), 'u-bob')).toBe(true);
    expect(matchesFilter(ticket(1), filter({ priority: 'urgent' }), 'u-bob')).toBe(false);
    expect(matchesFilter(ticket(1, { federation: '2A' }), filter({ federation: '2a ' }), 'u-bob')).toBe(true);
    expect(matchesFilter(ticket(1), filter({ federation: '75' }), 'u-bob')).toBe(false);
    expect(matchesFilter(ticket(1), filter({ queue: 'logistics' }), 'u-bob')).toBe(false);
  });

  it('understands the assignee filter: me, none or a colleague', () => {
    const mine = ticket(1, { assignee: bob });
    const hers = ticket(2, { assignee: carla });
    const nobody = ticket(3);
    expect([mine, hers, nobody].filter((t) => matchesFilter(t, filter({ assignee: 'me' }), bob.id)).map((t) => t.id)).toEqual(['t1']);
    expect([mine, hers, nobody].filter((t) => matchesFilter(t, filter({ assignee: 'none' }), bob.id)).map((t) => t.id)).toEqual(['t3']);
    expect([mine, hers, nobody].filter((t) => matchesFilter(t, filter({ assignee: carla.id }), bob.id)).map((t) => t.id)).toEqual(['t2']);
  });

  it('turns the filter into the query string of GET /support/queue', () => {
    const q = queueQuery(filter({ category: 'equipment', federation: '2a', assignee: 'none', sort: 'priority' }));
    expect(listQueryString(q)).toBe('?status=new%2Copen%2Cwaiting_on_requester&category=equipment&federation=2A&assignee=none&sort=priority&limit=200');
  });
});

describe('queue order', () => {
  const a = ticket(1, { waitingSince: at(10), priority: 'low' });
  const b = ticket(2, { waitingSince: at(5), priority: 'urgent', updatedAt: at(50) });
  const c = ticket(3, { waitingSince: null, status: 'waiting_on_requester', priority: 'urgent' });

  it('waiting: longest-waiting first, tickets waiting on the requester last', () => {
    expect(ids(sortTickets([c, a, b], 'waiting'))).toEqual(['t2', 't1', 't3']);
  });

  it('priority: most pressing first, then oldest; created and updated: newest first', () => {
    expect(ids(sortTickets([a, c, b], 'priority'))).toEqual(['t2', 't3', 't1']);
    expect(ids(sortTickets([a, b, c], 'created'))).toEqual(['t3', 't2', 't1']);
    expect(ids(sortTickets([a, b, c], 'updated'))).toEqual(['t2', 't3', 't1']);
  });
});

describe('live events on a list', () => {
  const keepActive = (t: { status: string }) => t.status !== 'resolved' && t.status !== 'closed';

  it('inserts a new ticket in order, replaces a changed one, and drops one that no longer matches', () => {
    let list = [ticket(1), ticket(3)];
    list = applyToList(list, event('ticket.opened', ticket(2)), keepActive, 'created');
    expect(ids(list)).toEqual(['t3', 't2', 't1']);
    list = applyToList(list, event('ticket.claimed', ticket(2, { status: 'open', assignee: bob, version: 2 })), keepActive, 'created');
    expect(list.find((t) => t.id === 't2')?.assignee?.id).toBe(bob.id);
    list = applyToList(list, event('ticket.status_changed', ticket(2, { status: 'resolved', version: 3 })), keepActive, 'created');
    expect(ids(list)).toEqual(['t3', 't1']);
  });

  it('never lets an older projection replace a newer one', () => {
    const list = [ticket(1, { version: 5, status: 'open' })];
    const after = applyToList(list, event('ticket.claimed', ticket(1, { version: 4, status: 'new' })), () => true, 'created');
    expect(after[0]!.status).toBe('open');
  });
});

describe('waiting times and SLA timers', () => {
  const now = Date.parse(at(100));

  it('counts the staff waiting time from waitingSince, and rebuilds the requester one from the history', () => {
    expect(waitingSeconds(ticket(10), now)).toBe(90 * 60);
    expect(waitingSeconds(ticket(10, { waitingSince: null }), now)).toBeNull();
    const back = ticket(10, {
      status: 'open', history: [{ at: at(10), action: 'opened' }, { at: at(40), action: 'status', from: 'waiting_on_requester', to: 'open' }],
    });
    expect(requesterWaitingSeconds(back, now)).toBe(60 * 60);
    expect(requesterWaitingSeconds(ticket(10, { status: 'waiting_on_requester' }), now)).toBeNull();
  });

  it('shows a running, at-risk, breached, met or paused clock', () => {
    const running = slaTimers(ticket(1), now, config);
    expect(running.map((x) => x.level)).toEqual(['ok', 'ok']);
    const late = slaTimers(ticket(1, { sla: { ...ticket(1).sla!, firstResponseDueAt: at(90) } }), now, config);
    expect(late[0]).toMatchObject({ level: 'breached', remainingSeconds: -600 });
    const soon = slaTimers(ticket(1, { sla: { ...ticket(1).sla!, firstResponseDueAt: at(130) } }), now, config);
    expect(soon[0]!.level).toBe('at_risk'); // 30 min left of an 8 h target
    const flagged = slaTimers(ticket(1), now, config, new Set(['resolution']));
    expect(flagged[1]!.level).toBe('at_risk');
    const answered = slaTimers(ticket(1, { firstResponseAt: at(20), status: 'waiting_on_requester', sla: { ...ticket(1).sla!, paused: true, resolutionDueAt: null } }), now, config);
    expect(answered.map((x) => x.level)).toEqual(['met', 'paused']);
    expect(worstLevel(late)).toBe('breached');
  });

  it('formats durations compactly', () => {
    const u = { s: 's', min: 'min', h: 'h', d: 'j' };
    expect(formatDuration(42, u)).toBe('42 s');
    expect(formatDuration(600, u)).toBe('10 min');
    expect(formatDuration(2 * 3600 + 5 * 60, u)).toBe('2 h 05');
    expect(formatDuration(3 * 86_400 + 4 * 3600, u)).toBe('3 j 4 h');
  });
});
