import { useEffect, useRef, useState } from 'preact/hooks';
import type { Message, User } from '../api/types';
import type { AppModel } from '../state/app';
import { typingText } from './ChannelPane';
import { Composer } from './Composer';
import { Icon } from './Icon';
import { useT, useUi } from './context';
import { Avatar, MessageItem, PendingItem } from './MessageItem';
import { renderMarkdown } from './markdownView';

export function SidePanel(props: { model: AppModel; onJump: () => void }) {
  const { model } = props;
  const t = useT();
  const panel = model.panel;
  const title = panel.kind === 'thread' ? t('thread.title') : panel.kind === 'search' ? t('search.title')
    : panel.kind === 'pins' ? t('channel.pins') : panel.kind === 'browse' ? t('browse.title') : t('dm.title');
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (panel.kind !== 'thread' && panel.kind !== 'search') closeRef.current?.focus(); }, [panel.kind]);
  return (
    <aside class="panel" aria-label={title} onKeyDown={(e) => { if (e.key === 'Escape') model.showPanel({ kind: 'none' }); }}>
      <header class="panel-head">
        <h2>{title}</h2>
        <button ref={closeRef} type="button" class="icon" aria-label={panel.kind === 'thread' ? t('thread.close') : t('panel.close')}
          onClick={() => model.showPanel({ kind: 'none' })}><Icon name="close" /></button>
      </header>
      <div class="panel-body">
        {panel.kind === 'thread' && <ThreadPanel model={model} rootId={panel.rootId} />}
        {panel.kind === 'search' && <SearchPanel model={model} onJump={props.onJump} />}
        {panel.kind === 'pins' && <MessageResults model={model} list={model.pins} empty={t('pins.none')} onJump={props.onJump} />}
        {panel.kind === 'browse' && <BrowsePanel model={model} onJump={props.onJump} />}
        {panel.kind === 'newDm' && <DirectPanel model={model} onJump={props.onJump} />}
      </div>
    </aside>
  );
}

function ThreadPanel(props: { model: AppModel; rootId: string }) {
  const { model, rootId } = props;
  const t = useT();
  const channelId = model.activeId!;
  const timeline = model.timeline(channelId);
  const root = timeline.get(rootId);
  const replies = timeline.replies(rootId) ?? [];
  const pending = model.pending.list(channelId).filter((p) => p.threadId === rootId && !replies.some((m) => m.clientMessageId === p.clientMessageId));
  const [editing, setEditing] = useState<string | null>(null);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [replies.length, pending.length]);
  return (
    <div class="thread">
      <div class="thread-messages">
        {root && <MessageItem model={model} message={root} continued={false} inThread editing={false} onEditDone={() => {}} onStartEdit={() => {}} />}
        <hr />
        {replies.map((m) => (
          <MessageItem key={m.id} model={model} message={m} continued={false} inThread editing={editing === m.id}
            onStartEdit={() => setEditing(m.id)} onEditDone={() => setEditing(null)} />
        ))}
        {pending.map((p) => <PendingItem key={p.clientMessageId} model={model} item={p} />)}
        <div ref={end} />
      </div>
      <p class="typing" aria-live="polite">{typingText(t, model.typing.typing(channelId, rootId).map((u) => u.displayName))}</p>
      <Composer model={model} channelId={channelId} threadId={rootId} channelName={t('thread.title')}
        onEditLast={() => { const m = model.lastOwnMessage(channelId, rootId); if (m) setEditing(m.id); }} />
    </div>
  );
}

function SearchPanel(props: { model: AppModel; onJump: () => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  return (
    <div>
      <form role="search" class="row" onSubmit={(e) => { e.preventDefault(); void props.model.search(q); }}>
        <label class="visually-hidden" for="panel-search">{t('nav.search')}</label>
        <input id="panel-search" type="search" value={q} placeholder={t('nav.searchPlaceholder')} onInput={(e) => setQ(e.currentTarget.value)}
          ref={(el) => el?.focus()} />
        <button type="submit">{t('search.title')}</button>
      </form>
      <MessageResults model={props.model} list={props.model.searchResults} empty={t('search.none')} onJump={props.onJump} />
    </div>
  );
}

function MessageResults(props: { model: AppModel; list: Message[] | null; empty: string; onJump: () => void }) {
  const t = useT();
  const { i18n } = useUi();
  if (props.list === null) return <p class="muted">{t('search.loading')}</p>;
  if (props.list.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <ul class="results">
      {props.list.map((m) => (
        <li key={m.id}>
          <button type="button" class="result" onClick={() => { props.onJump(); void props.model.jumpTo(m); }}>
            <span class="result-head"><strong>{m.author.displayName}</strong>
              <span class="muted"> {t('search.in', { channel: props.model.channel(m.channelId)?.name ?? m.channelId })} · {i18n.day(m.createdAt)} {i18n.time(m.createdAt)}</span>
            </span>
            <span class="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(m.text) }} />
          </button>
        </li>
      ))}
    </ul>
  );
}

function BrowsePanel(props: { model: AppModel; onJump: () => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const list = props.model.browsable().filter((c) => c.name.toLowerCase().includes(q.toLowerCase()));
  return (
    <div>
      <label class="visually-hidden" for="browse-filter">{t('browse.filter')}</label>
      <input id="browse-filter" type="search" placeholder={t('browse.filter')} value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      {list.length === 0 ? <p class="muted">{t('browse.none')}</p> : (
        <ul class="results">
          {list.map((c) => (
            <li key={c.id} class="browse-item">
              <span><strong># {c.name}</strong>{c.topic && <span class="muted"> — {c.topic}</span>}</span>
              <button type="button" onClick={() => { props.onJump(); props.model.join(c.id); }}>{t('browse.join')}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DirectPanel(props: { model: AppModel; onJump: () => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [users, setUsers] = useState<User[]>([]);
  useEffect(() => {
    let live = true;
    props.model.rest.users(q, 20).then((u) => { if (live) setUsers(u.filter((x) => x.id !== props.model.me?.id)); }).catch(() => {});
    return () => { live = false; };
  }, [q]);
  return (
    <div>
      <label class="visually-hidden" for="dm-search">{t('dm.search')}</label>
      <input id="dm-search" type="search" placeholder={t('dm.search')} value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      <ul class="results">
        {users.map((u) => (
          <li key={u.id}>
            <button type="button" class="result person" aria-label={t('dm.start', { name: u.displayName })}
              onClick={() => { props.onJump(); void props.model.startDirect([u.id]); }}>
              <Avatar name={u.displayName} small />
              <span><strong>{u.displayName}</strong> <span class="muted">@{u.username}</span></span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
