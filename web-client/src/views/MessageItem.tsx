import { useState } from 'preact/hooks';
import type { Message } from '../api/types';
import type { AppModel } from '../state/app';
import { EMOJIS } from '../state/grouping';
import type { Outgoing } from '../state/pending';
import { Attachments } from './Attachments';
import { Icon } from './Icon';
import { ConsigneAck } from './relay/ConsigneAck';
import { useT, useUi } from './context';
import { renderMarkdown } from './markdownView';

export function Avatar(props: { name: string; small?: boolean }) {
  const initials = props.name.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('');
  let hue = 0;
  for (const ch of props.name) hue = (hue * 31 + ch.charCodeAt(0)) % 360;
  return <span class={`avatar ${props.small ? 'small' : ''}`} aria-hidden="true" style={{ background: `hsl(${hue} 60% 28%)` }}>{initials}</span>;
}

export function MessageItem(props: {
  model: AppModel; message: Message; continued: boolean; inThread?: boolean;
  editing: boolean; onEditDone: () => void; onStartEdit: () => void;
}) {
  const { model, message: m } = props;
  const t = useT();
  const { i18n } = useUi();
  const [picker, setPicker] = useState(false);
  const [draft, setDraft] = useState(m.text);
  const mine = m.author.id === model.me?.id;
  const highlighted = model.highlightId === m.id;
  return (
    <article class={`message ${props.continued ? 'continued' : ''} ${highlighted ? 'highlight' : ''} ${m.pinned ? 'pinned' : ''}`}
      id={`m-${m.id}`} data-message-id={m.id} data-seq={m.seq} aria-label={`${m.author.displayName}, ${i18n.time(m.createdAt)}`}
      ref={(el) => { if (highlighted && el) el.scrollIntoView({ block: 'center' }); }}>
      {props.continued ? <span class="gutter" aria-hidden="true">{i18n.time(m.createdAt)}</span> : <Avatar name={m.author.displayName} />}
      <div class="body">
        {!props.continued && (
          <header>
            <strong class="author">{m.author.displayName}</strong>
            {m.author.bot && <span class="tag">{t('message.bot')}</span>}
            <time dateTime={m.createdAt}>{i18n.time(m.createdAt)}</time>
            {m.pinned && <span class="tag pin"><Icon name="pin" size={12} /> {t('message.pinned')}</span>}
          </header>
        )}
        {m.deleted ? <p class="deleted">{t('message.deleted')}</p>
          : props.editing ? (
            <form class="edit" onSubmit={(e) => { e.preventDefault(); void model.edit(m.id, draft).then(props.onEditDone); }}>
              <textarea aria-label={t('message.edit')} value={draft} rows={3} ref={(el) => el?.focus()}
                onInput={(e) => setDraft(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') props.onEditDone();
                  if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); void model.edit(m.id, draft).then(props.onEditDone); }
                }} />
              <div class="row">
                <button type="submit" class="primary">{t('message.save')}</button>
                <button type="button" onClick={props.onEditDone}>{t('message.cancel')}</button>
              </div>
            </form>
          ) : (
            <div class="text">
              {m.text && <div class="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(m.text) }} />}
              {m.editedAt && <span class="edited">{t('message.edited')}</span>}
            </div>
          )}
        {!m.deleted && m.attachments && m.attachments.length > 0 && <Attachments rest={model.rest} files={m.attachments} />}
        {!m.deleted && m.author.bot && !props.inThread && <ConsigneAck model={model} message={m} />}
        {Object.keys(m.reactions).length > 0 && (
          <div class="reactions">
            {Object.entries(m.reactions).map(([emoji, users]) => (
              <button key={emoji} type="button" class={`reaction ${users.includes(model.me?.id ?? '') ? 'mine' : ''}`}
                aria-pressed={users.includes(model.me?.id ?? '')} aria-label={t('message.reactedBy', { emoji, count: users.length })}
                onClick={() => void model.toggleReaction(m, emoji)}>
                {emoji} <span>{users.length}</span>
              </button>
            ))}
          </div>
        )}
        {!props.inThread && m.replyCount > 0 && (
          <button type="button" class="replies" onClick={() => void model.openThread(m.id)}>
            <Icon name="reply" size={16} /> {m.replyCount === 1 ? t('message.oneReply') : t('message.replies', { count: m.replyCount })}
          </button>
        )}
      </div>
      {!m.deleted && (
        <div class="actions" role="toolbar" aria-label={t('message.actions')}>
          <button type="button" class="icon" aria-label={t('message.react')} aria-expanded={picker} onClick={() => setPicker(!picker)}><Icon name="smile" size={18} /></button>
          {!props.inThread && <button type="button" class="icon" aria-label={t('message.reply')} onClick={() => void model.openThread(m.id)}><Icon name="reply" size={18} /></button>}
          <button type="button" class="icon" aria-label={m.pinned ? t('message.unpin') : t('message.pin')} onClick={() => void model.togglePin(m)}><Icon name="pin" size={18} /></button>
          {mine && <button type="button" class="icon" aria-label={t('message.edit')} onClick={props.onStartEdit}><Icon name="edit" size={18} /></button>}
          {mine && <button type="button" class="icon" aria-label={t('message.delete')}
            onClick={() => { if (confirm(t('message.deleteConfirm'))) void model.remove(m.id); }}><Icon name="trash" size={18} /></button>}
          {picker && <EmojiPicker onPick={(e) => { setPicker(false); void model.toggleReaction(m, e); }} onClose={() => setPicker(false)} />}
        </div>
      )}
    </article>
  );
}

export function EmojiPicker(props: { onPick: (emoji: string) => void; onClose: () => void }) {
  const t = useT();
  return (
    <div class="emoji-picker" role="dialog" aria-label={t('emoji.title')}
      onKeyDown={(e) => { if (e.key === 'Escape') props.onClose(); }}>
      {EMOJIS.map((e, i) => (
        <button key={e} type="button" class="emoji" aria-label={e} ref={(el) => { if (i === 0) el?.focus(); }}
          onClick={() => props.onPick(e)}>{e}</button>
      ))}
    </div>
  );
}

export function PendingItem(props: { model: AppModel; item: Outgoing }) {
  const t = useT();
  const { item } = props;
  return (
    <article class={`message pending ${item.state}`} data-pending={item.clientMessageId}>
      <Avatar name={props.model.me?.displayName ?? '?'} />
      <div class="body">
        <header><strong class="author">{props.model.me?.displayName}</strong></header>
        <div class="text"><div class="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(item.text) }} /></div>
        {item.attachments.length > 0 && <p class="muted"><Icon name="clip" size={14} /> {item.attachments.map((a) => a.name).join(', ')}</p>}
        {item.state === 'failed' ? (
          <p class="error">{t('message.failed', { reason: item.error?.message ?? '' })}
            <button type="button" class="link" onClick={() => props.model.retryPending(item.clientMessageId)}>{t('message.retry')}</button>
            <button type="button" class="link" onClick={() => props.model.pending.discard(item.clientMessageId)}>{t('message.discard')}</button>
          </p>
        ) : <p class="status">{t('message.pending')}</p>}
      </div>
    </article>
  );
}
