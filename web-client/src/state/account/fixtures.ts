import type { AccountSession, PersonalToken } from '../../api/account';

export const chloe = { id: 'u-chloe', username: 'chloe', displayName: 'Chloé Morvan', bot: false, federation: '29', roles: ['MEMBER'] };

export const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
export const CHROME_ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

export function session(id: string, over: Partial<AccountSession> = {}): AccountSession {
  return {
    id, kind: 'PASSWORD', name: FIREFOX, createdAt: '2026-11-20T08:00:00Z', expiresAt: '2026-11-20T20:00:00Z',
    lastUsedAt: '2026-11-20T09:00:00Z', current: false, ...over,
  };
}

export function token(id: string, name: string, createdAt: string, over: Partial<PersonalToken> = {}): PersonalToken {
  return { id, kind: 'PERSONAL_TOKEN', name, createdAt, expiresAt: '2027-02-18T08:00:00Z', lastUsedAt: null, current: false, ...over };
}
