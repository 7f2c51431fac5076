import { describe, expect, it } from 'vitest';
import type { SlashCommand } from '../../api/bots';
import { ApiError } from '../../api/errors';
import { PendingQueue } from '../pending';
import { commandQuery, completeCommand, invokedCommand, matchCommands } from './commands';

const list: SlashCommand[] = [
  { name: 'relais', botId: 'b1', botUsername: 'relais-bot', description: 'Relais national', usage: 'lu|relaye <id>' },
  { name: 'proposer', botId: 'b1', botUsername: 'relais-bot' },
  { name: 'meteo', botId: 'b2', botUsername: 'meteo-bot' },
];

describe('slash commands in the composer', () => {
  it('suggests while the first word is typed', () => {
    expect(commandQuery('/re', 3)).toBe('re');
    expect(commandQuery('/', 1)).toBe('');
    expect(commandQuery('/relais lu 42', 12)).toBeNull();
    expect(commandQuery('bonjour /re', 11)).toBeNull();
    expect(matchCommands(list, 'p').map((c) => c.name)).toEqual(['proposer']);
    expect(matchCommands(list, '').map((c) => c.name)).toEqual(['meteo', 'proposer', 'relais']);
  });

  it('recognises a registered command, and only that', () => {
    expect(invokedCommand(list, '/relais lu 42')?.botUsername).toBe('relais-bot');
    expect(invokedCommand(list, '/inconnu bonjour')).toBeNull();
    expect(invokedCommand(list, 'relais lu')).toBeNull();
    expect(completeCommand('/re lu 42', 'relais')).toBe('/relais lu 42');
  });

  it('treats a post routed to a bot as sent, not failed', async () => {
    const queue = new PendingQueue();
    const routed: string[] = [];
    queue.onRouted = (m) => routed.push(m);
    queue.enqueue({ clientMessageId: 'c1', channelId: 'fed-29', text: '/relais lu 42', attachments: [] });
    await queue.flush(async () => { throw new ApiError('command_routed', 'Sent to the bot as /relais (invocation i1)'); });
    expect(queue.list()).toEqual([]);
    expect(routed).toEqual(['Sent to the bot as /relais (invocation i1)']);
  });
});
