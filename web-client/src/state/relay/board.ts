import type {
  AckState, Escalation, FederationFigures, RelayFigures, RelayFrame, RelayItem, RelayTotals,
} from '../../api/relay';

/**
 * The consigne board: one cell per target federation, from `GET /relay/items/{id}/figures`, then kept
 * current by the `/topic/relay` events of that item. Acknowledgements never go back down and escalation
 * steps only move forward (the hub's rules), so a late or repeated event cannot undo a newer state.
 */
export type CellState = 'relayed' | 'read' | 'pending' | 'reminded' | 'escalated';

export const CELL_STATES: readonly CellState[] = ['relayed', 'read', 'pending', 'reminded', 'escalated'];
const ESCALATION_ORDER: readonly Escalation[] = ['none', 'reminder', 'dm', 'hq'];
const ACK_ORDER: readonly (AckState | null)[] = [null, 'READ', 'RELAYED'];

export interface Board {
  item: RelayItem;
  rows: FederationFigures[];
}

export function boardOf(figures: RelayFigures): Board {
  return { item: figures.item, rows: figures.federations.map((r) => ({ ...r })) };
}

/** A federation's cell: what it acknowledged, else how far the reminders went. */
export function cellState(row: Pick<FederationFigures, 'ack' | 'escalation'>): CellState {
  if (row.ack === 'RELAYED') return 'relayed';
  if (row.ack === 'READ') return 'read';
  if (row.escalation === 'reminder') return 'reminded';
  if (row.escalation === 'dm' || row.escalation === 'hq') return 'escalated';
  return 'pending';
}

/** Whether the federation has done what the consigne asks (RELAYED satisfies READ). */
export function satisfied(row: Pick<FederationFigures, 'ack'>, requires: AckState | undefined): boolean {
  if (!row.ack) return false;
  return ACK_ORDER.indexOf(row.ack) >= ACK_ORDER.indexOf(requires ?? 'READ');
}

/** The board after one `/topic/relay` event; the same board when the event is about another item or changes nothing. */
export function applyBoardEvent(board: Board, e: RelayFrame): Board {
  if (e.type === 'relay.item.changed') {
    return e.item.id === board.item.id && e.item.version >= board.item.version ? { ...board, item: e.item } : board;
  }
  if (e.itemId !== board.item.id) return board;
  const i = board.rows.findIndex((r) => (e.type === 'relay.delivered' ? r.channelId === e.channelId || r.federation === e.federation
    : r.federation === e.federation));
  if (i < 0) return board;
  const row = board.rows[i]!;
  let next: FederationFigures = row;
  if (e.type === 'relay.delivered' && !row.delivered) next = { ...row, delivered: true };
  if (e.type === 'consigne.acked' && ACK_ORDER.indexOf(e.state) > ACK_ORDER.indexOf(row.ack ?? null)) {
    next = { ...row, ack: e.state, ackedBy: e.by };
  }
  if (e.type === 'consigne.escalated' && ESCALATION_ORDER.indexOf(e.stage) > ESCALATION_ORDER.indexOf(row.escalation)) {
    next = { ...row, escalation: e.stage };
  }
  if (next === row) return board;
  const rows = board.rows.slice();
  rows[i] = next;
  return { ...board, rows };
}

/** How many federations are in each state (for the legend and the headline). */
export function countByState(rows: readonly FederationFigures[]): Record<CellState, number> {
  const out: Record<CellState, number> = { relayed: 0, read: 0, pending: 0, reminded: 0, escalated: 0 };
  for (const r of rows) out[cellState(r)]++;
  return out;
}

/** The totals of the figures call, recomputed from the rows (after live events changed them). */
export function totalsOf(rows: readonly FederationFigures[]): RelayTotals {
  return {
    federations: rows.length,
    delivered: rows.filter((r) => r.delivered).length,
    readers: rows.reduce((s, r) => s + r.readers, 0),
    reactions: rows.reduce((s, r) => s + r.reactions, 0),
    replies: rows.reduce((s, r) => s + r.replies, 0),
    acknowledged: rows.filter((r) => !!r.ack).length,
    relayed: rows.filter((r) => r.ack === 'RELAYED').length,
  };
}

/**
 * The relay message of a consigne as the relay bot posts it in a federation channel: its clientMessageId
 * is `relay-<itemId>-<channelId>` and its text carries the "**Consigne**" paragraph with `/relais lu|relaye <id>`.
 */
export function consigneOfMessage(m: { clientMessageId?: string | null; text: string; author: { bot: boolean }; channelId: string }):
  { itemId: string; requires: AckState } | null {
  if (!m.author.bot || !m.clientMessageId) return null;
  const prefix = 'relay-';
  const suffix = `-${m.channelId}`;
  if (!m.clientMessageId.startsWith(prefix) || !m.clientMessageId.endsWith(suffix)) return null;
  const itemId = m.clientMessageId.slice(prefix.length, m.clientMessageId.length - suffix.length);
  if (!/^[\w]+$/.test(itemId)) return null;
  const command = new RegExp(`/relais (lu|relaye) ${itemId}\\b`).exec(m.text);
  if (!command) return null;
  return { itemId, requires: command[1] === 'relaye' ? 'RELAYED' : 'READ' };
}
