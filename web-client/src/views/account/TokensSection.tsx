import { useEffect, useRef, useState } from 'preact/hooks';
import type { CreatedToken, PersonalToken } from '../../api/account';
import { DEFAULT_TOKEN_LIFETIME, TOKEN_LIFETIMES, type AccountModel } from '../../state/account/model';
import { useT } from '../context';
import { ConfirmBox, focusById, CopyButton, SectionNotice, useDateTime } from './common';

/** Personal access tokens for scripts: create one (its value shown once), see them, revoke them. */
export function TokensSection(props: { account: AccountModel }) {
  const { account } = props;
  const t = useT();
  const [name, setName] = useState('');
  const [days, setDays] = useState(DEFAULT_TOKEN_LIFETIME);
  async function create(e: Event) {
    e.preventDefault();
    if (await account.createToken(name, days)) setName('');
  }
  return (
    <section class="account-section" aria-labelledby="account-tokens-title" data-testid="account-tokens">
      <h2 id="account-tokens-title" tabindex={-1}>{t('account.tokens.title')}</h2>
      <p class="help">{t('account.tokens.help')}</p>
      <SectionNotice account={account} section="tokens" />
      {account.createdToken && <NewToken account={account} token={account.createdToken} />}
      <form class="account-form token-form" onSubmit={(e) => void create(e)} noValidate>
        <div class="fld grow">
          <label for="account-token-name">{t('account.tokens.name')}</label>
          <input id="account-token-name" name="token-name" maxLength={80} autocomplete="off" value={name}
            aria-describedby="account-token-name-help" onInput={(e) => setName(e.currentTarget.value)} />
          <p class="help" id="account-token-name-help">{t('account.tokens.nameHelp')}</p>
        </div>
        <div class="fld">
          <label for="account-token-days">{t('account.tokens.lifetime')}</label>
          <select id="account-token-days" value={String(days)} onChange={(e) => setDays(Number(e.currentTarget.value))}>
            {TOKEN_LIFETIMES.map((d) => (
              <option key={d} value={String(d)}>{d === 366 ? t('account.tokens.year') : t('account.tokens.days', { count: d })}</option>
            ))}
          </select>
        </div>
        <button type="submit" class="primary" disabled={account.busy.has('tokens')}>{t('account.tokens.create')}</button>
      </form>
      {account.loaded && account.tokens.length === 0 && <p class="muted">{t('account.tokens.none')}</p>}
      {account.tokens.length > 0 && (
        <ul class="account-list" aria-label={t('account.tokens.listLabel')}>
          {account.tokens.map((token) => <TokenItem key={token.id} account={account} token={token} />)}
        </ul>
      )}
    </section>
  );
}

/** The value of the token just created: shown here once, with a copy button and a clear warning. */
function NewToken(props: { account: AccountModel; token: CreatedToken }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, [props.token.id]);
  return (
    <div class="new-token" data-testid="new-token" role="region" aria-labelledby="account-new-token-title">
      <h3 id="account-new-token-title" tabindex={-1} ref={heading}>{t('account.tokens.newTitle', { name: props.token.name })}</h3>
      <p class="warning" id="account-new-token-warning">{t('account.tokens.onceWarning')}</p>
      <label for="account-new-token-value" class="fld-label">{t('account.tokens.value')}</label>
      <div class="secret-row">
        <input id="account-new-token-value" class="secret" readOnly value={props.token.token} spellcheck={false}
          aria-describedby="account-new-token-warning" onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={props.token.token} />
      </div>
      <button type="button" onClick={() => props.account.dismissCreatedToken()}>{t('account.tokens.done')}</button>
    </div>
  );
}

function TokenItem(props: { account: AccountModel; token: PersonalToken }) {
  const { account, token } = props;
  const t = useT();
  const when = useDateTime();
  const confirming = account.confirmation?.action === 'revokeToken' && account.confirmation.id === token.id;
  const buttonId = `account-revoke-token-${token.id}`;
  return (
    <li class="account-item" data-token={token.id}>
      <div class="account-item-main">
        <p class="account-item-title"><strong>{token.name}</strong></p>
        <p class="account-item-meta">
          <span>{t('account.tokens.created', { date: when(token.createdAt) })}</span>
          <span>{token.lastUsedAt ? t('account.tokens.lastUsed', { date: when(token.lastUsedAt) }) : t('account.tokens.neverUsed')}</span>
          <span>{token.expiresAt ? t('account.tokens.expires', { date: when(token.expiresAt) }) : t('account.tokens.noExpiry')}</span>
        </p>
      </div>
      {confirming
        ? <ConfirmBox question={t('account.tokens.confirmRevoke', { name: token.name })} confirmLabel={t('account.tokens.revoke')}
            onConfirm={() => void account.confirm().then(() => focusById('account-tokens-title'))} onCancel={() => account.cancelConfirmation()}
            returnFocus={() => document.getElementById(buttonId)} />
        : <button type="button" id={buttonId} class="danger" disabled={account.busy.has('tokens')}
            aria-label={t('account.tokens.revokeNamed', { name: token.name })}
            onClick={() => account.ask({ action: 'revokeToken', id: token.id })}>{t('account.tokens.revoke')}</button>}
    </li>
  );
}
