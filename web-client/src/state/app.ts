import { AccountApi } from '../api/account';
import { BotsApi, type SlashCommand } from '../api/bots';
import { ApiError } from '../api/errors';
import { RelayApi } from '../api/relay';
import { MeetingsApi } from '../api/meetings';
import { SupportApi } from '../api/support';
import type { LiveConnection } from '../api/live';
import type { RestClient } from '../api/rest';
import type {
  Attachment, ChannelEvent, ChannelSummary, FileLimits, Message, PersonalNotification, User,
} from '../api/types';
import { AccountModel } from './account/model';
import { checkUpload } from './files';
import { PendingQueue, type KeyValueStore, type Outgoing } from './pending';
import { routeFrame } from './router';
import { MeetingsModel } from './meetings/model';
import { invokedCommand } from './relay/commands';
import { RelayModel } from './relay/model';
import { SupportModel } from './support/model';
import { Timeline, catchUp, type Applied } from './timeline';
import { TypingTracker } from './typing';
import { UnreadCounter } from './unread';
import { ChangeNotifier } from './notifier';

export type Panel = { kind: 'none' } | { kind: 'thread'; rootId: string } | { kind: 'search' } | { kind: 'pins' }
  | { kind: 'browse' } | { kind: 'newDm' };

export interface Upload {
  key: string;
  name: string;
  progress: number;
  file?: Attachment;
  error?: string;
}

export interface Notifier {
  notify(title: string, body: string, onClick: () => void): void;
  visible(): boolean;
}

const PAGE = 50;

/**
 * The signed-in session's view model: everything the screens show, and every action they offer.
 * No DOM here (notifications and storage come through ports); views subscribe and re-render on change.
 */
export class AppModel extends ChangeNotifier {
  me: User | null = null;
  channels: ChannelSummary[] = [];
  activeId: string | null = null;
  panel: Panel = { kind: 'none' };
  connection: 'connecting' | 'online' | 'offline' = 'offline';
  everConnected = false;
  presence = new Map<string, string>();
  notice: { key: string; detail?: string; params?: Record<string, string> } | null = null;
  searchResults: Message[] | null = null;
  pins: Message[] | null = null;
  highlightId: string | null = null;
  uploads = new Map<string, Upload[]>();
  limits: FileLimits | null = null;
  readonly timelines = new Map<string, Timeline>();
  readonly pending: PendingQueue;
  unread = new UnreadCounter('');
  typing = new TypingTracker('');
  joined: Set<string>;
  muted: Set<string>;
  /** The support line's view model (tickets to HQ), once signed in. */
  support: SupportModel | null = null;
  /** Meetings (video) and live sessions, once signed in. */
  meetings: MeetingsModel | null = null;
  /** Content relay (proposals, review, consigne boards) and the bots screen, once signed in. */
  relay: RelayModel | null = null;
  /** "My account": sessions, personal tokens, two-factor, password; once signed in. */
  account: AccountModel | null = null;
  /** Registered slash commands (composer autocomplete), loaded when first needed. */
  commands: SlashCommand[] | null = null;

  private lastTypingSent = 0;
  private readonly refreshingParents = new Set<string>();

  constructor(
    readonly rest: RestClient,
    readonly live: LiveConnection,
    private readonly store: KeyValueStore,
    private readonly notifier: Notifier,
  ) {
    super();
    this.pending = new PendingQueue(store);
    this.pending.onChange = () => this.changed();
    this.pending.onRouted = () => this.setNotice('bots.commandSent');
    this.joined = new Set(JSON.parse(store.getItem('relais.joined') ?? '[]') as string[]);
    this.muted = new Set(JSON.parse(store.getItem('relais.muted') ?? '[]') as string[]);
    live.onState = (s) => {
      this.connection = s;
      this.changed();
    };
    live.onConnected = () => void this.onConnected();
    live.onFrame = (destination, body) => routeFrame(destination, body, {
      channelEvent: (e) => this.onChannelEvent(e),
      typing: (e) => {
        this.typing.onTyping(e);
        this.changed();
        setTimeout(() => this.changed(), 5100);
      },
      notification: (n) => this.onNotification(n),
      error: (e) => {
        if (!live.rejectReceipt(e)) this.setNotice('error.generic', e.message);
      },
      presence: (p) => {
        this.presence.set(p.userId, p.status);
        this.changed();
      },
      support: (e, destination) => this.support?.onFrame(e, destination),
      meetings: (e, destination) => this.meetings?.onFrame(e, destination),
      relay: (e) => {
        if (e.type === 'webhook.failed') {
          this.relay?.bots?.onFailed(e);
          this.setNotice('bots.webhookFailed', e.lastError ?? undefined);
        } else if (e.type === 'command.reply') {
          // CHANNEL replies arrive as ordinary bot messages; CALLER ones are a note for this person only.
          const reply = e.invocation.reply;
          if (reply?.visibility === 'CALLER') this.notice = { key: 'bots.commandReply', params: { bot: e.bot.username, text: reply.text } };
          this.changed();
        } else this.relay?.onFrame(e);
      },
    });
  }

  // ---- session -------------------------------------------------------------------------------

  async start(token: string): Promise<void> {
    this.rest.token = token;
    this.me = await this.rest.me();
    this.unread = new UnreadCounter(this.me.id);
    this.typing = new TypingTracker(this.me.id);
    this.support = new SupportModel(new SupportApi(this.rest), this.live, this.me);
    this.support.subscribe(() => this.changed());
    void this.support.start();
    this.meetings = new MeetingsModel(new MeetingsApi(this.rest), this.live, this.me);
    this.meetings.subscribe(() => this.changed());
    void this.meetings.start();
    if (!this.me.bot) {
      this.relay = new RelayModel(new RelayApi(this.rest), this.live, this.me, new BotsApi(this.rest));
      this.relay.subscribe(() => this.changed());
      void this.relay.start();
    }
    this.account = new AccountModel(new AccountApi(this.rest), this.me, () => this.rest.onUnauthenticated());
    this.account.subscribe(() => this.changed());
    await this.reloadChannels();
    this.rest.fileLimits().then((l) => { this.limits = l; }).catch(() => {});
    const first = this.sidebar()[0];
    if (!this.activeId && first) void this.open(first.id);
    this.live.connect(token);
    this.changed();
  }

  stop(): void {
    this.live.disconnect();
  }

  private async onConnected(): Promise<void> {
    try {
      await Promise.all([
        this.live.subscribe('/user/queue/events'),
        this.live.subscribe('/user/queue/errors'),
        this.live.subscribe('/topic/presence'),
        ...this.channels.map((c) => this.live.subscribe(`/topic/channels.${c.id}`)),
      ]);
      // Subscriptions are live: what happened before is fetched now, what happens next arrives live.
      await this.reloadChannels();
      await Promise.all([...this.timelines.values()].filter((t) => t.loaded).map((t) => this.resync(t)));
      this.everConnected = true;
      void this.support?.onConnected();
      void this.meetings?.onConnected();
      void this.relay?.onConnected();
      this.live.publish('/app/presence', { status: 'online' });
      this.markActiveRead();
      await this.flushPending();
      this.changed();
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'disconnected')) this.setNotice('error.generic', String(e));
    }
  }

  async reloadChannels(): Promise<void> {
    this.channels = await this.rest.channels();
    this.unread.load(this.channels);
    if (this.live.connected) {
      await Promise.all(this.channels.map((c) => this.live.subscribe(`/topic/channels.${c.id}`)));
    }
    const ids = [...new Set(this.channels.filter((c) => c.kind === 'DIRECT').flatMap((c) => c.memberIds))];
    if (ids.length) this.rest.presence(ids).then((p) => { for (const [k, v] of Object.entries(p)) this.presence.set(k, v); this.changed(); }).catch(() => {});
    this.changed();
  }

  // ---- sidebar -------------------------------------------------------------------------------

  /** Channels shown in the sidebar: own federation, national, groups, DMs, and those joined. */
  sidebar(): ChannelSummary[] {
    const fed = this.me?.federation;
    return this.channels.filter((c) => c.kind !== 'FEDERATION' || c.federation === fed || this.joined.has(c.id)
      || this.activeId === c.id);
  }

  /** Public channels the user may open but has not in the sidebar. */
  browsable(): ChannelSummary[] {
    const shown = new Set(this.sidebar().map((c) => c.id));
    return this.channels.filter((c) => !shown.has(c.id) && (c.kind === 'FEDERATION' || c.kind === 'NATIONAL'));
  }

  join(channelId: string): void {
    this.joined.add(channelId);
    this.store.setItem('relais.joined', JSON.stringify([...this.joined]));
    void this.open(channelId);
  }

  toggleMute(channelId: string): void {
    if (this.muted.has(channelId)) this.muted.delete(channelId);
    else this.muted.add(channelId);
    this.store.setItem('relais.muted', JSON.stringify([...this.muted]));
    this.changed();
  }

  channel(id: string | null): ChannelSummary | undefined {
    return this.channels.find((c) => c.id === id);
  }

  // ---- a channel -----------------------------------------------------------------------------

  timeline(channelId: string): Timeline {
    let t = this.timelines.get(channelId);
    if (!t) {
      t = new Timeline(channelId);
      const tl = t;
      t.onGap = () => void this.resync(tl);
      this.timelines.set(channelId, t);
    }
    return t;
  }

  async open(channelId: string, highlightId?: string): Promise<void> {
    this.activeId = channelId;
    this.highlightId = highlightId ?? null;
    if (this.panel.kind === 'thread' || this.panel.kind === 'pins' || this.panel.kind === 'browse') this.panel = { kind: 'none' };
    this.changed();
    const t = this.timeline(channelId);
    try {
      if (!t.loaded) {
        t.loadNewest(await this.rest.newestMessages(channelId, PAGE), PAGE);
        this.changed();
        await this.resync(t);
      }
      if (highlightId && !t.get(highlightId)) await this.loadUntil(t, highlightId);
    } catch (e) {
      this.fail(e);
    }
    this.markActiveRead();
    this.changed();
  }

  async loadOlder(): Promise<void> {
    const t = this.activeId ? this.timelines.get(this.activeId) : undefined;
    if (!t || !t.hasOlder || !Number.isFinite(t.oldestSeq)) return;
    try {
      t.loadOlder(await this.rest.messagesBefore(t.channelId, t.oldestSeq, PAGE), PAGE);
      this.changed();
    } catch (e) {
      this.fail(e);
    }
  }

  private async loadUntil(t: Timeline, messageId: string): Promise<void> {
    for (let i = 0; i < 20 && !t.get(messageId) && t.hasOlder; i++) {
      t.loadOlder(await this.rest.messagesBefore(t.channelId, t.oldestSeq, 200), 200);
    }
  }

  private async resync(t: Timeline): Promise<void> {
    try {
      const result = await catchUp(t, (after) => this.rest.events(t.channelId, after));
      if (result === 'too-far-behind') {
        t.reset();
        t.loadNewest(await this.rest.newestMessages(t.channelId, PAGE), PAGE);
        await this.resync(t);
        return;
      }
      for (const a of result) this.afterApplied(a);
    } catch (e) {
      if (!(e instanceof ApiError && e.transient)) this.fail(e);
    }
    this.changed();
  }

  private onChannelEvent(event: ChannelEvent): void {
    const reading = event.channelId === this.activeId && this.notifier.visible();
    this.unread.onEvent(event, reading);
    if (event.type === 'message.created') this.typing.stopped(event.channelId, event.author.id, event.threadId ?? undefined);
    const t = this.timelines.get(event.channelId);
    if (t?.loaded) {
      const applied = t.onLive(event);
      if (applied) this.afterApplied(applied);
    } else if (event.type === 'message.created') {
      this.pending.confirm(event.clientMessageId);
    }
    if (reading && event.type === 'message.created' && event.author.id !== this.me?.id) this.markActiveRead();
    this.changed();
  }

  private afterApplied(a: Applied): void {
    if (a.event.type === 'message.created' && a.message.author.id === this.me?.id) this.pending.confirm(a.message.clientMessageId);
    if (a.replyTo && !this.refreshingParents.has(a.replyTo)) {
      const parentId = a.replyTo;
      this.refreshingParents.add(parentId);
      this.rest.message(parentId).then((m) => {
        this.timelines.get(m.channelId)?.refresh(m);
        this.changed();
      }).catch(() => {}).finally(() => this.refreshingParents.delete(parentId));
    }
  }

  markActiveRead(): void {
    const id = this.activeId;
    if (!id || !this.notifier.visible()) return;
    const t = this.timelines.get(id);
    const seq = Math.max(t?.lastSeq ?? 0, this.unread.get(id).lastSeq);
    if (seq <= 0) return;
    if (this.unread.markRead(id, seq)) {
      if (this.live.connected) this.live.publish(`/app/channels.${id}.read`, { seq });
      else this.rest.markRead(id, seq).catch(() => {});
      this.changed();
    }
  }

  // ---- writing -------------------------------------------------------------------------------

  /** Queues a message and sends it now if connected; it shows as pending until the hub's receipt. */
  send(channelId: string, text: string, threadId?: string): Outgoing | null {
    const attachments = (this.uploads.get(uploadKey(channelId, threadId)) ?? []).filter((u) => u.file).map((u) => u.file!);
    if (!text.trim() && attachments.length === 0) return null;
    if ((this.uploads.get(uploadKey(channelId, threadId)) ?? []).some((u) => !u.file && !u.error)) {
      this.setNotice('upload.wait');
      return null;
    }
    const item = this.pending.enqueue({
      clientMessageId: newClientMessageId(), channelId, text: text.trim(), threadId, attachments,
    });
    this.uploads.delete(uploadKey(channelId, threadId));
    void this.flushPending();
    this.changed();
    return item;
  }

  /** Registered slash commands for the composer (loaded once; an empty list if the hub has none). */
  loadCommands(): void {
    if (this.commands || !this.relay?.bots) return;
    this.commands = [];
    new BotsApi(this.rest).commands().then((list) => { this.commands = list; this.changed(); }).catch(() => { this.commands = null; });
  }

  /**
   * A text naming a registered slash command goes to its bot (`POST /channels/{id}/commands`) instead of
   * the channel; false when the text is not one (the caller posts it as a message).
   */
  sendCommand(channelId: string, text: string, threadId?: string): boolean {
    const command = threadId || !this.commands ? null : invokedCommand(this.commands, text);
    if (!command || this.uploadsFor(channelId).length > 0) return false;
    this.rest.request('POST', `/api/v1/channels/${encodeURIComponent(channelId)}/commands`, { text: text.trim(), clientCommandId: newClientMessageId() })
      .then(() => this.setNotice('bots.commandSentTo', undefined, { bot: command.botUsername }))
      .catch((e: unknown) => this.fail(e));
    return true;
  }

  flushPending(): Promise<void> {
    if (!this.live.connected) return Promise.resolve();
    return this.pending.flush((o) => this.live.send(`/app/channels.${o.channelId}.send`, {
      text: o.text, clientMessageId: o.clientMessageId, threadId: o.threadId,
      attachmentIds: o.attachments.map((a) => a.id),
    }));
  }

  retryPending(clientMessageId: string): void {
    this.pending.retry(clientMessageId);
    void this.flushPending();
  }

  sendTyping(channelId: string, threadId?: string): void {
    const now = Date.now();
    if (now - this.lastTypingSent < 2000) return;
    this.lastTypingSent = now;
    this.live.publish(`/app/channels.${channelId}.typing`, threadId ? { threadId } : {});
  }

  /** The user's newest editable message in the channel (↑ in an empty composer edits it). */
  lastOwnMessage(channelId: string, threadId?: string): Message | undefined {
    const t = this.timelines.get(channelId);
    const list = threadId ? t?.replies(threadId) : t?.messages();
    return [...(list ?? [])].reverse().find((m) => m.author.id === this.me?.id && !m.deleted);
  }

  async edit(messageId: string, text: string): Promise<void> {
    await this.act(() => this.rest.edit(messageId, text));
  }

  async remove(messageId: string): Promise<void> {
    await this.act(() => this.rest.remove(messageId));
  }

  async toggleReaction(message: Message, emoji: string): Promise<void> {
    const mine = (message.reactions[emoji] ?? []).includes(this.me?.id ?? '');
    await this.act(() => this.rest.react(message.id, emoji, !mine));
  }

  async togglePin(message: Message): Promise<void> {
    await this.act(() => this.rest.pin(message.id, !message.pinned));
    if (this.panel.kind === 'pins') await this.showPins();
  }

  private async act(call: () => Promise<Message>): Promise<void> {
    try {
      const m = await call();
      this.timelines.get(m.channelId)?.refresh(m);
      this.changed();
    } catch (e) {
      this.fail(e);
    }
  }

  // ---- attachments ---------------------------------------------------------------------------

  async attach(channelId: string, file: File, threadId?: string): Promise<void> {
    const key = uploadKey(channelId, threadId);
    const list = this.uploads.get(key) ?? [];
    const upload: Upload = { key: `${Date.now()}-${Math.random()}`, name: file.name, progress: 0 };
    this.uploads.set(key, [...list, upload]);
    const problem = checkUpload(file, this.limits, list.length);
    if (problem) {
      upload.error = problem;
      this.changed();
      return;
    }
    this.changed();
    try {
      upload.file = await this.rest.upload(file, file.name, (p) => {
        upload.progress = Math.min(p, 0.99); // 100 % once the hub has stored it
        this.changed();
      });
      upload.progress = 1;
    } catch (e) {
      upload.error = e instanceof ApiError && e.code === 'frame_too_large' ? 'upload.tooLarge'
        : e instanceof ApiError && e.code === 'validation_failed' ? 'upload.badType' : 'upload.failed';
    }
    this.changed();
  }

  removeUpload(channelId: string, key: string, threadId?: string): void {
    const k = uploadKey(channelId, threadId);
    this.uploads.set(k, (this.uploads.get(k) ?? []).filter((u) => u.key !== key));
    this.changed();
  }

  uploadsFor(channelId: string, threadId?: string): Upload[] {
    return this.uploads.get(uploadKey(channelId, threadId)) ?? [];
  }

  // ---- panels --------------------------------------------------------------------------------

  async openThread(rootId: string): Promise<void> {
    if (!this.activeId) return;
    this.panel = { kind: 'thread', rootId };
    this.changed();
    try {
      this.timeline(this.activeId).loadThread(rootId, await this.rest.thread(rootId));
    } catch (e) {
      this.fail(e);
    }
    this.changed();
  }

  showPanel(panel: Panel): void {
    this.panel = panel;
    if (panel.kind === 'pins') void this.showPins();
    this.changed();
  }

  private async showPins(): Promise<void> {
    if (!this.activeId) return;
    try {
      this.pins = await this.rest.pins(this.activeId);
    } catch (e) {
      this.fail(e);
    }
    this.changed();
  }

  async search(query: string): Promise<void> {
    this.panel = { kind: 'search' };
    this.searchResults = null;
    this.changed();
    if (!query.trim()) return;
    try {
      this.searchResults = await this.rest.search(query.trim());
    } catch (e) {
      this.searchResults = [];
      this.fail(e);
    }
    this.changed();
  }

  async jumpTo(message: Message): Promise<void> {
    if (message.threadId) {
      await this.open(message.channelId);
      await this.openThread(message.threadId);
      this.highlightId = message.id;
      this.changed();
      return;
    }
    this.panel = { kind: 'none' };
    await this.open(message.channelId, message.id);
  }

  async startDirect(userIds: string[]): Promise<void> {
    try {
      const c = await this.rest.openDirect(userIds);
      await this.reloadChannels();
      this.panel = { kind: 'none' };
      await this.open(c.id);
    } catch (e) {
      this.fail(e);
    }
  }

  // ---- notifications -------------------------------------------------------------------------

  private onNotification(n: PersonalNotification): void {
    if (!this.channel(n.channelId)) void this.reloadChannels();
    if (this.muted.has(n.channelId)) return;
    if (n.channelId === this.activeId && this.notifier.visible()) return;
    this.notifier.notify(`${n.author.displayName} · ${n.channelName}`, n.excerpt, () => void this.open(n.channelId, n.messageId));
  }

  setNotice(key: string, detail?: string, params?: Record<string, string>): void {
    this.notice = { key, detail, params };
    this.changed();
  }

  private fail(e: unknown): void {
    if (e instanceof ApiError) this.setNotice(`error.${e.code}`, e.message);
    else this.setNotice('error.generic', String(e));
  }
}

function uploadKey(channelId: string, threadId?: string): string {
  return threadId ? `${channelId}/${threadId}` : channelId;
}

export function newClientMessageId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
