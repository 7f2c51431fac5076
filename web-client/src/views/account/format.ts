/** "21 nov. 2026, 10:00" in the person's language. */
export function dateTime(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A TOTP secret in groups of four, easier to type into a phone ("ABCD EFGH ..."). */
export function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
