import type { AccountSession } from '../../api/account';
import { describeClient } from '../../state/account/client';
import type { AccountModel } from '../../state/account/model';
import { useT } from '../context';
import { ConfirmBox, focusById, SectionNotice, useDateTime } from './common';

/** Where the person is signed in: revoke one session, or every one but this. */
export function SessionsSection(props: { account: AccountModel }) {
  const { account } = props;
  const t = useT();
  const c = account.confirmation;
  const others = account.otherSessions.length;
  return (
    <section class="account-section" aria-labelledby="account-sessions-title" data-testid="account-sessions">
      <h2 id="account-sessions-title" tabindex={-1}>{t('account.sessions.title')}</h2>
      <p class="help">{t('account.sessions.help')}</p>
      <SectionNotice account={account} section="sessions" />
      {account.loaded && account.sessions.length === 0 && <p class="muted">{t('account.sessions.none')}</p>}
      <ul class="account-list">
        {account.orderedSessions.map((s) => <SessionItem key={s.id} account={account} session={s} />)}
      </ul>
      {others > 0 && (c?.action === 'revokeOthers'
        ? <ConfirmBox question={t('account.sessions.confirmOthers', { count: others })} confirmLabel={t('account.sessions.revokeOthers')}
            onConfirm={() => void account.confirm().then(() => focusById('account-sessions-title'))} onCancel={() => account.cancelConfirmation()}
            returnFocus={() => document.getElementById('account-revoke-others')} />
        : <button type="button" id="account-revoke-others" disabled={account.busy.has('sessions')}
            onClick={() => account.ask({ action: 'revokeOthers' })}>{t('account.sessions.revokeOthers')}</button>)}
    </section>
  );
}

function SessionItem(props: { account: AccountModel; session: AccountSession }) {
  const { account, session: s } = props;
  const t = useT();
  const when = useDateTime();
  const name = describeClient(s.name) ?? t('account.sessions.unknownClient');
  const kind = t(`account.sessions.kind.${s.kind}`);
  const confirming = account.confirmation?.action === 'revokeSession' && account.confirmation.id === s.id;
  const buttonId = `account-revoke-${s.id}`;
  return (
    <li class={`account-item ${s.current ? 'current' : ''}`} data-session={s.id} data-current={s.current ? 'true' : undefined}>
      <div class="account-item-main">
        <p class="account-item-title">
          <strong title={s.name}>{name}</strong>
          {s.current && <span class="current-badge">{t('account.sessions.current')}</span>}
        </p>
        <p class="account-item-meta">
          {kind !== `account.sessions.kind.${s.kind}` && <span>{kind}</span>}
          <span>{t('account.sessions.created', { date: when(s.createdAt) })}</span>
          {s.lastUsedAt && <span>{t('account.sessions.lastUsed', { date: when(s.lastUsedAt) })}</span>}
          {s.expiresAt && <span>{t('account.sessions.expires', { date: when(s.expiresAt) })}</span>}
        </p>
      </div>
      {confirming
        ? <ConfirmBox question={t(s.current ? 'account.sessions.confirmCurrent' : 'account.sessions.confirmRevoke')}
            confirmLabel={s.current ? t('account.sessions.signOutHere') : t('account.sessions.revoke')}
            onConfirm={() => void account.confirm().then(() => focusById('account-sessions-title'))} onCancel={() => account.cancelConfirmation()}
            returnFocus={() => document.getElementById(buttonId)} />
        : <button type="button" id={buttonId} class="danger" disabled={account.busy.has('sessions')}
            aria-label={s.current ? undefined : t('account.sessions.revokeNamed', { name, date: when(s.createdAt) })}
            onClick={() => account.ask({ action: 'revokeSession', id: s.id })}>
            {s.current ? t('account.sessions.signOutHere') : t('account.sessions.revoke')}
          </button>}
    </li>
  );
}
