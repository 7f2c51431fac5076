import { ApiError } from './errors';
import type { RestClient, TokenResponse } from './rest';

// Wire types of "Identity and access" → "Sessions and tokens of the caller" (docs/api.md).

/** A way the caller is signed in: a password login, a single sign-on browser session, or a personal token. */
export interface AccountSession {
  id: string;
  kind: 'PASSWORD' | 'BROWSER' | 'PERSONAL_TOKEN' | string;
  /** The client (user agent) that logged in, or the personal token's name. */
  name: string;
  createdAt: string;
  expiresAt?: string | null;
  lastUsedAt?: string | null;
  /** The session making this very call. */
  current: boolean;
}

/** A personal access token as listed (never with its value). */
export type PersonalToken = AccountSession;

/** A freshly created personal access token: `token` is in this answer only. */
export interface CreatedToken {
  id: string;
  name: string;
  token: string;
  createdAt: string;
  expiresAt?: string | null;
}

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
}

export class AccountApi {
  constructor(private readonly rest: RestClient) {}

  sessions() { return this.rest.request<AccountSession[]>('GET', '/api/v1/me/sessions'); }
  revokeSession(id: string) { return this.rest.request<void>('DELETE', `/api/v1/me/sessions/${enc(id)}`); }
  tokens() { return this.rest.request<PersonalToken[]>('GET', '/api/v1/me/tokens'); }
  createToken(name: string, expiresInDays: number) {
    return this.rest.request<CreatedToken>('POST', '/api/v1/me/tokens', { name, expiresInDays });
  }
  revokeToken(id: string) { return this.rest.request<void>('DELETE', `/api/v1/me/tokens/${enc(id)}`); }

  /** Whether two-factor is on; null when the hub cannot tell (an older hub without `GET /me/totp`). */
  async totpEnabled(): Promise<boolean | null> {
    try {
      return (await this.rest.request<{ enabled: boolean }>('GET', '/api/v1/me/totp')).enabled;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
      throw e;
    }
  }
  beginTotp() { return this.rest.request<TotpEnrolment>('POST', '/api/v1/me/totp', {}); }
  confirmTotp(code: string) { return this.rest.request<void>('POST', '/api/v1/me/totp/confirm', { code }); }
  disableTotp(code: string) { return this.rest.request<void>('DELETE', '/api/v1/me/totp', { code }); }
  changePassword(currentPassword: string, newPassword: string) {
    return this.rest.request<void>('POST', '/api/v1/me/password', { currentPassword, newPassword });
  }
}

/**
 * Signs in with a local account; `totp` is the two-factor code, sent once the hub has answered
 * `totp_required` to an attempt without it.
 */
export function passwordLogin(rest: RestClient, username: string, password: string, totp?: string): Promise<TokenResponse> {
  return rest.request<TokenResponse>('POST', '/api/v1/auth/token', totp ? { username, password, totp } : { username, password });
}

function enc(value: string): string {
  return encodeURIComponent(value);
}
