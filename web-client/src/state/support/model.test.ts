import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import type { SupportConfig, Ticket, TicketPost } from '../../api/support';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { supportEn } from '../../i18n/support.en';
import { supportFr } from '../../i18n/support.fr';
import { I18n } from '../../i18n';
import { routeFrame } from '../router';
import { alice, at, bob, carla, config, event, post, ticket } from './fixtures';
import { QUEUE_TOPIC, SupportModel, type SupportLive, type SupportPort } from './model';
import { TicketThread, requesterSafe } from './thread';

const requesterConfig: SupportConfig = { ...config, canOpen: true, staff: false };
const coordinator = { ...alice, federation: '29', roles: ['FEDERATION_COORDINATOR'] };
const staffer = { ...bob, roles: ['HQ_STAFF'] };

/** A requester's projection of a ticket, as the hub sends it. */
function forRequester(t: Ticket): Ticket {
  return requesterSafe(t);
}

describe('TicketThread', () => {
  it('buffers events that arrive before the load, then applies them once, deduplicating posts', () => {
    const thread = new TicketThread('t1', 'staff');
    expect(thread.topic).toBe('/topic/support.tickets.t1.staff');
    const p1 = post('p1', 't1');
    const p2 = post('p2', 't1', { createdAt: at(40) });
    thread.apply(event('reply.posted', ticket(1, { status: 'open', version: 2 }), { post: p1 }));
    thread.apply(event('reply.posted', ticket(1, { status: 'open', version: 3 }), { post: p2 }));
    expect(thread.posts).toEqual([]);
    thread.load(ticket(1, { status: 'open', version: 2 }), [p1]);
    expect(thread.posts.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(thread.ticket?.version).toBe(3);
    thread.apply(event('reply.posted', ticket(1, { version: 3 }), { post: p2 }));
    expect(thread.posts.map((p) => p.id)).toEqual(['p1', 'p2']);
    thread.apply(event('ticket.claimed', ticket(1, { version: 2, assignee: bob })));
    expect(thread.ticket?.assignee).toBeNull(); // an older projection arriving late is ignored
  });

  it('tracks viewers and SLA alerts', () => {
    const thread = new TicketThread('t1', 'staff');
    thread.load(ticket(1), []);
    thread.apply({ type: 'ticket.viewers', ticketId: 't1', viewers: [bob, carla] });
    expect(thread.viewers.map((v) => v.id)).toEqual([bob.id, carla.id]);
    thread.apply(event('sla.at_risk', ticket(1), { timer: 'first_response', dueAt: at(480) }));
    expect([...thread.atRisk()]).toEqual(['first_response']);
    thread.apply(event('sla.breached', ticket(1), { timer: 'first_response', dueAt: at(480) }));
    expect(thread.alerts.get('first_response')).toBe('breached');
  });

  it('the requester side never keeps an internal note or a staff-only field, whatever reaches it', () => {
    const thread = new TicketThread('t1', 'requester');
    expect(thread.topic).toBe('/topic/support.tickets.t1');
    const note = post('n1', 't1', { visibility: 'internal', text: 'Ne pas dire à la fédération' });
    const staffTicket = ticket(1, { history: [{ at: at(1), action: 'opened' }, { at: at(2), action: 'priority', to: 'urgent' }] });
    thread.load(staffTicket, [post('p1', 't1'), note]);
    expect(thread.posts.map((p) => p.id)).toEqual(['p1']);
    expect(thread.ticket).not.toHaveProperty('priority');
    expect(thread.ticket).not.toHaveProperty('sla');
    expect(thread.ticket).not.toHaveProperty('queue');
    expect(thread.ticket).not.toHaveProperty('waitingSince');
    expect(thread.ticket?.history.map((h) => h.action)).toEqual(['opened']);
    expect(thread.apply(event('note.posted', ticket(1, { updatedAt: at(60) }), { post: post('n2', 't1', { visibility: 'internal' }) }))).toBe(false);
    thread.addPost(post('n3', 't1', { visibility: 'internal' }));
    expect(thread.posts.map((p) => p.id)).toEqual(['p1']);
  });

  it('the staff side shows notes beside public replies', () => {
    const thread = new TicketThread('t1', 'staff');
    thread.load(ticket(1), [post('p1', 't1'), post('n1', 't1', { visibility: 'internal', createdAt: at(31) })]);
    thread.apply(event('note.posted', ticket(1, { version: 2 }), { post: post('n2', 't1', { visibility: 'internal', createdAt: at(50) }) }));
    expect(thread.posts.map((p) => [p.id, p.visibility])).toEqual([['p1', 'public'], ['n1', 'internal'], ['n2', 'internal']]);
  });
});

function fakeLive(): SupportLive & { topics: string[]; log: string[] } {
  const topics: string[] = [];
  const log: string[] = [];
  return {
    connected: true,
    topics,
    log,
    subscribe: vi.fn(async (d: string) => { // like LiveConnection: once per destination
      if (!topics.includes(d)) topics.push(d);
      log.push(`subscribe ${d}`);
    }),
    unsubscribe: vi.fn((d: string) => { topics.splice(topics.indexOf(d), 1); log.push(`unsubscribe ${d}`); }),
  };
}

function fakePort(cfg: SupportConfig, tickets: Ticket[], posts: TicketPost[] = [], log: string[] = []): SupportPort {
  const never = () => Promise.reject(new Error('not in this test'));
  const find = (id: string) => tickets.find((t) => t.id === id)!;
  return {
    config: async () => cfg,
    tickets: async () => tickets,
    queue: async () => tickets,
    counts: async () => ({ active: tickets.length, queues: {} }),
    ticket: async (id) => { log.push(`GET ticket ${id}`); return find(id); },
    posts: async (id) => { log.push(`GET posts ${id}`); return posts.filter((p) => p.ticketId === id); },
    viewers: async () => ({ viewers: [] }),
    open: never, reply: never, note: never, claim: never, assign: never, transfer: never, prioritize: never, setStatus: never,
    reopen: never, rate: never, cannedResponses: async () => [], createCanned: never, deleteCanned: never, renderCanned: never,
    metrics: never,
  };
}

describe('SupportModel', () => {
  it('requester side: follows its federation topic and the public ticket topic only, subscribing before loading', async () => {
    const live = fakeLive();
    const t1 = forRequester(ticket(1));
    const model = new SupportModel(fakePort(requesterConfig, [t1], [post('p1', 't1')], live.log), live, coordinator);
    await model.onConnected();
    await model.show({ kind: 'mine' });
    await model.show({ kind: 'ticket', id: 't1' });
    expect(live.topics).toEqual(['/topic/support.federations.29', '/topic/support.tickets.t1']);
    expect(live.topics.some((d) => d === QUEUE_TOPIC || d.endsWith('.staff'))).toBe(false);
    expect(live.log.indexOf('subscribe /topic/support.tickets.t1')).toBeLessThan(live.log.indexOf('GET ticket t1'));

    // A staff answer arrives live; a stray internal note (it should never come) is not shown.
    model.onFrame(event('reply.posted', forRequester(ticket(1, { status: 'open', updatedAt: at(30) })), { post: post('p2', 't1', { createdAt: at(35) }) }),
      '/topic/support.tickets.t1');
    model.onFrame(event('note.posted', ticket(1, { updatedAt: at(31) }), { post: post('n1', 't1', { visibility: 'internal' }) }),
      '/topic/support.tickets.t1');
    expect(model.thread?.posts.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(model.thread?.ticket?.status).toBe('open');

    // The federation list follows live too, and a new ticket of the federation is inserted.
    model.onFrame(event('ticket.opened', forRequester(ticket(2, { updatedAt: at(90) }))), '/topic/support.federations.29');
    expect(model.mine.map((t) => t.id)).toEqual(['t2', 't1']);

    // Leaving the ticket unsubscribes (the hub then tells the others we left).
    await model.show({ kind: 'mine' });
    expect(live.topics).toEqual(['/topic/support.federations.29']);
  });

  it('staff side: the queue applies live events through the filter and raises SLA alerts', async () => {
    const live = fakeLive();
    const model = new SupportModel(fakePort(config, [ticket(1), ticket(2)]), live, staffer);
    await model.onConnected();
    expect(live.topics).toContain(QUEUE_TOPIC);
    await model.setQueueFilter({ assignee: 'none' });
    model.onFrame(event('ticket.claimed', ticket(1, { assignee: carla, status: 'open', version: 2 })), QUEUE_TOPIC);
    expect(model.queue.map((t) => t.id)).toEqual(['t2']);
    model.onFrame(event('ticket.opened', ticket(3)), QUEUE_TOPIC);
    expect(model.queue.map((t) => t.id)).toEqual(['t2', 't3']);
    model.onFrame(event('sla.at_risk', ticket(2), { timer: 'first_response', dueAt: at(482) }), QUEUE_TOPIC);
    expect(model.alerts.map((a) => [a.number, a.type, a.timer])).toEqual([[2, 'sla.at_risk', 'first_response']]);
    expect([...(model.atRisk.get('t2') ?? [])]).toEqual(['first_response']);
  });

  it('staff side: opens the ticket on the staff topic and shows who won a claim race', async () => {
    const live = fakeLive();
    const port = fakePort(config, [ticket(1)], [post('p1', 't1'), post('n1', 't1', { visibility: 'internal' })]);
    port.claim = async () => { throw new ApiError('ticket_already_claimed', 'Carla (siège) has already claimed ticket #1', 409); };
    port.ticket = async () => ticket(1, { assignee: carla, status: 'open', version: 2 });
    const model = new SupportModel(port, live, staffer);
    await model.onConnected();
    await model.show({ kind: 'ticket', id: 't1' });
    expect(live.topics).toContain('/topic/support.tickets.t1.staff');
    expect(live.topics).not.toContain('/topic/support.tickets.t1');
    expect(model.thread?.posts.map((p) => p.visibility)).toEqual(['public', 'internal']);
    await model.claim();
    expect(model.claimLost).toContain('Carla');
    expect(model.thread?.ticket?.assignee?.id).toBe(carla.id);
  });

  it('resends a failed reply with the same clientMessageId', async () => {
    const live = fakeLive();
    const port = fakePort(requesterConfig, [forRequester(ticket(1))]);
    const sent: string[] = [];
    let fail = true;
    port.reply = async (_id, body) => {
      sent.push(body.clientMessageId);
      if (fail) throw new ApiError('network', 'down');
      return post('p9', 't1', { author: alice, fromStaff: false, clientMessageId: body.clientMessageId });
    };
    let n = 0;
    const model = new SupportModel(port, live, coordinator, () => Date.now(), () => `cm-${++n}`);
    await model.onConnected();
    await model.show({ kind: 'ticket', id: 't1' });
    expect(await model.post('Merci !')).toBe(false);
    expect(model.pending.map((p) => p.state)).toEqual(['failed']);
    fail = false;
    await model.onConnected(); // back online: transient failures are sent again
    expect(sent).toEqual(['cm-1', 'cm-1']);
    expect(model.pending).toEqual([]);
    expect(model.thread?.posts.map((p) => p.id)).toEqual(['p9']);
  });

  it('offers reopening only within the window, and rating only once resolved', async () => {
    const now = Date.parse(at(100));
    const live = fakeLive();
    const resolved = forRequester(ticket(1, { status: 'resolved', resolvedAt: at(90), reopenableUntil: at(200) }));
    const model = new SupportModel(fakePort(requesterConfig, [resolved]), live, coordinator, () => now);
    await model.onConnected();
    await model.show({ kind: 'ticket', id: 't1' });
    expect(model.canReopen()).toBe(true);
    expect(model.canRate()).toBe(true);
    model.thread!.setTicket({ ...resolved, reopenableUntil: at(99), updatedAt: at(95) });
    expect(model.canReopen()).toBe(false);
    model.thread!.setTicket({ ...resolved, status: 'open', reopenableUntil: null, updatedAt: at(96) });
    expect(model.canRate()).toBe(false);
  });
});

describe('support frames and catalogues', () => {
  it('the event router hands support topics and support mentions to the support handler', () => {
    const seen: string[] = [];
    const handlers = {
      channelEvent: () => seen.push('channel'), typing: () => {}, notification: () => seen.push('notification'),
      error: () => {}, presence: () => {}, support: (_e: unknown, d: string) => seen.push(`support ${d}`),
    };
    routeFrame('/topic/support.queue', JSON.stringify(event('ticket.opened', ticket(1))), handlers);
    routeFrame('/user/queue/events', JSON.stringify({ type: 'support.mention', ticketId: 't1' }), handlers);
    routeFrame('/user/queue/events', JSON.stringify({ type: 'mention', channelId: 'fed-29' }), handlers);
    expect(seen).toEqual(['support /topic/support.queue', 'support /user/queue/events', 'notification']);
  });

  it('has the same support keys in French and English, and the base keys are untouched', () => {
    expect(Object.keys(supportEn).sort()).toEqual(Object.keys(supportFr).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    expect(new I18n('fr').t('support.status.waiting_on_requester')).toBe('En attente de la fédération');
    expect(new I18n('en').t('support.queue.count', { unassigned: 1, breached: 0 })).toBe('1 unassigned · 0 late');
  });
});
