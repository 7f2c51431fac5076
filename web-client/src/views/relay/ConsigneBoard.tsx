import { useState } from 'preact/hooks';
import type { RelayModel } from '../../state/relay/model';
import { CELL_STATES, cellState, countByState, type CellState } from '../../state/relay/board';
import { Icon } from '../Icon';
import { useT, useUi } from '../context';
import { renderMarkdown } from '../markdownView';
import { Figures } from './Figures';
import { fullDate } from './RelayArea';
import { StatusBadge } from './common';

/** A shape per state, so the board never relies on colour alone. */
const MARK: Record<CellState, string> = { relayed: '✔✔', read: '✔', pending: '…', reminded: '!', escalated: '!!' };

/**
 * HQ's live board of a consigne: one cell per target federation (the 102 for an all-federations item),
 * coloured and marked by its state, kept current by `/topic/relay`; counts per state are announced politely.
 */
export function ConsigneBoard(props: { relay: RelayModel }) {
  const { relay } = props;
  const t = useT();
  const { i18n } = useUi();
  const [only, setOnly] = useState<CellState | null>(null);
  const board = relay.board;
  if (!board) return <div class="relay-screen"><h2 tabIndex={-1}>{t('relay.loading')}</h2></div>;
  const item = board.item;
  const counts = countByState(board.rows);
  const rows = only ? board.rows.filter((r) => cellState(r) === only) : board.rows;
  return (
    <div class="relay-screen relay-board" data-testid="consigne-board">
      <button type="button" class="link" onClick={() => void relay.show({ kind: 'item', id: item.id })}>
        <Icon name="back" size={14} /> {t('relay.board.backToItem')}
      </button>
      <header class="relay-item-head">
        <h2 tabIndex={-1}>{t('relay.board.title')}</h2>
        <StatusBadge status={item.status} />
      </header>
      <div class="markdown relay-board-text" dangerouslySetInnerHTML={{ __html: renderMarkdown(item.text.split('\n\n')[0] ?? '') }} />
      {item.consigne && (
        <p class="muted small">{t(`relay.consigne.requires.${item.consigne.requires}`)} · {t('relay.consigne.deadline', { when: fullDate(i18n.locale, item.consigne.deadline) })}
          {relay.connectionLive ? '' : ` · ${t('relay.board.notLive')}`}</p>
      )}
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="board-summary">
        {t('relay.board.summary', { total: board.rows.length, ...counts })}
      </p>
      <div class="board-legend" role="group" aria-label={t('relay.board.filter')}>
        <button type="button" aria-pressed={only === null} onClick={() => setOnly(null)}>
          {t('relay.board.all')} <strong>{board.rows.length}</strong>
        </button>
        {CELL_STATES.map((s) => (
          <button key={s} type="button" class={`cell-key st-${s}`} aria-pressed={only === s} data-state={s}
            onClick={() => setOnly(only === s ? null : s)}>
            <span class="mark" aria-hidden="true">{MARK[s]}</span> {t(`relay.board.state.${s}`)} <strong data-testid={`count-${s}`}>{counts[s]}</strong>
          </button>
        ))}
      </div>
      <ul class="board-grid" aria-label={t('relay.board.grid')}>
        {rows.map((r) => {
          const s = cellState(r);
          const detail = [t(`relay.board.state.${s}`),
            r.ackedBy ? t('relay.board.by', { user: r.ackedBy }) : '',
            r.escalation !== 'none' && !r.ack ? t(`relay.board.escalation.${r.escalation}`) : '',
            r.delivered ? '' : t('relay.figures.notDelivered')].filter(Boolean).join(', ');
          return (
            <li key={r.federation} class={`board-cell st-${s}`} data-federation={r.federation} data-state={s} title={`${r.name} : ${detail}`}>
              <span class="code">{r.federation}</span>
              <span class="mark" aria-hidden="true">{MARK[s]}</span>
              <span class="visually-hidden">{r.name} : {detail}</span>
            </li>
          );
        })}
      </ul>
      {relay.figures && <details class="relay-details"><summary>{t('relay.board.figures')}</summary><Figures figures={relay.figures} /></details>}
    </div>
  );
}
