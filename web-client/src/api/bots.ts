// Bots, their tokens and webhooks, and slash commands: wire types and REST calls (docs/api.md, "Bots").
import type { RestClient } from './rest';

export interface Bot {
  id: string;
  username: string;
  displayName: string;
  avatarUrl?: string | null;
  ownerId?: string | null;
  channelIds: string[];
  capabilities: string[];
  createdAt: string;
  createdBy?: string | null;
}

export interface NewBot {
  username: string;
  displayName: string;
  avatarUrl?: string;
  ownerId?: string;
  channelIds: string[];
  allFederationChannels?: boolean;
  capabilities?: string[];
}

/** A token value appears in this answer only (creation and rotation). */
export interface BotToken {
  tokenId: string;
  token: string;
  bot: Bot;
}

export interface TokenInfo {
  id: string;
  createdAt: string;
  lastUsedAt?: string | null;
}

export interface IncomingWebhook {
  id: string;
  botId: string;
  channelId: string;
  name?: string | null;
  url: string;
  createdAt: string;
  /** Only in the creation answer. */
  secret?: string;
}

export interface OutgoingWebhook {
  id: string;
  botId: string;
  channelId: string;
  triggerWords: string[];
  url: string;
  createdAt: string;
  /** Only in the creation answer. */
  secret?: string;
}

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  status: DeliveryStatus;
  attempts: number;
  createdAt: string;
  nextAttemptAt?: string | null;
  lastStatus?: number | null;
  lastError?: string | null;
  deliveredAt?: string | null;
}

export interface SlashCommand {
  name: string;
  botId: string;
  botUsername: string;
  description?: string | null;
  usage?: string | null;
}

export interface WebhookFailed {
  type: 'webhook.failed';
  botId: string;
  webhookId: string;
  deliveryId: string;
  attempts: number;
  lastError?: string | null;
}

const BASE = '/api/v1/bots';
const enc = encodeURIComponent;

export class BotsApi {
  constructor(private readonly rest: RestClient) {}

  list() { return this.rest.request<Bot[]>('GET', BASE); }
  create(body: NewBot) { return this.rest.request<BotToken>('POST', BASE, body); }
  setChannels(id: string, channelIds: string[], allFederationChannels: boolean) {
    return this.rest.request<Bot>('PUT', `${BASE}/${enc(id)}/channels`, { channelIds, allFederationChannels });
  }
  deactivate(id: string) { return this.rest.request<void>('POST', `${BASE}/${enc(id)}/deactivate`); }
  tokens(id: string) { return this.rest.request<TokenInfo[]>('GET', `${BASE}/${enc(id)}/tokens`); }
  rotate(id: string) { return this.rest.request<BotToken>('POST', `${BASE}/${enc(id)}/tokens/rotate`); }
  revoke(id: string, tokenId: string) { return this.rest.request<void>('DELETE', `${BASE}/${enc(id)}/tokens/${enc(tokenId)}`); }
  incoming(id: string) { return this.rest.request<IncomingWebhook[]>('GET', `${BASE}/${enc(id)}/incoming-webhooks`); }
  createIncoming(id: string, channelId: string, name?: string) {
    return this.rest.request<IncomingWebhook>('POST', `${BASE}/${enc(id)}/incoming-webhooks`, { channelId, name });
  }
  deleteIncoming(id: string, hookId: string) {
    return this.rest.request<void>('DELETE', `${BASE}/${enc(id)}/incoming-webhooks/${enc(hookId)}`);
  }
  outgoing(id: string) { return this.rest.request<OutgoingWebhook[]>('GET', `${BASE}/${enc(id)}/outgoing-webhooks`); }
  createOutgoing(id: string, channelId: string, url: string, triggerWords: string[]) {
    return this.rest.request<OutgoingWebhook>('POST', `${BASE}/${enc(id)}/outgoing-webhooks`, { channelId, url, triggerWords });
  }
  deleteOutgoing(id: string, hookId: string) {
    return this.rest.request<void>('DELETE', `${BASE}/${enc(id)}/outgoing-webhooks/${enc(hookId)}`);
  }
  deliveries(id: string, hookId: string, status?: DeliveryStatus) {
    return this.rest.request<WebhookDelivery[]>('GET',
      `${BASE}/${enc(id)}/outgoing-webhooks/${enc(hookId)}/deliveries${status ? `?status=${status}` : ''}`);
  }
  retry(id: string, hookId: string, deliveryId: string) {
    return this.rest.request<WebhookDelivery>('POST',
      `${BASE}/${enc(id)}/outgoing-webhooks/${enc(hookId)}/deliveries/${enc(deliveryId)}/retry`);
  }
  commands() { return this.rest.request<SlashCommand[]>('GET', '/api/v1/commands'); }
  /** The id of the person with exactly this username (the owner field of the create form), or null. */
  async userId(username: string): Promise<string | null> {
    const list = await this.rest.request<{ id: string; username: string }[]>('GET', `/api/v1/users?q=${enc(username)}&limit=20`);
    return list.find((u) => u.username === username)?.id ?? null;
  }
}
