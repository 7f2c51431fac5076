import { ApiError } from './errors';
import type {
  ChannelSummary, EventPage, FileInfo, FileLimits, Message, User,
} from './types';

export interface TokenResponse {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
}

export interface AuthProvider {
  id: string;
  name: string;
  loginUrl: string;
}

/** The hub's REST API with the bearer token; every failure becomes an {@link ApiError}. */
export class RestClient {
  token: string | null = null;
  onUnauthenticated: () => void = () => {};

  constructor(private readonly base = '', private readonly fetchFn: typeof fetch = (...a) => fetch(...a)) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await this.fetchFn(this.base + path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError('network', 'The hub cannot be reached');
    }
    if (response.status === 401 && this.token) this.onUnauthenticated();
    if (!response.ok) throw await problemOf(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  login(username: string, password: string) {
    return this.request<TokenResponse>('POST', '/api/v1/auth/token', { username, password });
  }

  /** Identity providers for single sign-on; none when the hub has no such endpoint yet. */
  async providers(): Promise<AuthProvider[]> {
    try {
      const list = await this.request<AuthProvider[] | { providers: AuthProvider[] }>('GET', '/api/v1/auth/providers');
      return Array.isArray(list) ? list : (list?.providers ?? []);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 401 || e.status === 405)) return [];
      throw e;
    }
  }

  acceptInvitation(token: string, password: string, displayName: string) {
    return this.request<TokenResponse | undefined>('POST', `/api/v1/invitations/${encodeURIComponent(token)}/accept`,
      { password, displayName });
  }

  me() { return this.request<User>('GET', '/api/v1/me'); }
  channels() { return this.request<ChannelSummary[]>('GET', '/api/v1/channels'); }
  newestMessages(channelId: string, limit = 50) {
    return this.request<Message[]>('GET', `/api/v1/channels/${enc(channelId)}/messages?limit=${limit}`);
  }
  messagesBefore(channelId: string, beforeSeq: number, limit = 50) {
    return this.request<Message[]>('GET', `/api/v1/channels/${enc(channelId)}/messages?beforeSeq=${beforeSeq}&limit=${limit}`);
  }
  messagesAround(channelId: string, seq: number, limit = 50) {
    return this.request<Message[]>('GET', `/api/v1/channels/${enc(channelId)}/messages?afterSeq=${Math.max(0, seq - 1)}&limit=${limit}`);
  }
  events(channelId: string, afterSeq: number, limit = 200) {
    return this.request<EventPage>('GET', `/api/v1/channels/${enc(channelId)}/events?afterSeq=${afterSeq}&limit=${limit}`);
  }
  message(id: string) { return this.request<Message>('GET', `/api/v1/messages/${enc(id)}`); }
  post(channelId: string, body: { text: string; clientMessageId: string; threadId?: string; attachmentIds?: string[] }) {
    return this.request<Message>('POST', `/api/v1/channels/${enc(channelId)}/messages`, body);
  }
  edit(id: string, text: string) { return this.request<Message>('PATCH', `/api/v1/messages/${enc(id)}`, { text }); }
  remove(id: string) { return this.request<Message>('DELETE', `/api/v1/messages/${enc(id)}`); }
  react(id: string, emoji: string, on: boolean) {
    return this.request<Message>(on ? 'PUT' : 'DELETE', `/api/v1/messages/${enc(id)}/reactions/${enc(emoji)}`);
  }
  pin(id: string, on: boolean) { return this.request<Message>(on ? 'PUT' : 'DELETE', `/api/v1/messages/${enc(id)}/pin`); }
  thread(id: string) { return this.request<Message[]>('GET', `/api/v1/messages/${enc(id)}/thread`); }
  pins(channelId: string) { return this.request<Message[]>('GET', `/api/v1/channels/${enc(channelId)}/pins`); }
  markRead(channelId: string, seq: number) {
    return this.request<{ lastReadSeq: number }>('PUT', `/api/v1/channels/${enc(channelId)}/read`, { seq });
  }
  search(q: string, channelId?: string) {
    return this.request<Message[]>('GET', `/api/v1/search?q=${enc(q)}${channelId ? `&channelId=${enc(channelId)}` : ''}`);
  }
  users(q: string, limit = 8) { return this.request<User[]>('GET', `/api/v1/users?q=${enc(q)}&limit=${limit}`); }
  openDirect(userIds: string[]) { return this.request<{ id: string }>('POST', '/api/v1/dms', { userIds }); }
  createGroup(name: string, topic: string, memberIds: string[]) {
    return this.request<{ id: string }>('POST', '/api/v1/channels', { kind: 'PRIVATE', name, topic, memberIds });
  }
  presence(userIds: string[]) {
    return this.request<Record<string, string>>('GET', `/api/v1/presence?userIds=${userIds.map(enc).join(',')}`);
  }
  file(id: string) { return this.request<FileInfo>('GET', `/api/v1/files/${enc(id)}`); }
  fileLimits() { return this.request<FileLimits>('GET', '/api/v1/files/limits'); }

  /** Uploads a file as the raw request body, reporting progress (0..1). */
  upload(file: Blob, name: string, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<FileInfo> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${this.base}/api/v1/files?name=${enc(name)}`);
      if (this.token) xhr.setRequestHeader('Authorization', `Bearer ${this.token}`);
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as FileInfo);
        else reject(problemFromText(xhr.status, xhr.responseText));
      };
      xhr.onerror = () => reject(new ApiError('network', 'The hub cannot be reached'));
      xhr.onabort = () => reject(new ApiError('aborted', 'Upload cancelled'));
      signal?.addEventListener('abort', () => xhr.abort());
      xhr.send(file);
    });
  }
}

function enc(value: string): string {
  return encodeURIComponent(value);
}

async function problemOf(response: Response): Promise<ApiError> {
  return problemFromText(response.status, await response.text().catch(() => ''));
}

export function problemFromText(status: number, text: string): ApiError {
  try {
    const p = JSON.parse(text) as { code?: string; detail?: string; title?: string };
    return new ApiError(p.code ?? `http_${status}`, p.detail ?? p.title ?? `HTTP ${status}`, status);
  } catch {
    return new ApiError(status >= 500 ? 'internal_error' : `http_${status}`, `HTTP ${status}`, status);
  }
}
