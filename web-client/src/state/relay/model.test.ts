import { describe, expect, it, vi } from 'vitest';
import type { RelayItem } from '../../api/relay';
import { RELAY_TOPIC } from '../../api/relay';
import { RelayModel, type RelayPort } from './model';
import { figures, hq, item, member } from './fixtures';

function port(over: Partial<RelayPort> = {}): RelayPort {
  return {
    items: vi.fn(async () => [item()]), item: vi.fn(async () => item()), propose: vi.fn(async () => item()),
    edit: vi.fn(), comment: vi.fn(), requestChanges: vi.fn(async () => item({ status: 'CHANGES_REQUESTED', version: 2 })),
    approve: vi.fn(async () => item({ status: 'SCHEDULED', version: 2 })), reject: vi.fn(), release: vi.fn(),
    figures: vi.fn(async () => figures(['29', '22'])), acknowledge: vi.fn(async () => ({})),
    slots: vi.fn(async () => ({ timeZone: 'Europe/Paris', slots: ['12:30'], next: '2026-11-21T11:30:00Z' })),
    blackouts: vi.fn(async () => []), activeBlackout: vi.fn(async () => ({ active: false })), addBlackout: vi.fn(), deleteBlackout: vi.fn(),
    federations: vi.fn(async () => []), ...over,
  } as RelayPort;
}

const live = (connected = true) => ({ connected, subscribe: vi.fn(async () => {}) });

describe('RelayModel', () => {
  it('subscribes staff to the relay topic, and nobody else', async () => {
    const l = live();
    await new RelayModel(port(), l, hq).onConnected();
    expect(l.subscribe).toHaveBeenCalledWith(RELAY_TOPIC);
    const l2 = live();
    await new RelayModel(port(), l2, member).onConnected();
    expect(l2.subscribe).not.toHaveBeenCalled();
  });

  it('keeps the review queue current from live item changes', async () => {
    const m = new RelayModel(port(), live(), hq);
    await m.enter();
    expect(m.screen).toEqual({ kind: 'tab', tab: 'review' });
    expect(m.list).toHaveLength(1);
    m.onFrame({ type: 'relay.item.changed', item: item({ id: 'i2', createdAt: '2026-11-20T12:00:00Z' }) });
    expect(m.list.map((i) => i.id)).toEqual(['i1', 'i2']);
    m.onFrame({ type: 'relay.item.changed', item: item({ status: 'SCHEDULED', version: 2 }) });
    expect(m.list.map((i) => i.id)).toEqual(['i2']);
  });

  it('updates the open item after asking for changes and shows a notice', async () => {
    const m = new RelayModel(port(), live(), hq);
    await m.show({ kind: 'item', id: 'i1' });
    expect(await m.requestChanges('i1', 'Ajoutez le lien')).toBe(true);
    expect((m.item as RelayItem).status).toBe('CHANGES_REQUESTED');
    expect(m.notice?.key).toBe('relay.changesRequested');
  });

  it('builds the board from figures and applies live events to it and the totals', async () => {
    const m = new RelayModel(port(), live(), hq);
    await m.show({ kind: 'board', id: 'i1' });
    expect(m.board?.rows).toHaveLength(2);
    m.onFrame({ type: 'consigne.acked', itemId: 'i1', federation: '29', state: 'READ', by: 'alice' });
    expect(m.board?.rows[0]?.ack).toBe('READ');
    expect(m.figures?.totals.acknowledged).toBe(1);
  });

  it('turns a refusal into a relay error notice', async () => {
    const { ApiError } = await import('../../api/errors');
    const m = new RelayModel(port({ approve: vi.fn(async () => { throw new ApiError('relay_invalid_transition', 'Not possible', 409); }) }), live(), hq);
    expect(await m.approve('i1', {})).toBe(false);
    expect(m.notice?.key).toBe('relay.error.relay_invalid_transition');
  });
});
