import { useEffect, useRef, useState } from 'preact/hooks';
import type { TotpEnrolment } from '../../api/account';
import type { AccountModel } from '../../state/account/model';
import { useT } from '../context';
import { CopyButton, SectionNotice } from './common';
import { grouped } from './format';
import { QrCode } from './QrCode';

/** Two-factor authentication: its state, turning it on (QR code, key, code) and off (code). */
export function TotpSection(props: { account: AccountModel }) {
  const { account } = props;
  const t = useT();
  const state = account.totp.state;
  const label = state === 'on' ? t('account.totp.stateOn') : state === 'unknown' ? t('account.totp.stateUnknown') : t('account.totp.stateOff');
  return (
    <section class="account-section" aria-labelledby="account-totp-title" data-testid="account-totp">
      <h2 id="account-totp-title" tabindex={-1}>{t('account.totp.title')}</h2>
      <p class="help">{t('account.totp.help')}</p>
      <p class="totp-status" data-testid="totp-status" data-state={state}>
        {t('account.totp.status')} <span class={`state-badge ${state}`}>{label}</span>
      </p>
      <SectionNotice account={account} section="totp" />
      {account.totp.state === 'enrolling'
        ? <Enrolment account={account} enrolment={account.totp.enrolment} />
        : state === 'on' ? <TurnOff account={account} />
          : account.loaded && (
            <button type="button" class="primary" disabled={account.busy.has('totp')} onClick={() => void account.beginTotp()}>
              {t('account.totp.enable')}
            </button>
          )}
    </section>
  );
}

function Enrolment(props: { account: AccountModel; enrolment: TotpEnrolment }) {
  const { account, enrolment } = props;
  const t = useT();
  const [code, setCode] = useState('');
  const first = useRef<HTMLParagraphElement>(null);
  useEffect(() => { first.current?.focus(); }, [enrolment.secret]);
  async function confirm(e: Event) {
    e.preventDefault();
    if (await account.confirmTotp(code)) document.getElementById('account-totp-title')?.focus();
    else setCode('');
  }
  return (
    <div class="totp-enrolment" data-testid="totp-enrolment">
      <p tabindex={-1} ref={first}>{t('account.totp.step1')}</p>
      <QrCode value={enrolment.otpauthUri} label={t('account.totp.qrAlt')} />
      <p id="account-totp-key-help">{t('account.totp.step2')}</p>
      <div class="secret-row">
        <code class="secret" data-testid="totp-secret" data-secret={enrolment.secret}>{grouped(enrolment.secret)}</code>
        <CopyButton text={enrolment.secret} label={t('account.totp.copySecret')} />
      </div>
      <form class="account-form" onSubmit={(e) => void confirm(e)} noValidate>
        <div class="fld">
          <label for="account-totp-code">{t('account.totp.step3')}</label>
          <input id="account-totp-code" class="code" name="totp-code" inputMode="numeric" autocomplete="one-time-code"
            maxLength={7} value={code} placeholder="123456" aria-describedby="account-totp-code-name"
            onInput={(e) => setCode(e.currentTarget.value)} />
          <span class="visually-hidden" id="account-totp-code-name">{t('account.totp.code')}</span>
        </div>
        <div class="row wrap">
          <button type="submit" class="primary" disabled={account.busy.has('totp')}>{t('account.totp.confirm')}</button>
          <button type="button" onClick={() => account.cancelTotp()}>{t('account.cancel')}</button>
        </div>
      </form>
    </div>
  );
}

function TurnOff(props: { account: AccountModel }) {
  const t = useT();
  const [code, setCode] = useState('');
  async function disable(e: Event) {
    e.preventDefault();
    await props.account.disableTotp(code);
    setCode('');
  }
  return (
    <>
      <p>{t('account.totp.onText')}</p>
      <form class="account-form" onSubmit={(e) => void disable(e)} noValidate>
        <div class="fld">
          <label for="account-totp-off-code">{t('account.totp.disableCode')}</label>
          <input id="account-totp-off-code" class="code" name="totp-off-code" inputMode="numeric" autocomplete="one-time-code"
            maxLength={7} value={code} aria-describedby="account-totp-off-help" onInput={(e) => setCode(e.currentTarget.value)} />
          <p class="help" id="account-totp-off-help">{t('account.totp.disableHelp')}</p>
        </div>
        <button type="submit" class="danger" disabled={props.account.busy.has('totp')}>{t('account.totp.disable')}</button>
      </form>
      <p class="help">{t('account.totp.lostPhone')}</p>
    </>
  );
}
