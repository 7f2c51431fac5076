import { useEffect, useRef, useState } from 'preact/hooks';
import type { User } from '../api/types';
import type { AppModel } from '../state/app';
import { ACCEPTED_TYPES } from '../state/files';
import { mentionAt } from '../state/grouping';
import { commandQuery, completeCommand, matchCommands } from '../state/relay/commands';
import { Icon } from './Icon';
import { useT } from './context';
import { EmojiPicker } from './MessageItem';
import { renderMarkdown } from './markdownView';
import { handleSuggestionKey } from './suggestionKeys';

export function Composer(props: { model: AppModel; channelId: string; channelName: string; threadId?: string; onEditLast: () => void }) {
  const { model, channelId, threadId } = props;
  const t = useT();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState(false);
  const [emoji, setEmoji] = useState(false);
  const [mention, setMention] = useState<{ start: number; users: User[]; index: number } | null>(null);
  const [slash, setSlash] = useState<{ query: string; index: number } | null>(null);
  const commands = slash && model.commands ? matchCommands(model.commands, slash.query) : [];
  const area = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const uploads = model.uploadsFor(channelId, threadId);
  const id = `composer-${threadId ?? channelId}`;

  useEffect(() => { setText(''); setMention(null); setSlash(null); }, [channelId, threadId]);

  function submit() {
    if (model.sendCommand(channelId, text, threadId) || model.send(channelId, text, threadId)) {
      setText('');
      setPreview(false);
      setMention(null);
      setSlash(null);
    }
  }

  function updateSlash(value: string, caret: number) {
    const query = threadId ? null : commandQuery(value, caret);
    if (query !== null) model.loadCommands();
    setSlash(query === null ? null : { query, index: 0 });
  }

  function pickCommand(name: string) {
    const next = completeCommand(text, name);
    setText(next);
    setSlash(null);
    requestAnimationFrame(() => {
      const pos = name.length + 2;
      area.current?.focus();
      area.current?.setSelectionRange(pos, pos);
    });
  }

  async function updateMention(value: string, caret: number) {
    const m = mentionAt(value, caret);
    if (!m) return setMention(null);
    try {
      const users = await model.rest.users(m.query, 6);
      setMention(users.length ? { start: m.start, users, index: 0 } : null);
    } catch {
      setMention(null);
    }
  }

  function pickMention(u: User) {
    if (!mention || !area.current) return;
    const caret = area.current.selectionStart;
    const next = `${text.slice(0, mention.start)}@${u.username} ${text.slice(caret)}`;
    setText(next);
    setMention(null);
    requestAnimationFrame(() => {
      const pos = mention.start + u.username.length + 2;
      area.current?.focus();
      area.current?.setSelectionRange(pos, pos);
    });
  }

  function wrap(before: string, after = before) {
    const el = area.current;
    if (!el) return;
    const { selectionStart: s, selectionEnd: e } = el;
    setText(text.slice(0, s) + before + text.slice(s, e) + after + text.slice(e));
    requestAnimationFrame(() => { el.focus(); el.setSelectionRange(s + before.length, e + before.length); });
  }

  function insert(value: string) {
    const el = area.current;
    const s = el?.selectionStart ?? text.length;
    setText(text.slice(0, s) + value + text.slice(s));
    requestAnimationFrame(() => { el?.focus(); el?.setSelectionRange(s + value.length, s + value.length); });
  }

  function onKeyDown(e: KeyboardEvent) {
    if (slash && commands.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = commands.length;
        setSlash({ ...slash, index: (slash.index + (e.key === 'ArrowDown' ? 1 : n - 1)) % n });
        return;
      }
      if (e.key === 'Tab' || (e.key === 'Enter' && !text.startsWith(`/${commands[slash.index % commands.length]!.name} `))) {
        e.preventDefault();
        pickCommand(commands[slash.index % commands.length]!.name);
        return;
      }
      if (e.key === 'Escape') { setSlash(null); return; }
    }
    if (mention && handleSuggestionKey(e, mention.users, mention.index, {
      move: (index) => setMention({ ...mention, index }), pick: pickMention, close: () => setMention(null),
    })) return;
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    } else if (e.key === 'ArrowUp' && text === '') {
      e.preventDefault();
      props.onEditLast();
    }
  }

  return (
    <div class="composer">
      {uploads.length > 0 && (
        <ul class="uploads">
          {uploads.map((u) => (
            <li key={u.key} class={u.error ? 'error' : ''} data-done={u.file ? 'true' : undefined}>
              <span class="file-name">{u.name}</span>
              {u.error ? <span role="alert">{t(u.error)}</span>
                : <progress max={1} value={u.progress} aria-label={t('upload.progress', { name: u.name, percent: Math.round(u.progress * 100) })} />}
              <button type="button" class="icon" aria-label={t('upload.remove', { name: u.name })}
                onClick={() => model.removeUpload(channelId, u.key, threadId)}><Icon name="close" size={16} /></button>
            </li>
          ))}
        </ul>
      )}
      {commands.length > 0 && (
        <ul class="mentions" role="listbox" id={`${id}-commands`} aria-label={t('bots.commands')} data-testid="command-suggestions">
          {commands.map((c, i) => (
            <li key={c.name} role="option" id={`${id}-cmd-${i}`} aria-selected={i === slash!.index % commands.length}
              onMouseDown={(e) => { e.preventDefault(); pickCommand(c.name); }}>
              <strong>/{c.name}</strong>{c.usage ? ` ${c.usage}` : ''} <span class="muted">{c.description ?? ''} · @{c.botUsername}</span>
            </li>
          ))}
        </ul>
      )}
      {mention && (
        <ul class="mentions" role="listbox" id={`${id}-mentions`} aria-label={t('composer.mentions')}>
          {mention.users.map((u, i) => (
            <li key={u.id} role="option" id={`${id}-opt-${i}`} aria-selected={i === mention.index}
              onMouseDown={(e) => { e.preventDefault(); pickMention(u); }}>
              <strong>{u.displayName}</strong> <span class="muted">@{u.username}</span>
            </li>
          ))}
        </ul>
      )}
      <div class="toolbar" role="toolbar" aria-label="Markdown">
        <button type="button" class="icon" aria-label={t('composer.bold')} onClick={() => wrap('**')}><b>B</b></button>
        <button type="button" class="icon" aria-label={t('composer.italic')} onClick={() => wrap('_')}><i>I</i></button>
        <button type="button" class="icon" aria-label={t('composer.code')} onClick={() => wrap('`')}>{'</>'}</button>
        <button type="button" class="icon" aria-label={t('composer.link')} onClick={() => wrap('[', '](https://)')}><Icon name="link" size={18} /></button>
        <button type="button" class="icon" aria-label={t('composer.emoji')} aria-expanded={emoji} onClick={() => setEmoji(!emoji)}><Icon name="smile" size={18} /></button>
        <button type="button" class="icon" aria-label={t('composer.attach')} onClick={() => fileInput.current?.click()}><Icon name="clip" size={18} /></button>
        <button type="button" class="text-button" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {preview ? t('composer.write') : t('composer.preview')}
        </button>
        <input ref={fileInput} type="file" class="visually-hidden" tabIndex={-1} aria-hidden="true" multiple
          accept={Object.keys(ACCEPTED_TYPES).join(',')} data-testid={`file-input-${threadId ? 'thread' : 'channel'}`}
          onChange={(e) => {
            for (const f of Array.from(e.currentTarget.files ?? [])) void model.attach(channelId, f, threadId);
            e.currentTarget.value = '';
          }} />
        {emoji && <EmojiPicker onPick={(e) => { setEmoji(false); insert(e); }} onClose={() => setEmoji(false)} />}
      </div>
      <div class="compose-row">
        {preview ? <div class="markdown preview" dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />
          : (
            <textarea ref={area} id={id} rows={1} value={text}
              aria-label={t('composer.label', { channel: props.channelName })}
              placeholder={threadId ? t('composer.replyPlaceholder') : t('composer.placeholder')}
              aria-autocomplete="list"
              aria-controls={commands.length > 0 ? `${id}-commands` : mention ? `${id}-mentions` : undefined}
              aria-activedescendant={commands.length > 0 ? `${id}-cmd-${slash!.index % commands.length}` : mention ? `${id}-opt-${mention.index}` : undefined}
              onInput={(e) => {
                const el = e.currentTarget;
                setText(el.value);
                model.sendTyping(channelId, threadId);
                void updateMention(el.value, el.selectionStart);
                updateSlash(el.value, el.selectionStart);
              }}
              onKeyDown={onKeyDown}
              onPaste={(e) => {
                for (const f of Array.from(e.clipboardData?.files ?? [])) void model.attach(channelId, f, threadId);
              }} />
          )}
        <button type="button" class="primary send" aria-label={t('composer.send')} onClick={submit}><Icon name="send" /></button>
      </div>
    </div>
  );
}
