import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ChannelSummary } from '../api/types';
import type { AppModel } from '../state/app';
import { rows } from '../state/grouping';
import { Composer } from './Composer';
import { Icon } from './Icon';
import { useT, useUi } from './context';
import { MessageItem, PendingItem } from './MessageItem';
import { ChannelLiveBar } from './meetings/ChannelLiveBar';
import { channelLabel } from './Shell';

export function ChannelPane(props: { model: AppModel; channel: ChannelSummary; onBack: () => void }) {
  const { model, channel } = props;
  const t = useT();
  const { i18n } = useUi();
  const timeline = model.timeline(channel.id);
  const messages = timeline.messages();
  const pending = model.pending.list(channel.id).filter((p) => !p.threadId && !messages.some((m) => m.clientMessageId === p.clientMessageId));
  const [editing, setEditing] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const previousHeight = useRef(0);
  const previousFirst = useRef<string | undefined>(undefined);
  const canPost = !channel.readOnly || (model.me?.roles ?? []).some((r) => r === 'HQ_STAFF' || r === 'NATIONAL_ADMIN');
  const typing = model.typing.typing(channel.id);

  useEffect(() => { stick.current = true; setEditing(null); }, [channel.id]);

  // Keep the view pinned to the newest message, or keep the reading position when older ones are added above.
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const first = messages[0]?.id;
    if (previousFirst.current && first !== previousFirst.current && !stick.current) {
      el.scrollTop += el.scrollHeight - previousHeight.current;
    } else if (stick.current && !model.highlightId) {
      el.scrollTop = el.scrollHeight;
    }
    previousFirst.current = first;
    previousHeight.current = el.scrollHeight;
  });

  useEffect(() => {
    const el = top.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && timeline.loaded && timeline.hasOlder) void model.loadOlder();
    }, { root: list.current, rootMargin: '200px 0px 0px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [channel.id, timeline.loaded]);

  function editLast() {
    const last = model.lastOwnMessage(channel.id);
    if (last) setEditing(last.id);
  }

  const muted = model.muted.has(channel.id);
  return (
    <section class="channel" aria-labelledby="channel-title">
      <header class="channel-head">
        <button type="button" class="icon back" aria-label={t('nav.back')} onClick={props.onBack}><Icon name="back" size={24} /></button>
        <div class="title">
          <h1 id="channel-title">{channelLabel(channel)}</h1>
          {channel.topic && <p class="topic muted">{channel.topic}</p>}
        </div>
        <button type="button" class="icon" aria-label={t('nav.search')} onClick={() => model.showPanel({ kind: 'search' })}><Icon name="search" /></button>
        <button type="button" class="icon" aria-label={t('channel.pins')} onClick={() => model.showPanel({ kind: 'pins' })}><Icon name="pin" /></button>
        <button type="button" class="icon" aria-pressed={muted} aria-label={muted ? t('channel.unmute') : t('channel.mute')}
          onClick={() => model.toggleMute(channel.id)}><Icon name={muted ? 'bellOff' : 'bell'} /></button>
      </header>
      <ChannelLiveBar model={model} channelId={channel.id} />
      <div class="messages" id="messages" ref={list} tabIndex={0} role="log" aria-label={channelLabel(channel)}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}>
        <div ref={top} class="top-sentinel">
          {timeline.loaded && (timeline.hasOlder
            ? <button type="button" class="link" onClick={() => void model.loadOlder()}>{t('channel.loadOlder')}</button>
            : <p class="muted center">{messages.length ? t('channel.start') : t('channel.empty')}</p>)}
        </div>
        {rows(messages).map((r) => r.kind === 'day'
          ? <h2 key={r.key} class="day"><span>{i18n.day(r.date)}</span></h2>
          : <MessageItem key={r.key} model={model} message={r.message} continued={r.continued}
            editing={editing === r.message.id} onStartEdit={() => setEditing(r.message.id)} onEditDone={() => setEditing(null)} />)}
        {pending.map((p) => <PendingItem key={p.clientMessageId} model={model} item={p} />)}
      </div>
      <p class="typing" aria-live="polite">{typingText(t, typing.map((u) => u.displayName))}</p>
      {canPost ? <Composer model={model} channelId={channel.id} channelName={channelLabel(channel)} onEditLast={editLast} />
        : <p class="read-only">{t('channel.readOnly')}</p>}
    </section>
  );
}

export function typingText(t: (k: string, p?: Record<string, string>) => string, names: string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return t('typing.one', { name: names[0]! });
  if (names.length === 2) return t('typing.two', { a: names[0]!, b: names[1]! });
  return t('typing.many');
}
