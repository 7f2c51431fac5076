import { ApiError } from '../../api/errors';
import {
  RELAY_TOPIC, type AckState, type Approval, type Blackout, type Federation, type RelayDraft, type RelayFigures,
  type RelayFrame, type RelayItem, type RelayStatus, type Slots,
} from '../../api/relay';
import type { User } from '../../api/types';
import { applyBoardEvent, boardOf, totalsOf, type Board } from './board';
import { BotsModel, type BotsPort } from './bots';
import { TAB_STATUSES, applyItem, isBotUser, isReviewer, isStaff, mayReview, tabsFor, type RelayTab } from './queue';
import { ChangeNotifier } from '../notifier';

/** The REST calls the model needs (RelayApi in the app, a fake in tests). */
export interface RelayPort {
  items(statuses: readonly RelayStatus[], mine: boolean): Promise<RelayItem[]>;
  item(id: string): Promise<RelayItem>;
  propose(draft: RelayDraft): Promise<RelayItem>;
  edit(id: string, draft: RelayDraft): Promise<RelayItem>;
  comment(id: string, text: string): Promise<RelayItem>;
  requestChanges(id: string, text: string): Promise<RelayItem>;
  approve(id: string, body: Approval): Promise<RelayItem>;
  reject(id: string, text?: string): Promise<RelayItem>;
  release(id: string, at?: string): Promise<RelayItem>;
  figures(id: string): Promise<RelayFigures>;
  acknowledge(id: string, state: AckState, federation?: string): Promise<unknown>;
  slots(): Promise<Slots>;
  blackouts(): Promise<Blackout[]>;
  activeBlackout(): Promise<{ active: boolean; until?: string; reason?: string }>;
  addBlackout(from: string, to: string, reason: string): Promise<Blackout>;
  deleteBlackout(id: string): Promise<void>;
  federations(): Promise<Federation[]>;
}

export interface RelayLive {
  readonly connected: boolean;
  subscribe(destination: string): Promise<void>;
}

export type RelayScreen =
  | { kind: 'tab'; tab: RelayTab }
  | { kind: 'item'; id: string }
  | { kind: 'board'; id: string };

type ListTab = keyof typeof TAB_STATUSES;

function isListTab(tab: RelayTab): tab is ListTab {
  return tab in TAB_STATUSES;
}

/**
 * The "Relais" area's view model: proposals (mine, a new one), the review queue and its tabs for reviewers,
 * one item with its history and actions, its figures, and the live consigne board for HQ. National staff
 * get `/topic/relay` events through the app's event router ({@link onFrame}); other people reload.
 */
export class RelayModel extends ChangeNotifier {
  screen: RelayScreen;
  list: RelayItem[] = [];
  listLoaded = false;
  item: RelayItem | null = null;
  figures: RelayFigures | null = null;
  board: Board | null = null;
  slots: Slots | null = null;
  federations: Federation[] = [];
  blackouts: Blackout[] = [];
  active: { active: boolean; until?: string; reason?: string } | null = null;
  /** Whether the Bots tab is offered (admins, and people who own a bot). */
  botsVisible = false;
  shown = false;
  busy = false;
  notice: { key: string; detail?: string; params?: Record<string, string | number> } | null = null;

  /** The bots screen's model (its tab shows when {@link botsVisible}). */
  readonly bots: BotsModel | null;

  private listRequest = 0;

  constructor(private readonly api: RelayPort, private readonly live: RelayLive, readonly me: User, botsApi?: BotsPort) {
    super();
    this.screen = { kind: 'tab', tab: isReviewer(me) ? 'review' : 'mine' };
    this.botsVisible = me.roles.includes('NATIONAL_ADMIN');
    this.bots = botsApi ? new BotsModel(botsApi, () => this.changed()) : null;
  }

  get staff(): boolean {
    return isStaff(this.me);
  }

  get reviewer(): boolean {
    return isReviewer(this.me);
  }

  /** Whether live events are arriving (the board says so when they are not). */
  get connectionLive(): boolean {
    return this.live.connected;
  }

  get tabs(): RelayTab[] {
    return tabsFor(this.me, this.botsVisible);
  }

  /** Slots, the active blackout, and the federations (for the target picker); none of it is critical. */
  async start(): Promise<void> {
    const [slots, active, federations] = await Promise.allSettled([this.api.slots(), this.api.activeBlackout(), this.api.federations()]);
    if (slots.status === 'fulfilled') this.slots = slots.value;
    if (active.status === 'fulfilled') this.active = active.value;
    if (federations.status === 'fulfilled') this.federations = federations.value;
    // Owners who are not admins manage their own bots: the tab shows when they have one.
    if (this.bots && !this.botsVisible && !isBotUser(this.me)) {
      await this.bots.load();
      this.botsVisible = this.bots.bots.length > 0;
    }
    this.changed();
  }

  /** After each (re)connection: staff subscribe to the board topic first, then what is on screen is reloaded. */
  async onConnected(): Promise<void> {
    try {
      if (this.staff) await this.live.subscribe(RELAY_TOPIC);
      if (this.shown) await this.reload();
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'disconnected')) this.fail(e);
    }
  }

  // ---- navigation --------------------------------------------------------------------------------

  enter(): Promise<void> {
    this.shown = true;
    return this.show(this.screen);
  }

  leave(): void {
    if (!this.shown) return;
    this.shown = false;
    this.changed();
  }

  async show(screen: RelayScreen): Promise<void> {
    this.screen = screen;
    this.notice = null;
    if (screen.kind === 'tab') {
      this.item = null;
      this.figures = null;
      this.board = null;
    }
    this.changed();
    await this.reload();
  }

  private async reload(): Promise<void> {
    const s = this.screen;
    if (s.kind === 'tab' && isListTab(s.tab)) await this.loadList(s.tab);
    else if (s.kind === 'tab' && s.tab === 'blackouts') await this.loadBlackouts();
    else if (s.kind === 'tab' && s.tab === 'bots') await this.bots?.load();
    else if (s.kind === 'item') await this.loadItem(s.id);
    else if (s.kind === 'board') await this.loadBoard(s.id);
  }

  private async loadList(tab: ListTab): Promise<void> {
    const request = ++this.listRequest;
    this.listLoaded = false;
    try {
      const list = await this.api.items(TAB_STATUSES[tab], tab === 'mine');
      if (request !== this.listRequest) return;
      this.list = tab === 'mine' ? [...list].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt)) : list;
      this.listLoaded = true;
    } catch (e) {
      this.fail(e);
    }
    this.changed();
  }

  private async loadItem(id: string): Promise<void> {
    try {
      this.item = await this.api.item(id);
      this.figures = null;
      this.changed();
      if (['SCHEDULED', 'DUE', 'POSTED', 'HELD'].includes(this.item.status)) this.figures = await this.api.figures(id);
    } catch (e) {
      this.fail(e);
    }
    this.changed();
  }

  private async loadBoard(id: string): Promise<void> {
    try {
      const figures = await this.api.figures(id);
      this.item = figures.item;
      this.figures = figures;
      this.board = boardOf(figures);
    } catch (e) {
      this.fail(e);
    }
    this.changed();
  }

  async loadBlackouts(): Promise<void> {
    try {
      [this.blackouts, this.active] = await Promise.all([this.api.blackouts(), this.api.activeBlackout()]);
    } catch (e) {
      this.fail(e);
    }
    this.changed();
  }

  // ---- actions --------------------------------------------------------------------------------------

  /** Proposes; on success shows the new item and resolves with it. */
  async propose(draft: RelayDraft): Promise<RelayItem | null> {
    const item = await this.run(() => this.api.propose(draft));
    if (item) {
      this.notice = { key: 'relay.proposed' };
      await this.show({ kind: 'item', id: item.id });
      this.notice = { key: 'relay.proposed' };
      this.changed();
    }
    return item;
  }

  edit(id: string, draft: RelayDraft) { return this.change(() => this.api.edit(id, draft), 'relay.edited'); }
  comment(id: string, text: string) { return this.change(() => this.api.comment(id, text), 'relay.commented'); }
  requestChanges(id: string, text: string) { return this.change(() => this.api.requestChanges(id, text), 'relay.changesRequested'); }
  approve(id: string, body: Approval) { return this.change(() => this.api.approve(id, body), 'relay.approved'); }
  reject(id: string, text?: string) { return this.change(() => this.api.reject(id, text), 'relay.rejected'); }
  release(id: string, at?: string) { return this.change(() => this.api.release(id, at), 'relay.released'); }

  /** A federation acknowledges a consigne (from the relay message in its channel, or HQ on its behalf). */
  async acknowledge(itemId: string, state: AckState, federation?: string): Promise<boolean> {
    const ok = await this.run(() => this.api.acknowledge(itemId, state, federation));
    if (ok === null) return false;
    this.notice = { key: state === 'RELAYED' ? 'relay.ackedRelayed' : 'relay.ackedRead' };
    if (this.board?.item.id === itemId && federation) {
      this.board = applyBoardEvent(this.board, { type: 'consigne.acked', itemId, federation, state, by: this.me.username });
    }
    this.changed();
    return true;
  }

  async addBlackout(from: string, to: string, reason: string): Promise<boolean> {
    const b = await this.run(() => this.api.addBlackout(from, to, reason));
    if (b) await this.loadBlackouts();
    return !!b;
  }

  async deleteBlackout(id: string): Promise<void> {
    if ((await this.run(() => this.api.deleteBlackout(id).then(() => true))) !== null) await this.loadBlackouts();
  }

  private async change(call: () => Promise<RelayItem>, doneKey: string): Promise<boolean> {
    const item = await this.run(call);
    if (!item) return false;
    this.applyItem(item);
    this.notice = { key: doneKey };
    if (this.screen.kind === 'item' && this.screen.id === item.id && ['SCHEDULED', 'HELD'].includes(item.status)) {
      this.figures = await this.api.figures(item.id).catch(() => null);
    }
    this.changed();
    return true;
  }

  private async run<R>(call: () => Promise<R>): Promise<R | null> {
    this.busy = true;
    this.notice = null;
    this.changed();
    try {
      return await call();
    } catch (e) {
      this.fail(e);
      return null;
    } finally {
      this.busy = false;
      this.changed();
    }
  }

  // ---- live ---------------------------------------------------------------------------------------------

  /** A `/topic/relay` event from the event router. */
  onFrame(e: RelayFrame): void {
    if (e.type === 'relay.item.changed') {
      // Someone else moved the open item on: a confirmation of our own earlier step no longer applies.
      if (this.item?.id === e.item.id && this.item.status !== e.item.status && this.notice && !this.notice.key.includes('.error.')) this.notice = null;
      this.applyItem(e.item);
    }
    if (this.board) {
      const next = applyBoardEvent(this.board, e);
      if (next !== this.board) {
        this.board = next;
        if (this.figures) this.figures = { ...this.figures, item: next.item, federations: next.rows, totals: totalsOf(next.rows) };
      }
    } else if (this.figures && e.type !== 'relay.item.changed' && e.itemId === this.figures.item.id) {
      const next = applyBoardEvent(boardOf(this.figures), e);
      this.figures = { ...this.figures, federations: next.rows, totals: totalsOf(next.rows) };
    }
    this.changed();
  }

  private applyItem(item: RelayItem): void {
    if (this.item?.id === item.id && item.version >= this.item.version) this.item = item;
    const s = this.screen;
    if (s.kind === 'tab' && isListTab(s.tab) && this.listLoaded) {
      const mine = s.tab === 'mine';
      this.list = applyItem(this.list, item, TAB_STATUSES[s.tab], (i) => (mine ? i.author.id === this.me.id : mayReview(this.me, i)));
      if (mine) this.list.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
    }
  }

  dismissNotice(): void {
    this.notice = null;
    this.changed();
  }

  private fail(e: unknown): void {
    this.notice = e instanceof ApiError ? { key: `relay.error.${e.code}`, detail: e.message } : { key: 'error.generic', detail: String(e) };
    this.changed();
  }
}
