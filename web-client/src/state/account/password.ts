// The hub's password policy (docs/api.md "Password policy"), checked before sending so the person learns
// at once what is wrong; the hub checks again (and knows the list of common passwords).

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** The catalogue key of what is wrong with the new password, or null when it may be sent. */
export function passwordProblem(username: string, next: string, confirmation: string): string | null {
  if (next.length < PASSWORD_MIN) return 'account.password.tooShort';
  if (next.length > PASSWORD_MAX) return 'account.password.tooLong';
  const lower = next.toLowerCase();
  if (new Set(lower).size < 4) return 'account.password.tooSimple';
  if (username && lower === username.toLowerCase()) return 'account.password.isUsername';
  if (next !== confirmation) return 'account.password.mismatch';
  return null;
}

/**
 * The catalogue key for a `weak_password` refusal. The hub explains in English only, so its detail is
 * matched to say the same thing in the person's language.
 */
export function weakPasswordKey(detail: string): string {
  if (/common/i.test(detail)) return 'account.password.common';
  if (/different characters/i.test(detail)) return 'account.password.tooSimple';
  if (/username/i.test(detail)) return 'account.password.isUsername';
  if (/characters/i.test(detail)) return 'account.password.length';
  return 'account.password.weak';
}
