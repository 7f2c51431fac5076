import type { FederationFigures, RelayFigures, RelayItem } from '../../api/relay';
import type { User } from '../../api/types';

export const member: User = { id: 'u-bruno', username: 'bruno', displayName: 'Bruno', bot: false, federation: '29', roles: ['MEMBER'] };
export const coordinator: User = { id: 'u-alice', username: 'alice', displayName: 'Alice', bot: false, federation: '29', roles: ['FEDERATION_COORDINATOR'] };
export const hq: User = { id: 'u-bob', username: 'hq-bob', displayName: 'Bob', bot: false, roles: ['HQ_STAFF'] };

export function item(over: Partial<RelayItem> = {}): RelayItem {
  return {
    id: 'i1', status: 'PROPOSED', author: { id: member.id, username: member.username }, authorFederation: '29',
    text: 'Tract **national**', visuals: [], links: [], target: { kind: 'ALL', federations: [] }, channelIds: [],
    history: [{ at: '2026-11-20T10:00:00Z', by: { id: member.id, username: 'bruno' }, action: 'proposed' }],
    createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:00:00Z', version: 1, ...over,
  };
}

export function row(federation: string, over: Partial<FederationFigures> = {}): FederationFigures {
  return {
    federation, name: `Fédération ${federation}`, channelId: `fed-${federation.toLowerCase()}`, delivered: false,
    readers: 0, reactions: 0, replies: 0, escalation: 'none', ...over,
  };
}

export function figures(codes: string[], over: Partial<RelayItem> = {}): RelayFigures {
  const rows = codes.map((c) => row(c));
  return {
    item: item({ status: 'SCHEDULED', consigne: { requires: 'READ', deadline: '2026-11-22T10:00:00Z' }, channelIds: rows.map((r) => r.channelId), ...over }),
    totals: { federations: rows.length, delivered: 0, readers: 0, reactions: 0, replies: 0, acknowledged: 0, relayed: 0 },
    federations: rows,
  };
}
