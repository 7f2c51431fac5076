import { accountEn } from './account.en';
import { accountFr } from './account.fr';
import { en } from './en';
import { fr, type MessageKey } from './fr';
import { meetingsEn } from './meetings.en';
import { meetingsFr } from './meetings.fr';
import { relayEn } from './relay.en';
import { relayFr } from './relay.fr';
import { supportEn } from './support.en';
import { supportFr } from './support.fr';

export type Language = 'fr' | 'en';
export type { MessageKey };

// Feature catalogues (support line, meetings, relay, my account) are kept in their own files and merged here.
const catalogues: Record<Language, Record<string, string>> = {
  fr: { ...fr, ...supportFr, ...meetingsFr, ...relayFr, ...accountFr },
  en: { ...en, ...supportEn, ...meetingsEn, ...relayEn, ...accountEn },
};

/** French unless the user chose English, or the browser prefers English and no choice was made. */
export function pickLanguage(saved: string | null, browserLanguages: readonly string[]): Language {
  if (saved === 'fr' || saved === 'en') return saved;
  const first = browserLanguages[0]?.toLowerCase() ?? 'fr';
  return first.startsWith('en') ? 'en' : 'fr';
}

export class I18n {
  constructor(public language: Language) {}

  /** The message for `key` with `{name}` placeholders filled; unknown keys fall back to French, then the key. */
  t = (key: string, params: Record<string, string | number> = {}): string => {
    const template = (catalogues[this.language] as Record<string, string>)[key]
      ?? catalogues.fr[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  };

  /** Dates in the user's language: "14:05", and day separators like "lundi 3 mars". */
  time(iso: string): string {
    return new Date(iso).toLocaleTimeString(this.locale, { hour: '2-digit', minute: '2-digit' });
  }

  day(iso: string, now = new Date()): string {
    const d = new Date(iso);
    const days = Math.round((startOfDay(now) - startOfDay(d)) / 86_400_000);
    if (days === 0) return this.t('date.today');
    if (days === 1) return this.t('date.yesterday');
    return d.toLocaleDateString(this.locale, { weekday: 'long', day: 'numeric', month: 'long', year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric' });
  }

  get locale(): string {
    return this.language === 'en' ? 'en-GB' : 'fr-FR';
  }
}

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}
