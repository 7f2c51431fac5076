import { useEffect } from 'preact/hooks';
import type { AppModel } from '../../state/app';

const ACCOUNT_HASH = '#/account';

export function isAccountLocation(hash: string): boolean {
  return /^#?\/account\/?$/.test(hash);
}

/**
 * "#/account" opens the screen (also after signing in, and from a bookmark), and the address shows it
 * while it is on screen. `onOpen` when the link opens it.
 */
export function useAccountRoute(model: AppModel, onOpen: () => void): void {
  const account = model.account;
  useEffect(() => {
    if (!account) return;
    const follow = () => {
      if (!isAccountLocation(location.hash)) return;
      model.support?.leave();
      model.meetings?.leave();
      model.relay?.leave();
      onOpen();
      void account.enter();
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [account]);
  const shown = !!account?.shown;
  useEffect(() => {
    if (!account) return;
    if (shown && location.hash !== ACCOUNT_HASH) history.replaceState(null, '', ACCOUNT_HASH);
    else if (!shown && isAccountLocation(location.hash)) history.replaceState(null, '', location.pathname);
  }, [shown]);
}
