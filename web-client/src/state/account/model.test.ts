import { describe, expect, it, vi } from 'vitest';
import type { AccountSession, CreatedToken, PersonalToken } from '../../api/account';
import { ApiError } from '../../api/errors';
import { accountEn } from '../../i18n/account.en';
import { accountFr } from '../../i18n/account.fr';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { CHROME_ANDROID, chloe, session, token } from './fixtures';
import { AccountModel, type AccountPort, type Section } from './model';

const SECRET = 'rlspat_2b7Kq9xVvQ0nE5s8ZbY1cW4dF6gH3jL';

function fakeApi(over: Partial<AccountPort> = {}): AccountPort {
  return {
    sessions: vi.fn(async (): Promise<AccountSession[]> => [
      session('s-old', { lastUsedAt: '2026-11-19T10:00:00Z', createdAt: '2026-11-19T08:00:00Z' }),
      session('s-here', { current: true, lastUsedAt: '2026-11-18T10:00:00Z' }),
      session('s-phone', { name: CHROME_ANDROID, lastUsedAt: '2026-11-20T10:00:00Z' }),
    ]),
    revokeSession: vi.fn(async () => {}),
    tokens: vi.fn(async (): Promise<PersonalToken[]> => [token('t-1', 'Export', '2026-11-01T08:00:00Z'), token('t-2', 'Veille', '2026-11-10T08:00:00Z')]),
    createToken: vi.fn(async (name: string): Promise<CreatedToken> => ({ id: 't-new', name, token: SECRET, createdAt: '2026-11-21T09:00:00Z', expiresAt: '2027-02-19T09:00:00Z' })),
    revokeToken: vi.fn(async () => {}),
    totpEnabled: vi.fn(async () => false),
    beginTotp: vi.fn(async () => ({ secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/Relais:chloe?secret=JBSWY3DPEHPK3PXP&issuer=Relais' })),
    confirmTotp: vi.fn(async () => {}),
    disableTotp: vi.fn(async () => {}),
    changePassword: vi.fn(async () => {}),
    ...over,
  };
}

async function entered(api = fakeApi(), signOut = vi.fn()) {
  const m = new AccountModel(api, chloe, signOut);
  await m.enter();
  return { m, api, signOut };
}

/** Every message the model shows must exist in both languages. */
function notice(m: AccountModel, section: Section) {
  const n = m.notices[section];
  if (n) {
    expect(accountFr).toHaveProperty([n.key]);
    expect(accountEn).toHaveProperty([n.key]);
  }
  return n;
}

describe('AccountModel — sessions', () => {
  it('loads everything on entering, this session first, then the most recently used', async () => {
    const { m } = await entered();
    expect(m.shown).toBe(true);
    expect(m.loaded).toBe(true);
    expect(m.orderedSessions.map((s) => s.id)).toEqual(['s-here', 's-phone', 's-old']);
    expect(m.otherSessions.map((s) => s.id).sort()).toEqual(['s-old', 's-phone']);
    expect(m.tokens.map((t) => t.id)).toEqual(['t-2', 't-1']); // newest first
    expect(m.totp).toEqual({ state: 'off' });
    expect(m.localAccount).toBe(true);
  });

  it('revokes another session after confirmation and says so', async () => {
    const { m, api, signOut } = await entered();
    m.ask({ action: 'revokeSession', id: 's-phone' });
    expect(api.revokeSession).not.toHaveBeenCalled();
    await m.confirm();
    expect(api.revokeSession).toHaveBeenCalledWith('s-phone');
    expect(m.sessions.map((s) => s.id)).not.toContain('s-phone');
    expect(m.confirmation).toBeNull();
    expect(notice(m, 'sessions')).toMatchObject({ key: 'account.sessions.revoked', error: false });
    expect(signOut).not.toHaveBeenCalled();
  });

  it('a cancelled confirmation does nothing', async () => {
    const { m, api } = await entered();
    m.ask({ action: 'revokeOthers' });
    m.cancelConfirmation();
    await m.confirm();
    expect(api.revokeSession).not.toHaveBeenCalled();
  });

  it('revoking this very session signs this browser out', async () => {
    const { m, api, signOut } = await entered();
    await m.revokeSession('s-here');
    expect(api.revokeSession).toHaveBeenCalledWith('s-here');
    expect(signOut).toHaveBeenCalledOnce();
  });

  it('signs out every other session, keeping this one', async () => {
    let remaining = true;
    const api = fakeApi();
    const all = await api.sessions();
    api.sessions = vi.fn(async () => (remaining ? all : all.filter((s) => s.current)));
    const { m } = await entered(api);
    remaining = false;
    await m.revokeOtherSessions();
    expect(vi.mocked(api.revokeSession).mock.calls.map((c) => c[0]).sort()).toEqual(['s-old', 's-phone']);
    expect(m.sessions.map((s) => s.id)).toEqual(['s-here']);
    expect(notice(m, 'sessions')).toMatchObject({ key: 'account.sessions.othersRevoked', params: { count: 2 } });
  });

  it('a session already gone is said in plain words and the list is refreshed', async () => {
    const api = fakeApi({ revokeSession: vi.fn(async () => { throw new ApiError('not_found', 'No such session', 404); }) });
    const { m } = await entered(api);
    await m.revokeSession('s-old');
    expect(notice(m, 'sessions')).toMatchObject({ key: 'account.error.not_found', error: true });
    expect(api.sessions).toHaveBeenCalledTimes(2);
  });

  it('no password change for a single sign-on browser session', async () => {
    const { m } = await entered(fakeApi({ sessions: vi.fn(async () => [session('sso', { kind: 'BROWSER', current: true })]) }));
    expect(m.localAccount).toBe(false);
  });
});

describe('AccountModel — personal access tokens', () => {
  it('shows a created token’s value until dismissed, and never again after leaving', async () => {
    const { m, api } = await entered();
    expect(await m.createToken('  Script de veille ', 30)).toBe(true);
    expect(api.createToken).toHaveBeenCalledWith('Script de veille', 30);
    expect(m.createdToken?.token).toBe(SECRET);
    expect(api.tokens).toHaveBeenCalledTimes(2);
    m.leave();
    expect(m.createdToken).toBeNull();
    await m.enter();
    expect(JSON.stringify(m)).not.toContain(SECRET);
  });

  it('checks the name and lifetime before asking the hub', async () => {
    const { m, api } = await entered();
    expect(await m.createToken('   ')).toBe(false);
    expect(notice(m, 'tokens')).toMatchObject({ key: 'account.tokens.nameRequired', error: true });
    expect(await m.createToken('x'.repeat(81))).toBe(false);
    expect(notice(m, 'tokens')?.key).toBe('account.tokens.nameTooLong');
    expect(await m.createToken('ok', 400)).toBe(false);
    expect(notice(m, 'tokens')?.key).toBe('account.tokens.badLifetime');
    expect(api.createToken).not.toHaveBeenCalled();
  });

  it('the hub’s refusals read as sentences; its own words only when nothing better is known', async () => {
    const api = fakeApi({ createToken: vi.fn(async () => { throw new ApiError('rate_limited', 'Too many tokens created', 429); }) });
    const { m } = await entered(api);
    expect(await m.createToken('Export')).toBe(false);
    expect(notice(m, 'tokens')).toMatchObject({ key: 'account.error.rate_limited', error: true });
    expect(m.createdToken).toBeNull();
    api.createToken = vi.fn(async () => { throw new ApiError('teapot', 'I am a teapot', 418); });
    await m.createToken('Export');
    expect(notice(m, 'tokens')).toMatchObject({ key: 'account.error.generic', detail: 'I am a teapot' });
    api.createToken = vi.fn(async () => { throw new ApiError('network', 'The hub cannot be reached'); });
    await m.createToken('Export');
    expect(notice(m, 'tokens')?.key).toBe('account.error.network');
  });

  it('one creation at a time (a double click creates one token)', async () => {
    const { m, api } = await entered();
    await Promise.all([m.createToken('Export'), m.createToken('Export')]);
    expect(api.createToken).toHaveBeenCalledTimes(1);
  });

  it('revokes a token after confirmation, forgetting its value if it was just created', async () => {
    const { m, api } = await entered();
    await m.createToken('Nouveau');
    m.ask({ action: 'revokeToken', id: 't-new' });
    await m.confirm();
    expect(api.revokeToken).toHaveBeenCalledWith('t-new');
    expect(m.createdToken).toBeNull();
    expect(notice(m, 'tokens')).toMatchObject({ key: 'account.tokens.revoked', params: { name: 'Nouveau' } });
  });
});

describe('AccountModel — two-factor', () => {
  it('enrols: secret shown, a code confirms, the state turns on', async () => {
    const { m, api } = await entered();
    await m.beginTotp();
    expect(m.totp).toMatchObject({ state: 'enrolling', enrolment: { secret: 'JBSWY3DPEHPK3PXP' } });
    expect(await m.confirmTotp('123 456')).toBe(true);
    expect(api.confirmTotp).toHaveBeenCalledWith('123456');
    expect(m.totp).toEqual({ state: 'on' });
    expect(notice(m, 'totp')).toMatchObject({ key: 'account.totp.enabled', error: false });
  });

  it('a malformed code is not sent; a refused one says the code is wrong', async () => {
    const api = fakeApi({ confirmTotp: vi.fn(async () => { throw new ApiError('validation_failed', 'The code is not valid', 400); }) });
    const { m } = await entered(api);
    await m.beginTotp();
    expect(await m.confirmTotp('12ab56')).toBe(false);
    expect(notice(m, 'totp')?.key).toBe('account.totp.codeFormat');
    expect(api.confirmTotp).not.toHaveBeenCalled();
    expect(await m.confirmTotp('000000')).toBe(false);
    expect(notice(m, 'totp')).toMatchObject({ key: 'account.totp.badCode', error: true });
    expect(m.totp.state).toBe('enrolling');
  });

  it('turns off with a code', async () => {
    const { m, api } = await entered(fakeApi({ totpEnabled: vi.fn(async () => true) }));
    expect(m.totp).toEqual({ state: 'on' });
    expect(await m.disableTotp('654321')).toBe(true);
    expect(api.disableTotp).toHaveBeenCalledWith('654321');
    expect(m.totp).toEqual({ state: 'off' });
  });

  it('already on elsewhere: says so instead of failing; an older hub leaves the state unknown', async () => {
    const { m } = await entered(fakeApi({
      totpEnabled: vi.fn(async () => null),
      beginTotp: vi.fn(async () => { throw new ApiError('conflict', 'Two-factor authentication is already on', 409); }),
    }));
    expect(m.totp).toEqual({ state: 'unknown' });
    await m.beginTotp();
    expect(m.totp).toEqual({ state: 'on' });
    expect(notice(m, 'totp')).toMatchObject({ key: 'account.totp.alreadyOn', error: false });
  });

  it('leaving during enrolment forgets the secret', async () => {
    const { m } = await entered();
    await m.beginTotp();
    m.leave();
    expect(m.totp).toEqual({ state: 'off' });
    expect(JSON.stringify(m)).not.toContain('JBSWY3DPEHPK3PXP');
  });
});

describe('AccountModel — password', () => {
  it('checks the policy first, then changes the password and signs out', async () => {
    const { m, api, signOut } = await entered();
    expect(await m.changePassword('', 'un mot de passe long', 'un mot de passe long')).toBe(false);
    expect(notice(m, 'password')?.key).toBe('account.password.currentRequired');
    expect(await m.changePassword('ancien-mdp', 'court', 'court')).toBe(false);
    expect(notice(m, 'password')?.key).toBe('account.password.tooShort');
    expect(api.changePassword).not.toHaveBeenCalled();
    expect(await m.changePassword('ancien-mdp', 'un mot de passe long', 'un mot de passe long')).toBe(true);
    expect(api.changePassword).toHaveBeenCalledWith('ancien-mdp', 'un mot de passe long');
    expect(signOut).toHaveBeenCalledOnce();
  });

  it('a wrong current password and a common new one are told in the user’s language', async () => {
    const api = fakeApi({ changePassword: vi.fn(async () => { throw new ApiError('forbidden', 'The current password is wrong', 403); }) });
    const { m, signOut } = await entered(api);
    await m.changePassword('faux', 'un mot de passe long', 'un mot de passe long');
    expect(notice(m, 'password')).toMatchObject({ key: 'account.password.wrongCurrent', error: true });
    api.changePassword = vi.fn(async () => { throw new ApiError('weak_password', 'this password is among the most common ones; choose another', 400); });
    await m.changePassword('bon', 'motdepasse1', 'motdepasse1');
    expect(notice(m, 'password')).toMatchObject({ key: 'account.password.common', error: true });
    expect(signOut).not.toHaveBeenCalled();
  });
});

describe('account catalogues', () => {
  it('English has exactly the French keys, apart from the base catalogue', () => {
    expect(Object.keys(accountEn).sort()).toEqual(Object.keys(accountFr).sort());
    const base = new Set([...Object.keys(fr), ...Object.keys(en)]);
    expect(Object.keys(accountFr).filter((k) => base.has(k))).toEqual([]);
  });

  it('every refusal the model knows by code has a message', () => {
    for (const code of ['network', 'rate_limited', 'not_found', 'unauthenticated', 'session_revoked', 'forbidden',
      'validation_failed', 'store_unavailable', 'overloaded', 'internal_error']) {
      expect(accountFr).toHaveProperty([`account.error.${code}`]);
    }
  });
});
