import { ApiError } from '../../api/errors';
import type {
  CalendarFeed, Federation, JoinInfo, LiveFrame, LiveSettings, LiveState, LiveSession, LiveSummary, Meeting, MeetingBody,
  MeetingLiveEvent, Occurrence, OccurrenceChange, RsvpAnswer, RsvpCounts, VideoConfig,
} from '../../api/meetings';
import type { User } from '../../api/types';
import { canSchedule, currentOccurrence, isStaff, occurrenceId, sortOccurrences, withAnswer } from './agenda';
import { ChannelLive, NowLive } from './live';
import { ChangeNotifier } from '../notifier';

/** The REST calls the model needs (MeetingsApi in the app, a fake in tests). */
export interface MeetingsPort {
  video(): Promise<VideoConfig>;
  agenda(from: string, to: string): Promise<Occurrence[]>;
  now(): Promise<Occurrence[]>;
  channelNow(channelId: string): Promise<Occurrence[]>;
  meeting(id: string): Promise<Meeting>;
  create(body: MeetingBody): Promise<Meeting>;
  update(id: string, body: MeetingBody): Promise<Meeting>;
  cancel(id: string): Promise<Meeting>;
  occurrences(id: string): Promise<Occurrence[]>;
  changeOccurrence(id: string, key: string, change: OccurrenceChange): Promise<Occurrence>;
  cancelOccurrence(id: string, key: string): Promise<Occurrence>;
  rsvp(id: string, key: string): Promise<RsvpCounts>;
  answer(id: string, key: string, answer: RsvpAnswer): Promise<RsvpCounts>;
  join(id: string, key?: string): Promise<JoinInfo>;
  feed(): Promise<CalendarFeed>;
  resetFeed(): Promise<CalendarFeed>;
  federations(): Promise<Federation[]>;
  liveState(channelId: string): Promise<LiveState>;
  startLive(channelId: string, s: LiveSettings): Promise<LiveSession>;
  updateLive(channelId: string, s: LiveSettings): Promise<LiveSession>;
  endLive(channelId: string): Promise<LiveSummary>;
  calendar(path: string): Promise<string>;
}

/** The STOMP side: subscriptions and SENDs confirmed by a receipt. */
export interface MeetingsLive {
  readonly connected: boolean;
  subscribe(destination: string): Promise<void>;
  unsubscribe(destination: string): void;
  send(destination: string, body: unknown): Promise<void>;
}

export type MeetingsScreen =
  | { kind: 'list' }
  | { kind: 'new' }
  | { kind: 'meeting'; id: string }
  | { kind: 'edit'; id: string };

export type JoinState =
  | { state: 'idle' }
  | { state: 'joining' }
  | { state: 'joined'; info: JoinInfo }
  | { state: 'failed'; code: string; detail?: string; info?: JoinInfo };

const AGENDA_DAYS = 60;
const RSVP_PRELOAD = 30;

/**
 * The meetings area's view model (my occurrences with answers, a meeting's page with its Jitsi room, the
 * form, my calendar feed) and the "now live" state the sidebar and channels show (meetings in progress,
 * a channel's live session). Live events come from the app's one event router ({@link onFrame}); after
 * every (re)connection {@link onConnected} subscribes first, then reloads, since live events have no seq.
 */
export class MeetingsModel extends ChangeNotifier {
  shown = false;
  screen: MeetingsScreen = { kind: 'list' };
  video: VideoConfig | null = null;
  agenda: Occurrence[] = [];
  agendaLoaded = false;
  /** RSVP counts by occurrence id (`meetingId/key`). */
  readonly rsvp = new Map<string, RsvpCounts>();
  /** Counts the viewer's answers: a load that started before the latest answer must not replace it. */
  private answers = 0;
  meeting: Meeting | null = null;
  occurrences: Occurrence[] = [];
  selectedKey: string | null = null;
  join: JoinState = { state: 'idle' };
  feed: CalendarFeed | null = null;
  federations: Federation[] = [];
  readonly nowLive = new NowLive();
  channelLive: ChannelLive | null = null;
  liveSummaryShown = false;
  notice: { key: string; detail?: string; params?: Record<string, string | number> } | null = null;
  busy = false;

  private meetingRequest = 0;

  constructor(
    private readonly api: MeetingsPort,
    private readonly live: MeetingsLive,
    readonly me: User,
    private readonly now: () => number = () => Date.now(),
  ) {
    super();
  }

  get canSchedule(): boolean {
    return canSchedule(this.me.roles);
  }

  get staff(): boolean {
    return isStaff(this.me.roles);
  }

  // ---- start and (re)connection ---------------------------------------------------------------

  /** Signed in: the meetings in progress for the sidebar. */
  async start(): Promise<void> {
    await this.reloadNow();
  }

  /** After each (re)connection (the personal queue is subscribed by the app): subscribe, then reload. */
  async onConnected(): Promise<void> {
    try {
      const cl = this.channelLive;
      if (cl) await this.live.subscribe(cl.topic);
      await Promise.all([
        this.reloadNow(),
        cl ? this.reloadChannel(cl) : Promise.resolve(),
        this.shown && this.screen.kind === 'list' ? this.loadAgenda() : Promise.resolve(),
        this.shown && this.screen.kind === 'meeting' ? this.reloadMeeting(this.screen.id) : Promise.resolve(),
      ]);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'disconnected')) this.fail(e);
    }
  }

  async reloadNow(): Promise<void> {
    try {
      this.nowLive.loadMine(await this.api.now());
    } catch {
      // a hub without meetings: nothing is live
    }
    this.changed();
  }

  /** A frame routed here: `/topic/live.<channelId>`, or meeting events of the personal queue. */
  onFrame(frame: LiveFrame, destination: string): void {
    const channelId = destination.startsWith('/topic/live.') ? destination.slice('/topic/live.'.length) : undefined;
    if (frame.type === 'meeting.started' || frame.type === 'meeting.ended') {
      this.nowLive.apply(frame as MeetingLiveEvent, channelId);
      if (this.meeting?.id === frame.meetingId) {
        const live = frame.type === 'meeting.started';
        this.occurrences = this.occurrences.map((o) => (o.key === frame.occurrenceKey ? { ...o, live } : o));
        this.agenda = this.agenda.map((o) => (o.meetingId === frame.meetingId && o.key === frame.occurrenceKey ? { ...o, live } : o));
      }
    } else if (frame.type === 'meeting.reminder') {
      this.notice = { key: 'meetings.reminder', params: { title: frame.title, minutes: frame.minutesBefore } };
    } else if (channelId && this.channelLive?.channelId === channelId) {
      if (this.channelLive.apply(frame) && frame.type === 'live.ended') this.liveSummaryShown = true;
    }
    this.changed();
  }

  // ---- navigation ------------------------------------------------------------------------------

  enter(screen: MeetingsScreen = this.screen): Promise<void> {
    this.shown = true;
    return this.show(screen);
  }

  leave(): void {
    if (!this.shown) return;
    this.shown = false;
    this.join = { state: 'idle' };
    this.changed();
  }

  async show(screen: MeetingsScreen): Promise<void> {
    const sameMeeting = screen.kind === 'meeting' && this.screen.kind === 'meeting' && this.screen.id === screen.id;
    if (!sameMeeting) this.join = { state: 'idle' };
    this.screen = screen;
    this.notice = null;
    this.changed();
    if (screen.kind === 'list') await Promise.all([this.loadAgenda(), this.loadFeed()]);
    else if (screen.kind === 'meeting') await this.openMeeting(screen.id);
    else if (screen.kind === 'edit') await Promise.all([this.openMeeting(screen.id), this.loadFederations()]);
    else await this.loadFederations();
  }

  // ---- my occurrences --------------------------------------------------------------------------

  async loadAgenda(): Promise<void> {
    const from = new Date(this.now());
    const to = new Date(this.now() + AGENDA_DAYS * 86_400_000);
    try {
      this.agenda = sortOccurrences(await this.api.agenda(from.toISOString(), to.toISOString()));
      this.agendaLoaded = true;
      this.changed();
      const wanted = this.agenda.filter((o) => !o.cancelled).slice(0, RSVP_PRELOAD);
      await Promise.all(wanted.map((o) => this.loadRsvp(o.meetingId, o.key)));
    } catch (e) {
      this.fail(e);
    }
    this.changed();
  }

  rsvpOf(o: Pick<Occurrence, 'meetingId' | 'key'>): RsvpCounts | undefined {
    return this.rsvp.get(occurrenceId(o));
  }

  private async loadRsvp(meetingId: string, key: string): Promise<void> {
    const answersBefore = this.answers;
    try {
      const counts = await this.api.rsvp(meetingId, key);
      if (answersBefore === this.answers) this.rsvp.set(occurrenceId({ meetingId, key }), counts);
    } catch {
      // not invited (staff see meetings they do not attend): no counts to show
    }
  }

  /** Answers for one occurrence: shown at once, then the hub's counts (or back to before on refusal). */
  async answer(o: Pick<Occurrence, 'meetingId' | 'key'>, answer: RsvpAnswer): Promise<void> {
    const id = occurrenceId(o);
    const before = this.rsvp.get(id);
    this.answers++;
    this.rsvp.set(id, withAnswer(before, answer));
    this.changed();
    try {
      this.rsvp.set(id, await this.api.answer(o.meetingId, o.key, answer));
    } catch (e) {
      if (before) this.rsvp.set(id, before);
      else this.rsvp.delete(id);
      this.fail(e);
    }
    this.changed();
  }

  // ---- a meeting's page ------------------------------------------------------------------------

  async openMeeting(id: string): Promise<void> {
    const request = ++this.meetingRequest;
    if (this.meeting?.id !== id) {
      this.meeting = null;
      this.occurrences = [];
      this.selectedKey = null;
    }
    this.changed();
    await this.reloadMeeting(id, request);
  }

  private async reloadMeeting(id: string, request = ++this.meetingRequest): Promise<void> {
    const answersBefore = this.answers;
    try {
      const [meeting, occurrences, video] = await Promise.all([
        this.api.meeting(id),
        this.api.occurrences(id).catch(() => [] as Occurrence[]),
        this.video ? Promise.resolve(this.video) : this.api.video().catch(() => ({ configured: false }) as VideoConfig),
      ]);
      if (request !== this.meetingRequest) return;
      this.meeting = meeting;
      this.video = video;
      this.occurrences = sortOccurrences(occurrences.length ? occurrences : meeting.nextOccurrences);
      const keep = this.selectedKey && this.occurrences.some((o) => o.key === this.selectedKey) ? this.selectedKey : null;
      this.selectedKey = keep ?? currentOccurrence(this.occurrences, this.now())?.key ?? null;
      const firstOpen = meeting.nextOccurrences.find((o) => !o.cancelled);
      // Read before an answer given meanwhile (a reconnection's reload, say): that answer stays shown.
      if (meeting.nextRsvp && firstOpen && answersBefore === this.answers) this.rsvp.set(occurrenceId(firstOpen), meeting.nextRsvp);
      if (this.selectedKey && meeting.viewer.invited && !this.rsvp.has(occurrenceId({ meetingId: id, key: this.selectedKey }))) {
        await this.loadRsvp(id, this.selectedKey);
      }
    } catch (e) {
      if (request === this.meetingRequest) this.fail(e);
    }
    this.changed();
  }

  get selected(): Occurrence | undefined {
    return this.occurrences.find((o) => o.key === this.selectedKey);
  }

  async select(key: string): Promise<void> {
    this.selectedKey = key;
    this.join = { state: 'idle' };
    this.changed();
    if (this.meeting?.viewer.invited && !this.rsvp.has(occurrenceId({ meetingId: this.meeting.id, key }))) {
      await this.loadRsvp(this.meeting.id, key);
      this.changed();
    }
  }

  /** Asks the hub for a fresh Jitsi token for the selected occurrence (each join: tokens are short-lived). */
  async joinRoom(): Promise<JoinInfo | null> {
    const m = this.meeting;
    if (!m) return null;
    this.join = { state: 'joining' };
    this.changed();
    try {
      const info = await this.api.join(m.id, this.selectedKey ?? undefined);
      this.join = { state: 'joined', info };
      this.changed();
      return info;
    } catch (e) {
      this.join = e instanceof ApiError ? { state: 'failed', code: e.code, detail: e.message } : { state: 'failed', code: 'generic' };
      if (e instanceof ApiError && e.code === 'jitsi_not_configured') this.video = { configured: false };
      this.changed();
      return null;
    }
  }

  leaveRoom(): void {
    this.join = { state: 'idle' };
    this.changed();
  }

  /** The room's script or frame could not load (blocked, offline): keep the new-tab link. */
  roomFailed(): void {
    if (this.join.state === 'joined') this.join = { state: 'failed', code: 'room_unavailable', info: this.join.info };
    this.changed();
  }

  calendarText(): Promise<string> {
    return this.api.calendar(this.meeting?.calendarPath ?? '');
  }

  // ---- scheduling ------------------------------------------------------------------------------

  /** Creates the meeting, or replaces the series when `id` is given; shows its page when done. */
  async save(body: MeetingBody, id?: string): Promise<Meeting | null> {
    this.busy = true;
    this.notice = null;
    this.changed();
    try {
      const m = id ? await this.api.update(id, body) : await this.api.create(body);
      this.busy = false;
      this.meeting = m;
      await this.show({ kind: 'meeting', id: m.id });
      this.notice = { key: id ? 'meetings.saved' : 'meetings.created' };
      this.changed();
      return m;
    } catch (e) {
      this.busy = false;
      this.fail(e);
      return null;
    }
  }

  async changeOccurrence(key: string, change: OccurrenceChange): Promise<boolean> {
    const m = this.meeting;
    if (!m) return false;
    try {
      await this.api.changeOccurrence(m.id, key, change);
      await this.reloadMeeting(m.id);
      this.notice = { key: 'meetings.occurrenceSaved' };
      this.changed();
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    }
  }

  async cancelOccurrence(key: string): Promise<void> {
    const m = this.meeting;
    if (!m) return;
    try {
      await this.api.cancelOccurrence(m.id, key);
      await this.reloadMeeting(m.id);
      this.notice = { key: 'meetings.occurrenceCancelled' };
    } catch (e) {
      this.fail(e);
    }
    this.changed();
  }

  async cancelMeeting(): Promise<void> {
    const m = this.meeting;
    if (!m) return;
    try {
      this.meeting = await this.api.cancel(m.id);
      await this.reloadMeeting(m.id);
      this.notice = { key: 'meetings.cancelled' };
    } catch (e) {
      this.fail(e);
    }
    this.changed();
  }

  async loadFederations(): Promise<void> {
    if (this.federations.length) return;
    try {
      this.federations = await this.api.federations();
    } catch {
      this.federations = [];
    }
    this.changed();
  }

  // ---- calendar feed ---------------------------------------------------------------------------

  async loadFeed(): Promise<void> {
    try {
      this.feed = await this.api.feed();
    } catch (e) {
      this.fail(e);
    }
    this.changed();
  }

  async resetFeed(): Promise<void> {
    try {
      this.feed = await this.api.resetFeed();
      this.notice = { key: 'meetings.feed.resetDone' };
    } catch (e) {
      this.fail(e);
    }
    this.changed();
  }

  // ---- a channel's live state ------------------------------------------------------------------

  /** The channel on screen (null: none): its live topic is subscribed and its state loaded. */
  async watchChannel(channelId: string | null): Promise<void> {
    if (this.channelLive?.channelId === channelId) return;
    const old = this.channelLive;
    if (old) this.live.unsubscribe(old.topic);
    this.liveSummaryShown = false;
    this.channelLive = channelId ? new ChannelLive(channelId) : null;
    this.changed();
    const cl = this.channelLive;
    if (!cl) return;
    try {
      if (this.live.connected) await this.live.subscribe(cl.topic);
      await this.reloadChannel(cl);
    } catch (e) {
      if (!(e instanceof ApiError && (e.code === 'disconnected' || e.transient))) this.fail(e);
    }
  }

  private async reloadChannel(cl: ChannelLive): Promise<void> {
    const [state, now] = await Promise.all([
      this.api.liveState(cl.channelId).catch(() => null),
      this.api.channelNow(cl.channelId).catch(() => null),
    ]);
    if (state) cl.load(state);
    if (now) this.nowLive.loadChannel(cl.channelId, now);
    this.changed();
  }

  /** Whether the sidebar shows the channel as live: a meeting announced in it is in progress, or a live session. */
  isChannelLive(channelId: string): boolean {
    this.nowLive.expire(this.now());
    return this.nowLive.inChannel(channelId).length > 0 || (this.channelLive?.channelId === channelId && this.channelLive.live);
  }

  async react(emoji: string): Promise<void> {
    const cl = this.channelLive;
    if (!cl?.live) return;
    try {
      await this.live.send(`/app/live.${cl.channelId}.react`, { emoji });
    } catch (e) {
      this.fail(e);
    }
  }

  async startLive(settings: LiveSettings): Promise<boolean> {
    return this.liveAction((id) => this.api.startLive(id, settings).then((s) => {
      this.channelLive?.apply({ type: 'live.started', session: s });
    }));
  }

  async updateLive(settings: LiveSettings): Promise<boolean> {
    return this.liveAction((id) => this.api.updateLive(id, settings).then((s) => {
      this.channelLive?.apply({ type: 'live.updated', session: s });
    }));
  }

  async endLive(): Promise<boolean> {
    return this.liveAction((id) => this.api.endLive(id).then((summary) => {
      this.channelLive?.apply({ type: 'live.ended', summary });
      this.liveSummaryShown = true;
    }));
  }

  dismissSummary(): void {
    this.liveSummaryShown = false;
    this.changed();
  }

  private async liveAction(call: (channelId: string) => Promise<void>): Promise<boolean> {
    const cl = this.channelLive;
    if (!cl) return false;
    this.busy = true;
    this.changed();
    try {
      await call(cl.channelId);
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    } finally {
      this.busy = false;
      this.changed();
    }
  }

  // ---- notices ---------------------------------------------------------------------------------

  dismissNotice(): void {
    this.notice = null;
    this.changed();
  }

  private fail(e: unknown): void {
    if (e instanceof ApiError) this.notice = { key: `meetings.error.${e.code}`, detail: e.message };
    else this.notice = { key: 'error.generic', detail: String(e) };
    this.changed();
  }
}
