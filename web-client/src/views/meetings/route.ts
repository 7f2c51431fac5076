import { useEffect } from 'preact/hooks';
import type { AppModel } from '../../state/app';
import type { MeetingsScreen } from '../../state/meetings/model';

/** "#/meetings" and "#/meetings/<id>" (also the path "/meetings/<id>" of calendar entries) → a meetings screen. */
export function screenOfLocation(hash: string, pathname = ''): MeetingsScreen | null {
  const m = /^#?\/meetings(?:\/([\w-]+))?\/?$/.exec(hash) ?? /^\/meetings\/([\w-]+)\/?$/.exec(pathname);
  if (!m) return null;
  return m[1] ? { kind: 'meeting', id: m[1] } : { kind: 'list' };
}

export function hashOf(screen: MeetingsScreen): string {
  return screen.kind === 'meeting' || screen.kind === 'edit' ? `#/meetings/${screen.id}` : '#/meetings';
}

/**
 * Keeps the address bar and the meetings area in step: a meeting link opens its page (also after signing
 * in), and the page on screen is in the address (to share or bookmark it). `onOpen` when the link opens it.
 */
export function useMeetingsRoute(model: AppModel, onOpen: () => void): void {
  const meetings = model.meetings;
  useEffect(() => {
    if (!meetings) return;
    const follow = () => {
      const screen = screenOfLocation(location.hash, location.pathname);
      if (!screen) return;
      if (location.pathname !== '/' && location.pathname.startsWith('/meetings/')) history.replaceState(null, '', `/${hashOf(screen)}`);
      model.support?.leave();
      onOpen();
      void meetings.enter(screen);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [meetings]);
  const wanted = meetings?.shown ? hashOf(meetings.screen) : '';
  useEffect(() => {
    if (!meetings) return;
    if (wanted && location.hash !== wanted) history.replaceState(null, '', wanted);
    else if (!wanted && location.hash.startsWith('#/meetings')) history.replaceState(null, '', location.pathname);
  }, [wanted]);
}
