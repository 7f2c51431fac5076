import { describe, expect, it } from 'vitest';
import { describeClient } from './client';
import { CHROME_ANDROID, FIREFOX } from './fixtures';
import { passwordProblem, weakPasswordKey } from './password';

describe('describeClient', () => {
  it('names the browser and system of a user agent', () => {
    expect(describeClient(FIREFOX)).toBe('Firefox · Windows');
    expect(describeClient(CHROME_ANDROID)).toBe('Chrome · Android');
    expect(describeClient('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15'))
      .toBe('Safari · macOS');
    expect(describeClient('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0'))
      .toBe('Edge · Windows');
    expect(describeClient('Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'))
      .toBe('Safari · iOS');
  });

  it('keeps the name of anything else, shortened, and nothing for an empty one', () => {
    expect(describeClient('curl/8.5.0')).toBe('curl/8.5.0');
    expect(describeClient('x'.repeat(100))).toBe(`${'x'.repeat(59)}…`);
    expect(describeClient('')).toBeNull();
    expect(describeClient(null)).toBeNull();
  });
});

describe('password policy', () => {
  it('follows the hub: 10 to 128 characters, 4 different ones, not the username, both entries equal', () => {
    expect(passwordProblem('chloe', 'court', 'court')).toBe('account.password.tooShort');
    expect(passwordProblem('chloe', 'a'.repeat(129), 'a'.repeat(129))).toBe('account.password.tooLong');
    expect(passwordProblem('chloe', 'abababababab', 'abababababab')).toBe('account.password.tooSimple');
    expect(passwordProblem('jean-claude', 'Jean-Claude', 'Jean-Claude')).toBe('account.password.isUsername');
    expect(passwordProblem('chloe', 'un mot de passe long', 'un mot de passe lon')).toBe('account.password.mismatch');
    expect(passwordProblem('chloe', 'un mot de passe long', 'un mot de passe long')).toBeNull();
  });

  it('says in the user’s language what the hub’s English refusal means', () => {
    expect(weakPasswordKey('this password is among the most common ones; choose another')).toBe('account.password.common');
    expect(weakPasswordKey('password needs at least 4 different characters')).toBe('account.password.tooSimple');
    expect(weakPasswordKey('password must not be the username')).toBe('account.password.isUsername');
    expect(weakPasswordKey('password must be 10 to 128 characters')).toBe('account.password.length');
    expect(weakPasswordKey('something new')).toBe('account.password.weak');
  });
});
