import { useState } from 'preact/hooks';
import type { RelayModel } from '../../state/relay/model';
import { useT, useUi } from '../context';
import { fullDate } from './RelayArea';

/** Blackout windows (national staff): bots' posts in shared channels are held during them; add or delete. */
export function Blackouts(props: { relay: RelayModel }) {
  const { relay } = props;
  const t = useT();
  const { i18n } = useUi();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  return (
    <div class="relay-screen">
      <h2 tabIndex={-1}>{t('relay.heading.blackouts')}</h2>
      <p class="muted small">{t('relay.blackout.intro')}</p>
      {relay.blackouts.length === 0 ? <p class="muted">{t('relay.blackout.none')}</p> : (
        <ul class="relay-items">
          {relay.blackouts.map((b) => (
            <li key={b.id} class="relay-card">
              <strong>{b.reason || t('relay.blackout.noReason')}</strong>
              <p class="small">{t('relay.blackout.range', { from: fullDate(i18n.locale, b.from), to: fullDate(i18n.locale, b.to) })}</p>
              {b.id.startsWith('config-') ? <p class="muted small">{t('relay.blackout.configured')}</p> : (
                <button type="button" class="link danger" onClick={() => void relay.deleteBlackout(b.id)}>
                  {t('relay.blackout.delete')}<span class="visually-hidden"> : {b.reason}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form class="relay-form" onSubmit={(e) => {
        e.preventDefault();
        if (!from || !to) return;
        void relay.addBlackout(new Date(from).toISOString(), new Date(to).toISOString(), reason.trim()).then((ok) => {
          if (ok) { setFrom(''); setTo(''); setReason(''); }
        });
      }}>
        <h3>{t('relay.blackout.add')}</h3>
        <div class="row wrap">
          <div class="fld"><label for="bo-from">{t('relay.blackout.from')}</label>
            <input id="bo-from" type="datetime-local" required value={from} onInput={(e) => setFrom(e.currentTarget.value)} /></div>
          <div class="fld"><label for="bo-to">{t('relay.blackout.to')}</label>
            <input id="bo-to" type="datetime-local" required value={to} onInput={(e) => setTo(e.currentTarget.value)} /></div>
        </div>
        <div class="fld"><label for="bo-reason">{t('relay.blackout.reason')}</label>
          <input id="bo-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} /></div>
        <button type="submit" class="primary" disabled={relay.busy}>{t('relay.blackout.addButton')}</button>
      </form>
    </div>
  );
}
