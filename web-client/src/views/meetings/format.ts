import type { Occurrence } from '../../api/meetings';
import type { I18n } from '../../i18n';

const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "mardi 10 mars 2026" of an instant, in the meeting's time zone. */
export function formatDay(i18n: I18n, iso: string, timeZone?: string): string {
  return new Date(iso).toLocaleDateString(i18n.locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone });
}

export function formatTime(i18n: I18n, iso: string, timeZone?: string): string {
  return new Date(iso).toLocaleTimeString(i18n.locale, { hour: '2-digit', minute: '2-digit', timeZone });
}

/** "18:00 – 19:30" in the meeting's zone, with the zone named when it is not the browser's. */
export function formatRange(i18n: I18n, o: Pick<Occurrence, 'start' | 'end' | 'timeZone'>): string {
  const range = `${formatTime(i18n, o.start, o.timeZone)} – ${formatTime(i18n, o.end, o.timeZone)}`;
  return o.timeZone && o.timeZone !== browserZone() ? `${range} (${zoneLabel(o.timeZone)})` : range;
}

export function formatWhen(i18n: I18n, o: Pick<Occurrence, 'start' | 'end' | 'timeZone'>): string {
  return `${formatDay(i18n, o.start, o.timeZone)}, ${formatRange(i18n, o)}`;
}

export function zoneLabel(zone: string): string {
  return zone.replace(/^[^/]+\//, '').replace(/_/g, ' ');
}

/** A local "2026-03-31" date for the day headings (noon UTC: the same day in every zone). */
export function formatDayKey(i18n: I18n, day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(i18n.locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
}

export function durationText(t: (k: string, p?: Record<string, string | number>) => string, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h && m) return t('meetings.duration.hm', { h, m: String(m).padStart(2, '0') });
  if (h) return t('meetings.duration.h', { h });
  return t('meetings.duration.m', { m });
}
