import { useEffect, useRef } from 'preact/hooks';
import type { AppModel } from '../../state/app';
import { Icon } from '../Icon';
import { useT } from '../context';
import { PasswordSection } from './PasswordSection';
import { SessionsSection } from './SessionsSection';
import { TokensSection } from './TokensSection';
import { TotpSection } from './TotpSection';
import './account.css';

/**
 * "My account" in the main column: the person's security settings, one section each — active
 * sessions, personal access tokens, two-factor authentication and the password.
 */
export function AccountArea(props: { model: AppModel; onBack: () => void }) {
  const account = props.model.account!;
  const t = useT();
  const title = useRef<HTMLHeadingElement>(null);
  // Opening the screen moves the focus to its title, so screen readers announce where the person is.
  useEffect(() => { title.current?.focus(); }, []);
  return (
    <section class="account" aria-labelledby="account-title">
      <header class="account-head">
        <button type="button" class="icon back" aria-label={t('account.back')} onClick={props.onBack}><Icon name="back" size={24} /></button>
        <h1 id="account-title" tabindex={-1} ref={title}><Icon name="lock" size={20} /> {t('account.title')}</h1>
        <span class="muted">{t('account.subtitle')}</span>
      </header>
      <div class="account-body" id="account-main">
        {!account.loaded && <p class="muted account-loading" role="status">{t('account.loading')}</p>}
        <SessionsSection account={account} />
        <TokensSection account={account} />
        <TotpSection account={account} />
        <PasswordSection account={account} />
      </div>
    </section>
  );
}
