import type { SlashCommand } from '../../api/bots';

/**
 * Slash commands in the composer: what to suggest while the first word is being typed, and whether a text
 * is a registered command (then it goes to `POST /channels/{id}/commands`, not into the channel).
 */
const NAME = /^\/([a-z0-9_-]*)$/;

/** The partial command name being typed: the caret is in the text's first word, which starts with "/". */
export function commandQuery(text: string, caret: number): string | null {
  const first = text.split(/\s/, 1)[0] ?? '';
  if (!first.startsWith('/') || caret > first.length) return null;
  const m = NAME.exec(first.toLowerCase());
  return m ? m[1]! : null;
}

/** Registered commands starting with the query, alphabetical, at most `max`. */
export function matchCommands(list: readonly SlashCommand[], query: string, max = 8): SlashCommand[] {
  return list.filter((c) => c.name.startsWith(query)).sort((a, b) => a.name.localeCompare(b.name)).slice(0, max);
}

/** The registered command this text invokes ("/name args"), if any. */
export function invokedCommand(list: readonly SlashCommand[], text: string): SlashCommand | null {
  const m = /^\/([a-z0-9_-]{2,32})(?:\s|$)/.exec(text.trim());
  return m ? list.find((c) => c.name === m[1]) ?? null : null;
}

/** The text after choosing a suggestion: "/name " followed by what came after the first word. */
export function completeCommand(text: string, name: string): string {
  const rest = text.replace(/^\S*/, '').replace(/^\s*/, '');
  return `/${name} ${rest}`;
}

export interface CommandReply {
  type: 'command.reply';
  invocation: { id: string; command: string; channelId: string; reply?: { text: string; visibility: 'CALLER' | 'CHANNEL' } | null };
  bot: { id: string; username: string; displayName: string };
}
