import type { TypingEvent, UserRef } from '../api/types';

/** Who is typing where: shown for {@link TYPING_MS} after each typing event (the hub relays one every 2 s). */
export const TYPING_MS = 5000;

export class TypingTracker {
  private readonly entries = new Map<string, Map<string, { user: UserRef; until: number }>>();

  constructor(private readonly meId: string, private readonly now: () => number = Date.now) {}

  onTyping(event: TypingEvent): void {
    if (event.user.id === this.meId) return;
    const key = keyOf(event.channelId, event.threadId ?? undefined);
    let users = this.entries.get(key);
    if (!users) this.entries.set(key, (users = new Map()));
    users.set(event.user.id, { user: event.user, until: this.now() + TYPING_MS });
  }

  /** Someone's message arrived: they stopped typing. */
  stopped(channelId: string, userId: string, threadId?: string): void {
    this.entries.get(keyOf(channelId, threadId))?.delete(userId);
  }

  typing(channelId: string, threadId?: string): UserRef[] {
    const users = this.entries.get(keyOf(channelId, threadId));
    if (!users) return [];
    const now = this.now();
    for (const [id, e] of users) if (e.until <= now) users.delete(id);
    return [...users.values()].map((e) => e.user);
  }
}

function keyOf(channelId: string, threadId?: string): string {
  return threadId ? `${channelId}/${threadId}` : channelId;
}
