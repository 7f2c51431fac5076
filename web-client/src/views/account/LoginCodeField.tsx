import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../context';

/** The second step of signing in to an account with two-factor on: the code from the phone app. */
export function LoginCodeField(props: { value: string; onInput: (value: string) => void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => { input.current?.focus(); }, []);
  return (
    <>
      <p class="muted" id="login-code-help">{t('account.login.codeHelp')}</p>
      <label>{t('account.login.code')}
        <input ref={input} name="totp" inputMode="numeric" autocomplete="one-time-code" required maxLength={7}
          value={props.value} aria-describedby="login-code-help" onInput={(e) => props.onInput(e.currentTarget.value)} />
      </label>
    </>
  );
}
