import type { RelayItem } from '../../api/relay';
import type { RelayModel } from '../../state/relay/model';
import type { RelayTab } from '../../state/relay/queue';
import { useT, useUi } from '../context';
import { fullDate } from './RelayArea';
import { StatusBadge, targetText } from './common';

/** One list of items (review queue, scheduled, held, posted, my proposals), oldest first; each opens its view. */
export function ItemList(props: { relay: RelayModel; tab: RelayTab }) {
  const { relay, tab } = props;
  const t = useT();
  const { i18n } = useUi();
  return (
    <div class="relay-screen">
      <h2 tabIndex={-1}>{t(`relay.heading.${tab}`)}</h2>
      {!relay.listLoaded ? <p class="muted">{t('relay.loading')}</p>
        : relay.list.length === 0 ? <p class="muted">{t(`relay.empty.${tab}`)}</p>
        : (
          <ul class="relay-items" data-testid={`relay-list-${tab}`}>
            {relay.list.map((item) => (
              <li key={item.id} class="relay-card" data-item={item.id}>
                <div class="relay-card-head">
                  <StatusBadge status={item.status} />
                  <button type="button" class="item-link" onClick={() => void relay.show({ kind: 'item', id: item.id })}>
                    {excerpt(item)}
                  </button>
                </div>
                <p class="muted small">
                  {t('relay.by', { author: item.author.username })}{item.authorFederation ? ` · ${item.authorFederation}` : ''}
                  {' · '}{targetText(t, item.target)}
                  {item.scheduledAt && ` · ${t('relay.scheduledFor', { when: fullDate(i18n.locale, item.scheduledAt) })}`}
                  {!item.scheduledAt && item.wishedAt && ` · ${t('relay.wishedFor', { when: fullDate(i18n.locale, item.wishedAt) })}`}
                  {item.consigne && ` · ${t('relay.consigneShort')}`}
                </p>
                {item.consigne && relay.staff && ['SCHEDULED', 'DUE', 'POSTED'].includes(item.status) && (
                  <button type="button" class="link small" onClick={() => void relay.show({ kind: 'board', id: item.id })}>
                    {t('relay.board.open')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
    </div>
  );
}

function excerpt(item: RelayItem): string {
  const first = item.text.split('\n').find((l) => l.trim()) ?? '';
  const plain = first.replace(/[*_`#>[\]]/g, '').trim();
  return plain.length > 90 ? `${plain.slice(0, 89)}…` : plain;
}
