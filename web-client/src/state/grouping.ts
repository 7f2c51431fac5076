import type { Message } from '../api/types';

export type Row =
  | { kind: 'day'; key: string; date: string }
  | { kind: 'message'; key: string; message: Message; continued: boolean };

const GROUP_MS = 5 * 60 * 1000;

/**
 * Rows of a message list: a date separator when the day changes, and consecutive messages of one
 * author within five minutes grouped (`continued`: no repeated name and avatar).
 */
export function rows(messages: Message[], dayOf: (iso: string) => string = (iso) => new Date(iso).toDateString()): Row[] {
  const out: Row[] = [];
  let previous: Message | undefined;
  let previousDay = '';
  for (const m of messages) {
    const day = dayOf(m.createdAt);
    if (day !== previousDay) {
      out.push({ kind: 'day', key: `day-${day}`, date: m.createdAt });
      previousDay = day;
      previous = undefined;
    }
    const continued = !!previous && previous.author.id === m.author.id && !previous.deleted
      && Date.parse(m.createdAt) - Date.parse(previous.createdAt) < GROUP_MS;
    out.push({ kind: 'message', key: m.id, message: m, continued });
    previous = m;
  }
  return out;
}

/** The @mention being typed at the caret, if any: its query and where it starts. */
export function mentionAt(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  const m = /(^|\s)@([\p{L}\p{N}_.-]*)$/u.exec(before);
  return m ? { query: m[2], start: caret - m[2].length - 1 } : null;
}

export const EMOJIS = ['👍', '❤️', '😂', '🎉', '🙏', '👏', '🔥', '✅', '👀', '😮', '😢', '😡', '🤔', '💪', '🚀', '📣',
  '📌', '🗳️', '🇫🇷', '✊', '🌹', '☕', '📅', '⚠️', '❌', '💯', '🙌', '😊', '😉', '🤝'];
