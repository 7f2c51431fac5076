import { ApiError } from '../../api/errors';
import type {
  Bot, BotToken, DeliveryStatus, IncomingWebhook, NewBot, OutgoingWebhook, TokenInfo, WebhookDelivery, WebhookFailed,
} from '../../api/bots';

/** The REST calls the bots screen needs (BotsApi in the app). */
export interface BotsPort {
  list(): Promise<Bot[]>;
  create(body: NewBot): Promise<BotToken>;
  setChannels(id: string, channelIds: string[], allFederationChannels: boolean): Promise<Bot>;
  deactivate(id: string): Promise<void>;
  tokens(id: string): Promise<TokenInfo[]>;
  rotate(id: string): Promise<BotToken>;
  revoke(id: string, tokenId: string): Promise<void>;
  incoming(id: string): Promise<IncomingWebhook[]>;
  createIncoming(id: string, channelId: string, name?: string): Promise<IncomingWebhook>;
  deleteIncoming(id: string, hookId: string): Promise<void>;
  outgoing(id: string): Promise<OutgoingWebhook[]>;
  createOutgoing(id: string, channelId: string, url: string, triggerWords: string[]): Promise<OutgoingWebhook>;
  deleteOutgoing(id: string, hookId: string): Promise<void>;
  deliveries(id: string, hookId: string, status?: DeliveryStatus): Promise<WebhookDelivery[]>;
  retry(id: string, hookId: string, deliveryId: string): Promise<WebhookDelivery>;
  userId(username: string): Promise<string | null>;
}

/** A secret the hub shows once (a token, a webhook's URL and secret): kept until the person dismisses it. */
export interface Revealed {
  kind: 'token' | 'incoming' | 'outgoing';
  botId: string;
  secret: string;
  url?: string;
}

/**
 * The bots screen (national admins; owners see their own bots): bots, their tokens and webhooks, the
 * deliveries of outgoing webhooks with retry, and `webhook.failed` notifications for owners.
 */
export class BotsModel {
  bots: Bot[] = [];
  loaded = false;
  selectedId: string | null = null;
  tokens: TokenInfo[] = [];
  incoming: IncomingWebhook[] = [];
  outgoing: OutgoingWebhook[] = [];
  deliveries = new Map<string, WebhookDelivery[]>();
  revealed: Revealed | null = null;
  failures: WebhookFailed[] = [];
  notice: { key: string; detail?: string } | null = null;
  busy = false;

  constructor(private readonly api: BotsPort, private readonly onChange: () => void) {}

  get selected(): Bot | undefined {
    return this.bots.find((b) => b.id === this.selectedId);
  }

  async load(): Promise<void> {
    try {
      this.bots = await this.api.list();
      this.loaded = true;
    } catch (e) {
      this.fail(e);
    }
    this.onChange();
  }

  async select(id: string | null): Promise<void> {
    this.selectedId = id;
    this.tokens = [];
    this.incoming = [];
    this.outgoing = [];
    this.deliveries = new Map();
    this.onChange();
    if (!id) return;
    try {
      [this.tokens, this.incoming, this.outgoing] = await Promise.all([this.api.tokens(id), this.api.incoming(id), this.api.outgoing(id)]);
    } catch (e) {
      this.fail(e);
    }
    this.onChange();
  }

  /** Creates a bot; `ownerUsername` (optional) is resolved to the owner's id first. */
  async create(body: NewBot, ownerUsername = ''): Promise<boolean> {
    if (ownerUsername.trim()) {
      const ownerId = await this.run(() => this.api.userId(ownerUsername.trim()));
      if (!ownerId) {
        if (!this.notice) this.notice = { key: 'bots.ownerUnknown' };
        this.onChange();
        return false;
      }
      body = { ...body, ownerId };
    }
    const created = await this.run(() => this.api.create(body));
    if (!created) return false;
    this.revealed = { kind: 'token', botId: created.bot.id, secret: created.token };
    this.bots = [...this.bots.filter((b) => b.id !== created.bot.id), created.bot];
    await this.select(created.bot.id);
    return true;
  }

  async rotate(id: string): Promise<void> {
    const r = await this.run(() => this.api.rotate(id));
    if (!r) return;
    this.revealed = { kind: 'token', botId: id, secret: r.token };
    this.tokens = await this.api.tokens(id).catch(() => this.tokens);
    this.onChange();
  }

  async revoke(id: string, tokenId: string): Promise<void> {
    if ((await this.run(() => this.api.revoke(id, tokenId).then(() => true))) === null) return;
    this.tokens = this.tokens.filter((t) => t.id !== tokenId);
    this.onChange();
  }

  async deactivate(id: string): Promise<void> {
    if ((await this.run(() => this.api.deactivate(id).then(() => true))) === null) return;
    this.notice = { key: 'bots.deactivated' };
    await this.select(id);
  }

  async setChannels(id: string, channelIds: string[], all: boolean): Promise<void> {
    const bot = await this.run(() => this.api.setChannels(id, channelIds, all));
    if (!bot) return;
    this.bots = this.bots.map((b) => (b.id === bot.id ? bot : b));
    this.notice = { key: 'bots.channelsSaved' };
    this.onChange();
  }

  async createIncoming(id: string, channelId: string, name: string): Promise<boolean> {
    const hook = await this.run(() => this.api.createIncoming(id, channelId, name || undefined));
    if (!hook) return false;
    this.revealed = { kind: 'incoming', botId: id, secret: hook.secret ?? '', url: hook.url };
    this.incoming = [...this.incoming, { ...hook, secret: undefined }];
    this.onChange();
    return true;
  }

  async deleteIncoming(id: string, hookId: string): Promise<void> {
    if ((await this.run(() => this.api.deleteIncoming(id, hookId).then(() => true))) === null) return;
    this.incoming = this.incoming.filter((h) => h.id !== hookId);
    this.onChange();
  }

  async createOutgoing(id: string, channelId: string, url: string, triggerWords: string[]): Promise<boolean> {
    const hook = await this.run(() => this.api.createOutgoing(id, channelId, url, triggerWords));
    if (!hook) return false;
    this.revealed = { kind: 'outgoing', botId: id, secret: hook.secret ?? '', url: hook.url };
    this.outgoing = [...this.outgoing, { ...hook, secret: undefined }];
    this.onChange();
    return true;
  }

  async deleteOutgoing(id: string, hookId: string): Promise<void> {
    if ((await this.run(() => this.api.deleteOutgoing(id, hookId).then(() => true))) === null) return;
    this.outgoing = this.outgoing.filter((h) => h.id !== hookId);
    this.deliveries.delete(hookId);
    this.onChange();
  }

  async loadDeliveries(id: string, hookId: string): Promise<void> {
    const list = await this.run(() => this.api.deliveries(id, hookId));
    if (list) this.deliveries.set(hookId, list);
    this.onChange();
  }

  async retry(id: string, hookId: string, deliveryId: string): Promise<void> {
    const d = await this.run(() => this.api.retry(id, hookId, deliveryId));
    if (!d) return;
    this.deliveries.set(hookId, (this.deliveries.get(hookId) ?? []).map((x) => (x.id === d.id ? d : x)));
    this.failures = this.failures.filter((f) => f.deliveryId !== deliveryId);
    this.onChange();
  }

  /** `webhook.failed` on the owner's personal queue. */
  onFailed(e: WebhookFailed): void {
    this.failures = [e, ...this.failures.filter((f) => f.deliveryId !== e.deliveryId)].slice(0, 20);
    this.onChange();
  }

  dismissRevealed(): void {
    this.revealed = null;
    this.onChange();
  }

  private async run<R>(call: () => Promise<R>): Promise<R | null> {
    this.busy = true;
    this.notice = null;
    this.onChange();
    try {
      return await call();
    } catch (e) {
      this.fail(e);
      return null;
    } finally {
      this.busy = false;
      this.onChange();
    }
  }

  private fail(e: unknown): void {
    this.notice = e instanceof ApiError ? { key: `relay.error.${e.code}`, detail: e.message } : { key: 'error.generic', detail: String(e) };
    this.onChange();
  }
}
