import type { AccountSession, CreatedToken, PersonalToken, TotpEnrolment } from '../../api/account';
import { ApiError } from '../../api/errors';
import type { User } from '../../api/types';
import { passwordProblem, weakPasswordKey } from './password';
import { ChangeNotifier } from '../notifier';

/** The REST calls the model needs (AccountApi in the app, a fake in tests). */
export interface AccountPort {
  sessions(): Promise<AccountSession[]>;
  revokeSession(id: string): Promise<void>;
  tokens(): Promise<PersonalToken[]>;
  createToken(name: string, expiresInDays: number): Promise<CreatedToken>;
  revokeToken(id: string): Promise<void>;
  totpEnabled(): Promise<boolean | null>;
  beginTotp(): Promise<TotpEnrolment>;
  confirmTotp(code: string): Promise<void>;
  disableTotp(code: string): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
}

export type Section = 'sessions' | 'tokens' | 'totp' | 'password';

/** A message shown in one section of the screen; `error` ones are alerts, the others polite status. */
export interface Notice {
  key: string;
  params?: Record<string, string | number>;
  /** The hub's own words, shown next to a generic message when there is no better one. */
  detail?: string;
  error: boolean;
}

export type TotpState =
  | { state: 'unknown' }
  | { state: 'off' }
  | { state: 'enrolling'; enrolment: TotpEnrolment }
  | { state: 'on' };

/** An action waiting for "yes, do it" (it cannot be undone, or it signs this browser out). */
export type Confirmation =
  | { action: 'revokeSession'; id: string }
  | { action: 'revokeOthers' }
  | { action: 'revokeToken'; id: string };

/** Lifetimes offered for a personal access token, in days (the hub accepts 1 to 366). */
export const TOKEN_LIFETIMES = [7, 30, 90, 180, 366] as const;
export const DEFAULT_TOKEN_LIFETIME = 90;
const TOKEN_NAME_MAX = 80;
const TOTP_CODE = /^\d{6}$/;

/**
 * The "My account" screen's view model: active sessions (revoke one, or every other one), personal
 * access tokens (created with their value shown once, listed, revoked), two-factor authentication
 * (enrol with a secret, confirm with a code, turn off with a code) and the password change. Revoking
 * the current session or changing the password ends this sign-in, through `signOut`.
 */
export class AccountModel extends ChangeNotifier {
  shown = false;
  loaded = false;
  sessions: AccountSession[] = [];
  tokens: PersonalToken[] = [];
  /** The token just created, with its value: shown until dismissed or the screen is left, never again. */
  createdToken: CreatedToken | null = null;
  totp: TotpState = { state: 'unknown' };
  confirmation: Confirmation | null = null;
  notices: Partial<Record<Section, Notice>> = {};
  readonly busy = new Set<Section>();


  constructor(
    private readonly api: AccountPort,
    readonly me: User,
    private readonly signOut: () => void,
  ) {
    super();
  }

  // ---- screen ---------------------------------------------------------------------------------

  async enter(): Promise<void> {
    this.shown = true;
    this.changed();
    await this.reload();
  }

  /** Leaving forgets every secret on screen: a created token's value and a pending TOTP secret. */
  leave(): void {
    if (!this.shown) return;
    this.shown = false;
    this.createdToken = null;
    if (this.totp.state === 'enrolling') this.totp = { state: 'off' };
    this.confirmation = null;
    this.notices = {};
    this.changed();
  }

  async reload(): Promise<void> {
    await Promise.all([this.reloadSessions(), this.reloadTokens(), this.reloadTotp()]);
    this.loaded = true;
    this.changed();
  }

  dismiss(section: Section): void {
    delete this.notices[section];
    this.changed();
  }

  /** The current session first, then the most recently used. */
  get orderedSessions(): AccountSession[] {
    const recent = (s: AccountSession) => s.lastUsedAt ?? s.createdAt;
    return [...this.sessions].sort((a, b) => Number(b.current) - Number(a.current) || recent(b).localeCompare(recent(a)));
  }

  get otherSessions(): AccountSession[] {
    return this.sessions.filter((s) => !s.current);
  }

  /**
   * Whether the password is the hub's to change: not when this browser signed in through the party's
   * single sign-on (the password then lives at the identity provider).
   */
  get localAccount(): boolean {
    return !this.sessions.some((s) => s.current && s.kind === 'BROWSER');
  }

  // ---- confirmations --------------------------------------------------------------------------

  ask(confirmation: Confirmation): void {
    this.confirmation = confirmation;
    this.changed();
  }

  cancelConfirmation(): void {
    this.confirmation = null;
    this.changed();
  }

  async confirm(): Promise<void> {
    const c = this.confirmation;
    this.confirmation = null;
    if (!c) return;
    if (c.action === 'revokeSession') await this.revokeSession(c.id);
    else if (c.action === 'revokeOthers') await this.revokeOtherSessions();
    else await this.revokeToken(c.id);
  }

  // ---- sessions -------------------------------------------------------------------------------

  async revokeSession(id: string): Promise<void> {
    const session = this.sessions.find((s) => s.id === id);
    await this.run('sessions', async () => {
      await this.api.revokeSession(id);
      if (session?.current) {
        this.signOut();
        return;
      }
      this.sessions = this.sessions.filter((s) => s.id !== id);
      this.notices.sessions = { key: 'account.sessions.revoked', error: false };
    }, () => this.reloadSessions());
  }

  /** "Sign out everywhere else": every session but this one (personal tokens stay; they have their own list). */
  async revokeOtherSessions(): Promise<void> {
    const others = this.otherSessions;
    await this.run('sessions', async () => {
      const results = await Promise.allSettled(others.map((s) => this.api.revokeSession(s.id)));
      const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      await this.reloadSessions();
      if (failed.length > 0) throw failed[0]!.reason;
      this.notices.sessions = { key: 'account.sessions.othersRevoked', params: { count: others.length }, error: false };
    });
  }

  // ---- personal access tokens -----------------------------------------------------------------

  /** Creates a token and keeps its value for display; false when nothing was created. */
  async createToken(name: string, expiresInDays: number = DEFAULT_TOKEN_LIFETIME): Promise<boolean> {
    const trimmed = name.trim();
    if (!trimmed) return this.refuse('tokens', 'account.tokens.nameRequired');
    if (trimmed.length > TOKEN_NAME_MAX) return this.refuse('tokens', 'account.tokens.nameTooLong', { max: TOKEN_NAME_MAX });
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 366) {
      return this.refuse('tokens', 'account.tokens.badLifetime');
    }
    let created = false;
    await this.run('tokens', async () => {
      this.createdToken = await this.api.createToken(trimmed, expiresInDays);
      created = true;
      await this.reloadTokens();
    });
    return created;
  }

  dismissCreatedToken(): void {
    this.createdToken = null;
    this.changed();
  }

  async revokeToken(id: string): Promise<void> {
    const name = this.tokens.find((t) => t.id === id)?.name ?? (this.createdToken?.id === id ? this.createdToken.name : '');
    await this.run('tokens', async () => {
      await this.api.revokeToken(id);
      this.tokens = this.tokens.filter((t) => t.id !== id);
      if (this.createdToken?.id === id) this.createdToken = null;
      this.notices.tokens = { key: 'account.tokens.revoked', params: { name }, error: false };
    }, () => this.reloadTokens());
  }

  // ---- two-factor -----------------------------------------------------------------------------

  async beginTotp(): Promise<void> {
    await this.run('totp', async () => {
      try {
        this.totp = { state: 'enrolling', enrolment: await this.api.beginTotp() };
      } catch (e) {
        // Already on (turned on from another browser): say so instead of failing.
        if (e instanceof ApiError && e.code === 'conflict') {
          this.totp = { state: 'on' };
          this.notices.totp = { key: 'account.totp.alreadyOn', error: false };
          return;
        }
        throw e;
      }
    });
  }

  cancelTotp(): void {
    if (this.totp.state === 'enrolling') this.totp = { state: 'off' };
    delete this.notices.totp;
    this.changed();
  }

  /** Turns two-factor on with a code from the phone app; false when the code was refused. */
  async confirmTotp(code: string): Promise<boolean> {
    const clean = code.replace(/\s/g, '');
    if (!TOTP_CODE.test(clean)) return this.refuse('totp', 'account.totp.codeFormat');
    let done = false;
    await this.run('totp', async () => {
      await this.api.confirmTotp(clean);
      this.totp = { state: 'on' };
      this.notices.totp = { key: 'account.totp.enabled', error: false };
      done = true;
    });
    return done;
  }

  async disableTotp(code: string): Promise<boolean> {
    const clean = code.replace(/\s/g, '');
    if (!TOTP_CODE.test(clean)) return this.refuse('totp', 'account.totp.codeFormat');
    let done = false;
    await this.run('totp', async () => {
      await this.api.disableTotp(clean);
      this.totp = { state: 'off' };
      this.notices.totp = { key: 'account.totp.disabled', error: false };
      done = true;
    });
    return done;
  }

  // ---- password -------------------------------------------------------------------------------

  /** Changes the password; the hub then ends every session, this one included, so this signs out. */
  async changePassword(current: string, next: string, confirmation: string): Promise<boolean> {
    if (!current) return this.refuse('password', 'account.password.currentRequired');
    const problem = passwordProblem(this.me.username, next, confirmation);
    if (problem) return this.refuse('password', problem);
    let done = false;
    await this.run('password', async () => {
      await this.api.changePassword(current, next);
      done = true;
    });
    if (done) this.signOut();
    return done;
  }

  // ---- plumbing -------------------------------------------------------------------------------

  private async reloadSessions(): Promise<void> {
    try {
      this.sessions = await this.api.sessions();
    } catch (e) {
      this.notices.sessions = this.problem('sessions', e);
    }
  }

  private async reloadTokens(): Promise<void> {
    try {
      this.tokens = [...await this.api.tokens()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    } catch (e) {
      this.notices.tokens = this.problem('tokens', e);
    }
  }

  private async reloadTotp(): Promise<void> {
    if (this.totp.state === 'enrolling') return;
    try {
      const enabled = await this.api.totpEnabled();
      this.totp = enabled === null ? { state: 'unknown' } : { state: enabled ? 'on' : 'off' };
    } catch (e) {
      this.notices.totp = this.problem('totp', e);
    }
  }

  /** Runs one action of a section: busy meanwhile, its notice replaced by the outcome. */
  private async run(section: Section, action: () => Promise<void>, afterFailure?: () => Promise<void>): Promise<void> {
    if (this.busy.has(section)) return;
    this.busy.add(section);
    delete this.notices[section];
    this.changed();
    try {
      await action();
    } catch (e) {
      this.notices[section] = this.problem(section, e);
      await afterFailure?.();
    } finally {
      this.busy.delete(section);
      this.changed();
    }
  }

  private refuse(section: Section, key: string, params?: Record<string, string | number>): false {
    this.notices[section] = { key, params, error: true };
    this.changed();
    return false;
  }

  /** What to tell the person about a refusal from the hub, in their language. */
  private problem(section: Section, e: unknown): Notice {
    if (!(e instanceof ApiError)) return { key: 'account.error.generic', detail: String(e), error: true };
    if (section === 'password' && e.code === 'weak_password') return { key: weakPasswordKey(e.message), error: true };
    if (section === 'password' && e.code === 'forbidden') return { key: 'account.password.wrongCurrent', error: true };
    if (section === 'totp' && e.code === 'validation_failed') return { key: 'account.totp.badCode', error: true };
    if (KNOWN_CODES.has(e.code)) {
      return { key: `account.error.${e.code}`, detail: e.code === 'validation_failed' ? e.message : undefined, error: true };
    }
    return { key: 'account.error.generic', detail: e.message, error: true };
  }
}

/** Refusals that read the same in every section (each has an `account.error.<code>` message). */
const KNOWN_CODES = new Set(['network', 'rate_limited', 'not_found', 'unauthenticated', 'session_revoked', 'forbidden',
  'validation_failed', 'store_unavailable', 'overloaded', 'internal_error']);
