import { useEffect, useRef } from 'preact/hooks';
import type { JoinInfo } from '../../api/meetings';

/** The part of Jitsi's IFrame API used here (loaded from the party's Jitsi, never bundled). */
interface JitsiApi {
  dispose(): void;
  addListener?(event: string, listener: () => void): void;
}
type JitsiConstructor = new (domain: string, options: Record<string, unknown>) => JitsiApi;

const scripts = new Map<string, Promise<void>>();

/** Loads `external_api.js` once per URL; a failed load may be tried again. */
export function loadScript(url: string): Promise<void> {
  let p = scripts.get(url);
  if (!p) {
    p = new Promise<void>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = url;
      s.async = true;
      s.onload = () => resolve();
      s.onerror = () => {
        scripts.delete(url);
        s.remove();
        reject(new Error(`cannot load ${url}`));
      };
      document.head.appendChild(s);
    });
    scripts.set(url, p);
  }
  return p;
}

/**
 * The meeting room embedded with `new JitsiMeetExternalAPI(domain, {roomName, jwt, parentNode, userInfo})`;
 * the container carries `data-room`. `onClosed` when the person hangs up, `onFailed` when the script cannot load.
 */
export function JitsiRoom(props: { info: JoinInfo; language: string; title: string; onClosed: () => void; onFailed: () => void }) {
  const container = useRef<HTMLDivElement>(null);
  const { info } = props;
  useEffect(() => {
    let api: JitsiApi | null = null;
    let gone = false;
    loadScript(info.externalApiUrl).then(() => {
      const Api = (window as unknown as { JitsiMeetExternalAPI?: JitsiConstructor }).JitsiMeetExternalAPI;
      if (gone || !container.current) return;
      if (!Api) throw new Error('JitsiMeetExternalAPI missing');
      api = new Api(info.domain, {
        roomName: info.roomName,
        jwt: info.jwt,
        parentNode: container.current,
        userInfo: { displayName: info.displayName },
        width: '100%',
        height: '100%',
        lang: props.language,
      });
      api.addListener?.('readyToClose', () => props.onClosed());
      container.current.querySelector('iframe')?.setAttribute('title', props.title);
    }).catch(() => { if (!gone) props.onFailed(); });
    return () => {
      gone = true;
      api?.dispose();
    };
  }, [info.jwt]);
  return <div class="jitsi-room" ref={container} data-room={info.roomName} data-testid="jitsi-room" />;
}
