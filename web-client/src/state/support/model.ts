import { ApiError } from '../../api/errors';
import type {
  CannedResponse, MetricsReport, NewTicket, Priority, QueueCounts, SlaTimerName, SupportConfig, SupportFrame,
  SupportMention, Ticket, TicketEvent, TicketListQuery, TicketPost, TicketStatus,
} from '../../api/support';
import type { UserRef, User } from '../../api/types';
import { DEFAULT_QUEUE_FILTER, applyToList, matchesFilter, queueQuery, sortTickets, type QueueFilter } from './queue';
import { TicketThread } from './thread';
import { ChangeNotifier } from '../notifier';

/** The REST calls the model needs (SupportApi in the app, a fake in tests). */
export interface SupportPort {
  config(): Promise<SupportConfig>;
  tickets(q: TicketListQuery): Promise<Ticket[]>;
  queue(q: TicketListQuery): Promise<Ticket[]>;
  counts(): Promise<QueueCounts>;
  ticket(id: string): Promise<Ticket>;
  posts(id: string): Promise<TicketPost[]>;
  viewers(id: string): Promise<{ viewers: UserRef[] }>;
  open(body: NewTicket): Promise<Ticket>;
  reply(id: string, body: { text?: string; attachmentIds?: string[]; clientMessageId: string; waitForRequester?: boolean }): Promise<TicketPost>;
  note(id: string, text: string, clientMessageId: string): Promise<TicketPost>;
  claim(id: string): Promise<Ticket>;
  assign(id: string, assigneeId: string | null): Promise<Ticket>;
  transfer(id: string, queue: string): Promise<Ticket>;
  prioritize(id: string, priority: Priority): Promise<Ticket>;
  setStatus(id: string, status: TicketStatus): Promise<Ticket>;
  reopen(id: string): Promise<Ticket>;
  rate(id: string, rating: number, comment: string): Promise<Ticket>;
  cannedResponses(): Promise<CannedResponse[]>;
  createCanned(title: string, body: string): Promise<CannedResponse>;
  deleteCanned(id: string): Promise<void>;
  renderCanned(ticketId: string, cannedId: string): Promise<{ text: string }>;
  metrics(q: { from: string; to: string; federation?: string; category?: string }): Promise<MetricsReport>;
}

/** The STOMP side the model needs: subscriptions confirmed by a receipt. */
export interface SupportLive {
  readonly connected: boolean;
  subscribe(destination: string): Promise<void>;
  unsubscribe(destination: string): void;
}

export type SupportScreen =
  | { kind: 'mine' }
  | { kind: 'new' }
  | { kind: 'queue' }
  | { kind: 'metrics' }
  | { kind: 'canned' }
  | { kind: 'ticket'; id: string };

/** A reply or note written here and not yet confirmed by the hub; resent with the same clientMessageId. */
export interface PendingPost {
  clientMessageId: string;
  ticketId: string;
  internal: boolean;
  text: string;
  attachmentIds: string[];
  waitForRequester: boolean;
  state: 'sending' | 'failed';
  error?: string;
}

export interface SlaAlert {
  key: string;
  ticketId: string;
  number: number;
  subject: string;
  type: 'sla.at_risk' | 'sla.breached';
  timer: SlaTimerName;
  at: string;
}

export interface MetricsQuery {
  from: string;
  to: string;
  federation: string;
  category: string;
}

export const QUEUE_TOPIC = '/topic/support.queue';
const COUNTS_DEBOUNCE_MS = 1000;
const MAX_ALERTS = 20;
/** Events of the federation topic that change nothing a list shows are still applied: each carries the ticket. */
const REQUESTER_LIST_EVENTS = new Set(['ticket.opened', 'ticket.claimed', 'ticket.assigned', 'ticket.status_changed',
  'ticket.updated', 'reply.posted', 'ticket.rated']);

/**
 * The "Support" area's view model, for the requester side (my federation's tickets, a new ticket) and
 * for staff (the live queue, counts, SLA alerts, metrics, canned responses); both open tickets through
 * a {@link TicketThread}. Live events come from the app's one event router ({@link onFrame}); after every
 * (re)connection {@link onConnected} subscribes first, then reloads what is on screen.
 */
export class SupportModel extends ChangeNotifier {
  config: SupportConfig | null = null;
  /** Whether this hub has a support line this user may use (the Support entry is shown). */
  available = false;
  screen: SupportScreen = { kind: 'mine' };
  mine: Ticket[] = [];
  mineLoaded = false;
  queue: Ticket[] = [];
  queueLoaded = false;
  queueFilter: QueueFilter = { ...DEFAULT_QUEUE_FILTER, statuses: [...DEFAULT_QUEUE_FILTER.statuses] };
  counts: QueueCounts | null = null;
  thread: TicketThread | null = null;
  pending: PendingPost[] = [];
  canned: CannedResponse[] | null = null;
  metrics: MetricsReport | null = null;
  metricsQuery: MetricsQuery;
  metricsLoading = false;
  alerts: SlaAlert[] = [];
  /** Timers the hub flagged at risk by a live `sla.at_risk`, per ticket (breaches show in the ticket's own sla). */
  atRisk = new Map<string, Set<SlaTimerName>>();
  mentions: SupportMention[] = [];
  /** Who won a claim race we lost (their name, or the hub's message), shown beside the ticket's actions. */
  claimLost: string | null = null;
  notice: { key: string; detail?: string } | null = null;
  busy = false;

  private ready: Promise<void> | null = null;
  private countsTimer: ReturnType<typeof setTimeout> | null = null;
  private queueRequest = 0;

  constructor(
    private readonly api: SupportPort,
    private readonly live: SupportLive,
    readonly me: User,
    private readonly now: () => number = () => Date.now(),
    private readonly newId: () => string = defaultId,
  ) {
    super();
    const to = new Date(this.now());
    this.metricsQuery = { from: isoDay(new Date(to.getTime() - 30 * 86_400_000)), to: isoDay(to), federation: '', category: '' };
  }

  get staff(): boolean {
    return !!this.config?.staff;
  }

  get canOpen(): boolean {
    return !!this.config?.canOpen;
  }

  get federationTopic(): string | null {
    return this.canOpen && this.me.federation ? `/topic/support.federations.${this.me.federation}` : null;
  }

  // ---- start and (re)connection ---------------------------------------------------------------

  /** Reads the configuration once; the Support entry appears when the user may open tickets or is staff. */
  start(): Promise<void> {
    this.ready ??= this.api.config().then((c) => {
      this.config = c;
      this.available = c.canOpen || c.staff;
      this.screen = c.staff ? { kind: 'queue' } : { kind: 'mine' };
      this.changed();
    }).catch(() => {
      this.available = false; // a hub without a support line (404) or a refusal: no entry
      this.changed();
    });
    return this.ready;
  }

  /** After each (re)connection: subscribe first (receipts awaited), then reload, so no event falls between. */
  async onConnected(): Promise<void> {
    await this.start();
    if (!this.available) return;
    try {
      const topics = [this.staff ? QUEUE_TOPIC : null, this.federationTopic, this.thread?.topic ?? null]
        .filter((x): x is string => !!x);
      await Promise.all(topics.map((t) => this.live.subscribe(t)));
      await Promise.all([
        this.staff ? this.reloadQueue() : Promise.resolve(),
        this.staff ? this.reloadCounts() : Promise.resolve(),
        this.canOpen && this.mineLoaded ? this.reloadMine() : Promise.resolve(),
        this.thread ? this.reloadThread(this.thread) : Promise.resolve(),
      ]);
      await this.resendFailed(true);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'disconnected')) this.fail(e);
    }
  }

  // ---- navigation ------------------------------------------------------------------------------

  /** Whether the Support area is on screen (instead of a channel). */
  shown = false;

  /** Shows the Support area, on its last screen. */
  enter(): Promise<void> {
    this.shown = true;
    return this.show(this.screen);
  }

  /** Leaves the Support area (a channel was chosen): an open ticket is no longer being viewed. */
  leave(): void {
    if (!this.shown) return;
    this.shown = false;
    this.closeThread();
    if (this.screen.kind === 'ticket') this.screen = this.home;
    this.changed();
  }

  async show(screen: SupportScreen): Promise<void> {
    if (screen.kind !== 'ticket') this.closeThread();
    this.screen = screen;
    this.notice = null;
    this.changed();
    if (screen.kind === 'mine') await this.reloadMine();
    else if (screen.kind === 'queue') await Promise.all([this.reloadQueue(), this.reloadCounts()]);
    else if (screen.kind === 'metrics') await this.loadMetrics();
    else if (screen.kind === 'canned') await this.loadCanned();
    else if (screen.kind === 'ticket') await this.openTicket(screen.id);
  }

  /** The list the ticket view goes back to. */
  get home(): SupportScreen {
    return this.staff ? { kind: 'queue' } : { kind: 'mine' };
  }

  // ---- requester side --------------------------------------------------------------------------

  async reloadMine(): Promise<void> {
    if (!this.canOpen) return;
    try {
      const topic = this.federationTopic;
      if (topic && this.live.connected) await this.live.subscribe(topic);
      this.mine = sortTickets(await this.api.tickets({ sort: 'updated', limit: 100 }), 'updated');
      this.mineLoaded = true;
    } catch (e) {
      this.fail(e);
    }
    this.changed();
  }

  /** Opens a ticket; resolves with it (or null when refused: the notice says why). */
  async submitTicket(form: NewTicket): Promise<Ticket | null> {
    this.busy = true;
    this.changed();
    try {
      const t = await this.api.open(form);
      this.mine = applyToList(this.mine, eventOf(t), () => true, 'updated');
      this.busy = false;
      await this.show({ kind: 'ticket', id: t.id });
      return t;
    } catch (e) {
      this.busy = false;
      this.fail(e);
      return null;
    }
  }

  // ---- staff queue -----------------------------------------------------------------------------

  async setQueueFilter(change: Partial<QueueFilter>): Promise<void> {
    this.queueFilter = { ...this.queueFilter, ...change };
    this.changed();
    await this.reloadQueue();
  }

  async reloadQueue(): Promise<void> {
    if (!this.staff) return;
    const request = ++this.queueRequest;
    try {
      const list = await this.api.queue(queueQuery(this.queueFilter));
      if (request !== this.queueRequest) return; // a newer filter was asked for meanwhile
      this.queue = list;
      this.queueLoaded = true;
    } catch (e) {
      this.fail(e);
    }
    this.changed();
  }

  async reloadCounts(): Promise<void> {
    if (!this.staff) return;
    try {
      this.counts = await this.api.counts();
    } catch {
      // counts are a convenience; the list is what matters
    }
    this.changed();
  }

  private countsSoon(): void {
    if (this.countsTimer) clearTimeout(this.countsTimer);
    this.countsTimer = setTimeout(() => {
      this.countsTimer = null;
      void this.reloadCounts();
    }, COUNTS_DEBOUNCE_MS);
  }

  dismissAlert(key: string): void {
    this.alerts = this.alerts.filter((a) => a.key !== key);
    this.changed();
  }

  // ---- live events -------------------------------------------------------------------------------

  /** A support frame from the event router, with the destination it came on. */
  onFrame(event: SupportFrame, destination: string): void {
    if (event.type === 'support.mention') {
      this.mentions = [event, ...this.mentions.filter((m) => m.noteId !== event.noteId)].slice(0, 20);
      this.notice = { key: 'support.mentioned', detail: `#${event.number} · ${event.author.displayName}` };
      this.changed();
      return;
    }
    if (this.thread && destination === this.thread.topic) {
      if (this.thread.apply(event)) this.changed();
      return;
    }
    if (event.type === 'ticket.viewers') return;
    if (destination === QUEUE_TOPIC && this.staff) this.onQueueEvent(event);
    else if (destination === this.federationTopic) this.onFederationEvent(event);
  }

  private onQueueEvent(event: TicketEvent): void {
    this.queue = applyToList(this.queue, event, (t) => matchesFilter(t, this.queueFilter, this.me.id), this.queueFilter.sort);
    if (event.type === 'sla.at_risk' || event.type === 'sla.breached') {
      if (event.type === 'sla.at_risk' && event.timer) {
        this.atRisk.set(event.ticketId, new Set([...(this.atRisk.get(event.ticketId) ?? []), event.timer]));
      }
      const alert: SlaAlert = {
        key: `${event.ticketId}-${event.type}-${event.timer}`, ticketId: event.ticketId, number: event.number,
        subject: event.ticket.subject, type: event.type, timer: event.timer ?? 'first_response', at: event.at,
      };
      // A breach replaces the earlier "at risk" alert of the same timer.
      const same = (a: SlaAlert) => a.ticketId === alert.ticketId && a.timer === alert.timer;
      this.alerts = [alert, ...this.alerts.filter((a) => !same(a))].slice(0, MAX_ALERTS);
    }
    if (event.ticket && (event.ticket.status === 'resolved' || event.ticket.status === 'closed')) this.atRisk.delete(event.ticketId);
    this.countsSoon();
    this.changed();
  }

  private onFederationEvent(event: TicketEvent): void {
    if (!REQUESTER_LIST_EVENTS.has(event.type)) return;
    this.mine = applyToList(this.mine, event, () => true, 'updated');
    this.changed();
  }

  // ---- one ticket --------------------------------------------------------------------------------

  private async openTicket(id: string): Promise<void> {
    if (this.thread?.ticketId === id) return;
    this.closeThread();
    const thread = new TicketThread(id, this.staff ? 'staff' : 'requester');
    this.thread = thread;
    this.claimLost = null;
    this.changed();
    try {
      if (this.live.connected) await this.live.subscribe(thread.topic); // events from now on are buffered
      await this.reloadThread(thread);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'disconnected')) this.fail(e);
    }
  }

  private async reloadThread(thread: TicketThread): Promise<void> {
    try {
      const [ticket, posts, viewers] = await Promise.all([this.api.ticket(thread.ticketId), this.api.posts(thread.ticketId),
        this.api.viewers(thread.ticketId).then((v) => v.viewers).catch(() => undefined)]);
      if (this.thread !== thread) return;
      thread.load(ticket, posts, viewers);
      this.pending = this.pending.filter((p) => !thread.posts.some((x) => x.clientMessageId === p.clientMessageId));
    } catch (e) {
      this.fail(e);
    }
    this.changed();
  }

  closeThread(): void {
    if (!this.thread) return;
    this.live.unsubscribe(this.thread.topic); // the hub then tells the others we left
    this.thread = null;
    this.claimLost = null;
  }

  /** Sends a public reply (or, staff, an internal note); it shows as pending until the hub has stored it. */
  async post(text: string, options: { internal?: boolean; attachmentIds?: string[]; waitForRequester?: boolean } = {}): Promise<boolean> {
    const thread = this.thread;
    const trimmed = text.trim();
    if (!thread || (!trimmed && !options.attachmentIds?.length)) return false;
    const item: PendingPost = {
      clientMessageId: this.newId(), ticketId: thread.ticketId, internal: !!options.internal, text: trimmed,
      attachmentIds: options.attachmentIds ?? [], waitForRequester: !!options.waitForRequester, state: 'sending',
    };
    this.pending = [...this.pending, item];
    this.changed();
    return this.sendPending(item);
  }

  /** Sends a failed post again, with the same clientMessageId (the hub never stores it twice). */
  retry(clientMessageId: string): Promise<boolean> {
    const item = this.pending.find((p) => p.clientMessageId === clientMessageId);
    return item ? this.sendPending(item) : Promise.resolve(false);
  }

  discard(clientMessageId: string): void {
    this.pending = this.pending.filter((p) => p.clientMessageId !== clientMessageId);
    this.changed();
  }

  private async sendPending(item: PendingPost): Promise<boolean> {
    item.state = 'sending';
    item.error = undefined;
    this.changed();
    try {
      const stored = item.internal
        ? await this.api.note(item.ticketId, item.text, item.clientMessageId)
        : await this.api.reply(item.ticketId, {
          text: item.text || undefined, attachmentIds: item.attachmentIds.length ? item.attachmentIds : undefined,
          clientMessageId: item.clientMessageId, waitForRequester: this.staff ? item.waitForRequester : undefined,
        });
      this.pending = this.pending.filter((p) => p !== item);
      if (this.thread?.ticketId === item.ticketId) this.thread.addPost(stored);
      this.changed();
      return true;
    } catch (e) {
      item.state = 'failed';
      item.error = e instanceof ApiError ? e.code : 'generic';
      this.changed();
      return false;
    }
  }

  private async resendFailed(transientOnly: boolean): Promise<void> {
    for (const p of this.pending.filter((x) => x.state === 'failed')) {
      if (!transientOnly || ['network', 'disconnected', 'store_unavailable', 'overloaded', 'internal_error'].includes(p.error ?? '')) {
        await this.sendPending(p);
      }
    }
  }

  /** Posts still waiting for the hub — not those the live event has already shown as stored. */
  pendingFor(ticketId: string): PendingPost[] {
    const shown = this.thread?.ticketId === ticketId ? this.thread.posts : [];
    return this.pending.filter((p) => p.ticketId === ticketId && !shown.some((x) => x.clientMessageId === p.clientMessageId));
  }

  // ---- actions on the open ticket ---------------------------------------------------------------

  async claim(): Promise<void> {
    const id = this.thread?.ticketId;
    if (!id) return;
    this.claimLost = null;
    try {
      this.applyTicket(await this.api.claim(id));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ticket_already_claimed') {
        this.claimLost = e.message; // the hub's detail names the holder; their name from the ticket is better
        try {
          const now = await this.api.ticket(id);
          this.applyTicket(now);
          if (now.assignee) this.claimLost = now.assignee.displayName;
        } catch {
          // the live event will bring the ticket
        }
      } else {
        this.fail(e);
      }
    }
    this.changed();
  }

  assign(assigneeId: string | null): Promise<boolean> {
    return this.act((id) => this.api.assign(id, assigneeId));
  }

  transfer(queue: string): Promise<boolean> {
    return this.act((id) => this.api.transfer(id, queue));
  }

  prioritize(priority: Priority): Promise<boolean> {
    return this.act((id) => this.api.prioritize(id, priority));
  }

  setStatus(status: TicketStatus): Promise<boolean> {
    return this.act((id) => this.api.setStatus(id, status));
  }

  reopen(): Promise<boolean> {
    return this.act((id) => this.api.reopen(id));
  }

  async rate(rating: number, comment: string): Promise<boolean> {
    return this.act((id) => this.api.rate(id, rating, comment.trim()));
  }

  /** Whether the requester may still reopen the open ticket. */
  canReopen(): boolean {
    const t = this.thread?.ticket;
    return !!t && t.status === 'resolved' && !!t.reopenableUntil && Date.parse(t.reopenableUntil) > this.now();
  }

  canRate(): boolean {
    const t = this.thread?.ticket;
    return !this.staff && !!t && (t.status === 'resolved' || t.status === 'closed');
  }

  private async act(call: (ticketId: string) => Promise<Ticket>): Promise<boolean> {
    const id = this.thread?.ticketId;
    if (!id) return false;
    try {
      this.applyTicket(await call(id));
      this.changed();
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    }
  }

  private applyTicket(t: Ticket): void {
    this.thread?.setTicket(t);
    if (this.staff) this.queue = applyToList(this.queue, eventOf(t), (x) => matchesFilter(x, this.queueFilter, this.me.id), this.queueFilter.sort);
    else this.mine = applyToList(this.mine, eventOf(t), () => true, 'updated');
  }

  // ---- canned responses ---------------------------------------------------------------------------

  async loadCanned(): Promise<void> {
    if (!this.staff) return;
    try {
      this.canned = await this.api.cannedResponses();
    } catch (e) {
      this.canned = [];
      this.fail(e);
    }
    this.changed();
  }

  async createCanned(title: string, body: string): Promise<boolean> {
    try {
      const c = await this.api.createCanned(title.trim(), body);
      this.canned = [...(this.canned ?? []), c];
      this.changed();
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    }
  }

  async deleteCanned(id: string): Promise<void> {
    try {
      await this.api.deleteCanned(id);
      this.canned = (this.canned ?? []).filter((c) => c.id !== id);
      this.changed();
    } catch (e) {
      this.fail(e);
    }
  }

  /** A canned response with its variables filled for the open ticket, for the reply box. */
  async renderCanned(cannedId: string): Promise<string | null> {
    const id = this.thread?.ticketId;
    if (!id) return null;
    try {
      return (await this.api.renderCanned(id, cannedId)).text;
    } catch (e) {
      this.fail(e);
      return null;
    }
  }

  // ---- metrics -------------------------------------------------------------------------------------

  async loadMetrics(change: Partial<MetricsQuery> = {}): Promise<void> {
    if (!this.staff) return;
    this.metricsQuery = { ...this.metricsQuery, ...change };
    const q = this.metricsQuery;
    this.metricsLoading = true;
    this.changed();
    try {
      this.metrics = await this.api.metrics({
        from: `${q.from}T00:00:00Z`, to: new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000).toISOString(),
        federation: q.federation.trim() || undefined, category: q.category || undefined,
      });
    } catch (e) {
      this.fail(e);
    }
    this.metricsLoading = false;
    this.changed();
  }

  // ---- notices -------------------------------------------------------------------------------------

  dismissNotice(): void {
    this.notice = null;
    this.changed();
  }

  private fail(e: unknown): void {
    this.notice = e instanceof ApiError ? { key: `support.error.${e.code}`, detail: e.message } : { key: 'error.generic', detail: String(e) };
    this.changed();
  }
}

/** A ticket answered by a REST call, as if it came as an event (same list bookkeeping). */
function eventOf(t: Ticket): TicketEvent {
  return { type: 'ticket.updated', ticketId: t.id, number: t.number, at: t.updatedAt, ticket: t };
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function defaultId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
