import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountModel, Section } from '../../state/account/model';
import { Icon } from '../Icon';
import { useT, useUi } from '../context';
import { dateTime } from './format';

/** Formats hub instants in the person's language. */
export function useDateTime(): (iso: string) => string {
  const locale = useUi().i18n.locale;
  return (iso) => dateTime(iso, locale);
}

/**
 * The outcome of the last action of one section, next to it: errors in an alert, the rest in a polite
 * status. Both live regions stay in the page so that a new message is announced.
 */
export function SectionNotice(props: { account: AccountModel; section: Section }) {
  const t = useT();
  const n = props.account.notices[props.section];
  const body = n && (
    <div class={`account-notice ${n.error ? 'error' : 'info'}`} data-testid={`account-notice-${props.section}`}>
      <span>{t(n.key, n.params)}{n.detail ? ` (${n.detail})` : ''}</span>
      <button type="button" class="icon" aria-label={t('account.close')} onClick={() => props.account.dismiss(props.section)}>
        <Icon name="close" size={16} />
      </button>
    </div>
  );
  return (
    <>
      <div role="alert">{n?.error ? body : null}</div>
      <div role="status">{n && !n.error ? body : null}</div>
    </>
  );
}

/**
 * "Are you sure?" in place, under what it is about: the focus moves to the question's confirm button
 * and comes back to `returnFocus` when cancelled.
 */
export function ConfirmBox(props: { question: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void; returnFocus?: () => HTMLElement | null }) {
  const t = useT();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => { confirm.current?.focus(); }, []);
  function cancel() {
    props.onCancel();
    setTimeout(() => props.returnFocus?.()?.focus());
  }
  return (
    <div class="account-confirm" role="group" aria-label={props.question}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); cancel(); } }}>
      <p>{props.question}</p>
      <div class="row wrap">
        <button type="button" class="primary danger-fill" ref={confirm} onClick={props.onConfirm}>{props.confirmLabel}</button>
        <button type="button" onClick={cancel}>{t('account.cancel')}</button>
      </div>
    </div>
  );
}

/** Copies a secret to the clipboard and says so (or says to copy it by hand). */
export function CopyButton(props: { text: string; label?: string; describedBy?: string }) {
  const t = useT();
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.text);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  }
  return (
    <>
      <button type="button" class="copy" onClick={() => void copy()} aria-describedby={props.describedBy}>
        <Icon name="copy" size={16} /> {props.label ?? t('account.copy')}
      </button>
      <span role="status" class={`copy-result ${result === 'failed' ? 'error' : 'ok'}`}>
        {result === 'copied' ? t('account.copied') : result === 'failed' ? t('account.copyFailed') : ''}
      </span>
    </>
  );
}

/** Moves the focus somewhere sensible after what had it disappeared (a confirmed revocation). */
export function focusById(id: string): void {
  document.getElementById(id)?.focus();
}
