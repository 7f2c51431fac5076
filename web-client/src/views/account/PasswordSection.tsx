import { useState } from 'preact/hooks';
import type { AccountModel } from '../../state/account/model';
import { useT } from '../context';
import { SectionNotice } from './common';

/** Changing the password of a local account (the hub then ends every session, this one too). */
export function PasswordSection(props: { account: AccountModel }) {
  const { account } = props;
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  async function submit(e: Event) {
    e.preventDefault();
    await account.changePassword(current, next, confirmation);
  }
  return (
    <section class="account-section" aria-labelledby="account-password-title" data-testid="account-password">
      <h2 id="account-password-title">{t('account.password.title')}</h2>
      {!account.localAccount ? <p class="help">{t('account.password.sso')}</p> : (
        <>
          <p class="help" id="account-password-policy">{t('account.password.policy')}</p>
          <SectionNotice account={account} section="password" />
          <form class="account-form narrow" onSubmit={(e) => void submit(e)} noValidate>
            {/* The username lets password managers file the new password under the right account. */}
            <input type="text" name="username" autocomplete="username" value={account.me.username} hidden readOnly />
            <div class="fld">
              <label for="account-password-current">{t('account.password.current')}</label>
              <input id="account-password-current" type="password" autocomplete="current-password" value={current}
                onInput={(e) => setCurrent(e.currentTarget.value)} />
            </div>
            <div class="fld">
              <label for="account-password-new">{t('account.password.new')}</label>
              <input id="account-password-new" type="password" autocomplete="new-password" value={next}
                aria-describedby="account-password-policy" onInput={(e) => setNext(e.currentTarget.value)} />
            </div>
            <div class="fld">
              <label for="account-password-confirm">{t('account.password.confirm')}</label>
              <input id="account-password-confirm" type="password" autocomplete="new-password" value={confirmation}
                onInput={(e) => setConfirmation(e.currentTarget.value)} />
            </div>
            <p class="help">{t('account.password.endsSessions')}</p>
            <button type="submit" class="primary" disabled={account.busy.has('password')}>{t('account.password.submit')}</button>
          </form>
        </>
      )}
    </section>
  );
}
