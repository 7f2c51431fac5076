import { describe, expect, it } from 'vitest';
import { applyBoardEvent, boardOf, cellState, consigneOfMessage, countByState, satisfied, totalsOf } from './board';
import { figures, item } from './fixtures';

const codes = Array.from({ length: 102 }, (_, i) => String(i + 1).padStart(2, '0'));

describe('consigne board', () => {
  it('starts with every federation pending', () => {
    const board = boardOf(figures(codes));
    expect(board.rows).toHaveLength(102);
    expect(countByState(board.rows)).toEqual({ relayed: 0, read: 0, pending: 102, reminded: 0, escalated: 0 });
  });

  it('applies acknowledgements, never downwards', () => {
    let board = boardOf(figures(codes));
    board = applyBoardEvent(board, { type: 'consigne.acked', itemId: 'i1', federation: '29', state: 'RELAYED', by: 'alice' });
    board = applyBoardEvent(board, { type: 'consigne.acked', itemId: 'i1', federation: '22', state: 'READ', by: 'yann' });
    const before = board;
    board = applyBoardEvent(board, { type: 'consigne.acked', itemId: 'i1', federation: '29', state: 'READ', by: 'bruno' });
    expect(board).toBe(before);
    expect(board.rows.find((r) => r.federation === '29')).toMatchObject({ ack: 'RELAYED', ackedBy: 'alice' });
    expect(countByState(board.rows)).toMatchObject({ relayed: 1, read: 1, pending: 100 });
  });

  it('moves escalation forward only, and an acknowledgement wins over it', () => {
    let board = boardOf(figures(codes));
    board = applyBoardEvent(board, { type: 'consigne.escalated', itemId: 'i1', federation: '56', stage: 'dm' });
    board = applyBoardEvent(board, { type: 'consigne.escalated', itemId: 'i1', federation: '56', stage: 'reminder' });
    board = applyBoardEvent(board, { type: 'consigne.escalated', itemId: 'i1', federation: '35', stage: 'reminder' });
    expect(board.rows.find((r) => r.federation === '56')!.escalation).toBe('dm');
    expect(countByState(board.rows)).toMatchObject({ escalated: 1, reminded: 1, pending: 100 });
    board = applyBoardEvent(board, { type: 'consigne.acked', itemId: 'i1', federation: '56', state: 'READ', by: 'x' });
    expect(cellState(board.rows.find((r) => r.federation === '56')!)).toBe('read');
  });

  it('records deliveries and the item’s own changes, and ignores other items', () => {
    let board = boardOf(figures(codes));
    board = applyBoardEvent(board, { type: 'relay.delivered', itemId: 'i1', federation: '29', channelId: 'fed-29', delivered: 1, total: 102 });
    expect(totalsOf(board.rows).delivered).toBe(1);
    const same = applyBoardEvent(board, { type: 'consigne.acked', itemId: 'other', federation: '29', state: 'READ', by: 'x' });
    expect(same).toBe(board);
    board = applyBoardEvent(board, { type: 'relay.item.changed', item: item({ status: 'POSTED', version: 9 }) });
    expect(board.item.status).toBe('POSTED');
  });

  it('knows what satisfies a consigne', () => {
    expect(satisfied({ ack: 'RELAYED' }, 'READ')).toBe(true);
    expect(satisfied({ ack: 'READ' }, 'RELAYED')).toBe(false);
    expect(satisfied({ ack: null }, 'READ')).toBe(false);
  });
});

describe('the relay message of a consigne', () => {
  const m = {
    author: { bot: true }, channelId: 'fed-29', clientMessageId: 'relay-6650aa-fed-29',
    text: '📣 **Relais national**\n\nTexte\n\n**Consigne** : merci d’accuser réception avant lundi avec `/relais relaye 6650aa`',
  };
  it('is recognised from its clientMessageId and text', () => {
    expect(consigneOfMessage(m)).toEqual({ itemId: '6650aa', requires: 'RELAYED' });
    expect(consigneOfMessage({ ...m, author: { bot: false } })).toBeNull();
    expect(consigneOfMessage({ ...m, text: 'Texte sans consigne' })).toBeNull();
    expect(consigneOfMessage({ ...m, clientMessageId: 'relay-6650aa-fed-22' })).toBeNull();
  });
});
