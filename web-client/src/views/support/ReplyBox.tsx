import { useEffect, useRef, useState } from 'preact/hooks';
import type { Ticket } from '../../api/support';
import type { User } from '../../api/types';
import type { AppModel } from '../../state/app';
import { ACCEPTED_TYPES } from '../../state/files';
import { mentionAt } from '../../state/grouping';
import { Icon } from '../Icon';
import { useT } from '../context';
import { renderMarkdown } from '../markdownView';
import { handleSuggestionKey } from '../suggestionKeys';

const STAFF_ROLES = ['NATIONAL_ADMIN', 'HQ_STAFF', 'NATIONAL_COMMUNICATION_SECRETARY'];

export function isStaffUser(u: User): boolean {
  return (u.roles ?? []).some((r) => STAFF_ROLES.includes(r));
}

/**
 * The reply box of a ticket. The requester side answers publicly; staff choose between a public answer
 * (optionally from a canned response, optionally "wait for the federation") and an internal note, whose
 * box looks like the notes in the conversation and offers @mentions of colleagues.
 */
export function ReplyBox(props: { model: AppModel; ticket: Ticket }) {
  const { model, ticket } = props;
  const support = model.support!;
  const t = useT();
  const staff = support.staff;
  const [mode, setMode] = useState<'public' | 'note'>('public');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState(false);
  const [wait, setWait] = useState(false);
  const [mention, setMention] = useState<{ start: number; users: User[]; index: number } | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const uploadKey = `support-reply-${ticket.id}`;
  const uploads = model.uploadsFor(uploadKey);
  const note = staff && mode === 'note';

  useEffect(() => { if (staff) void support.loadCanned(); }, [staff, ticket.id]); // colleagues may have added some
  useEffect(() => { setText(''); setMention(null); setPreview(false); }, [ticket.id]);

  if (ticket.status === 'closed') return <p class="reply-closed muted">{t('support.reply.closed')}</p>;

  async function submit(e?: Event) {
    e?.preventDefault();
    if (uploads.some((u) => !u.file && !u.error)) return model.setNotice('upload.wait');
    const attachmentIds = note ? [] : uploads.filter((u) => u.file).map((u) => u.file!.id);
    if (!text.trim() && attachmentIds.length === 0) return;
    const sent = text;
    setText('');
    setPreview(false);
    setMention(null);
    if (!note) for (const u of uploads) model.removeUpload(uploadKey, u.key);
    await support.post(sent, { internal: note, attachmentIds, waitForRequester: !note && wait });
    setWait(false);
  }

  async function updateMention(value: string, caret: number) {
    const m = note ? mentionAt(value, caret) : null;
    if (!m) return setMention(null);
    try {
      const users = (await model.rest.users(m.query, 20)).filter((u) => isStaffUser(u) && u.id !== support.me.id).slice(0, 6);
      setMention(users.length ? { start: m.start, users, index: 0 } : null);
    } catch {
      setMention(null);
    }
  }

  function pickMention(u: User) {
    if (!mention || !area.current) return;
    const caret = area.current.selectionStart;
    setText(`${text.slice(0, mention.start)}@${u.username} ${text.slice(caret)}`);
    setMention(null);
    requestAnimationFrame(() => {
      const pos = mention.start + u.username.length + 2;
      area.current?.focus();
      area.current?.setSelectionRange(pos, pos);
    });
  }

  function onKeyDown(e: KeyboardEvent) {
    if (mention && handleSuggestionKey(e, mention.users, mention.index, {
      move: (index) => setMention({ ...mention, index }), pick: pickMention, close: () => setMention(null),
    })) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
  }

  async function useCanned(id: string) {
    if (!id) return;
    const rendered = await support.renderCanned(id);
    if (rendered !== null) {
      setText(text.trim() ? `${text.trimEnd()}\n\n${rendered}` : rendered);
      requestAnimationFrame(() => area.current?.focus());
    }
  }

  const id = `reply-${ticket.id}`;
  return (
    <form class={`reply-box ${note ? 'internal' : ''}`} onSubmit={submit}>
      {staff && (
        <fieldset class="reply-mode">
          <legend class="visually-hidden">{t('support.reply.label')}</legend>
          <label class={mode === 'public' ? 'on' : ''}>
            <input type="radio" name="reply-mode" value="public" checked={mode === 'public'} onChange={() => { setMode('public'); setMention(null); }} />
            {t('support.reply.public')}
          </label>
          <label class={mode === 'note' ? 'on note' : 'note'}>
            <input type="radio" name="reply-mode" value="note" checked={mode === 'note'} onChange={() => setMode('note')} />
            <Icon name="lock" size={14} /> {t('support.reply.note')}
          </label>
        </fieldset>
      )}
      {note && <p class="internal-label"><Icon name="lock" size={14} /> {t('support.ticket.internal')}</p>}
      {staff && !note && (support.canned?.length ?? 0) > 0 && (
        <div class="fld canned-pick"><label for="sel-reply-canned">{t('support.reply.canned')}</label>
          <select id="sel-reply-canned" value="" onChange={(e) => { const v = e.currentTarget.value; e.currentTarget.value = ''; void useCanned(v); }}>
            <option value="">{t('support.reply.cannedNone')}</option>
            {support.canned!.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
        </div>
      )}
      <div class="field-head">
        <label for={id}>{note ? t('support.reply.noteLabel') : t('support.reply.label')}</label>
        <button type="button" class="text-button" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {preview ? t('support.write') : t('support.preview')}
        </button>
      </div>
      {mention && (
        <ul class="mentions" role="listbox" id={`${id}-mentions`} aria-label={t('support.reply.mentions')}>
          {mention.users.map((u, i) => (
            <li key={u.id} role="option" id={`${id}-opt-${i}`} aria-selected={i === mention.index}
              onMouseDown={(e) => { e.preventDefault(); pickMention(u); }}>
              <strong>{u.displayName}</strong> <span class="muted">@{u.username}</span>
            </li>
          ))}
        </ul>
      )}
      {preview
        ? <div class="markdown preview" dangerouslySetInnerHTML={{ __html: text.trim() ? renderMarkdown(text) : `<p>${t('support.previewEmpty')}</p>` }} />
        : (
          <textarea ref={area} id={id} rows={4} value={text} maxLength={20000}
            placeholder={note ? t('support.reply.notePlaceholder') : t('support.reply.placeholder')}
            aria-autocomplete={note ? 'list' : undefined}
            aria-controls={mention ? `${id}-mentions` : undefined}
            aria-activedescendant={mention ? `${id}-opt-${mention.index}` : undefined}
            onInput={(e) => {
              const el = e.currentTarget;
              setText(el.value);
              void updateMention(el.value, el.selectionStart);
            }}
            onKeyDown={onKeyDown} />
        )}
      {!note && uploads.length > 0 && (
        <ul class="uploads">
          {uploads.map((u) => (
            <li key={u.key} class={u.error ? 'error' : ''} data-done={u.file ? 'true' : undefined}>
              <span class="file-name">{u.name}</span>
              {u.error ? <span role="alert">{t(u.error)}</span>
                : <progress max={1} value={u.progress} aria-label={t('upload.progress', { name: u.name, percent: Math.round(u.progress * 100) })} />}
              <button type="button" class="icon" aria-label={t('upload.remove', { name: u.name })}
                onClick={() => model.removeUpload(uploadKey, u.key)}><Icon name="close" size={16} /></button>
            </li>
          ))}
        </ul>
      )}
      <div class="reply-actions">
        {!note && (
          <>
            <button type="button" class="icon" aria-label={t('composer.attach')} onClick={() => fileInput.current?.click()}><Icon name="clip" size={18} /></button>
            <input ref={fileInput} type="file" class="visually-hidden" tabIndex={-1} aria-hidden="true" multiple
              accept={Object.keys(ACCEPTED_TYPES).join(',')} data-testid="file-input-reply"
              onChange={(e) => {
                for (const f of Array.from(e.currentTarget.files ?? [])) void model.attach(uploadKey, f);
                e.currentTarget.value = '';
              }} />
          </>
        )}
        {staff && !note && (
          <label class="check">
            <input type="checkbox" checked={wait} onChange={(e) => setWait(e.currentTarget.checked)} /> {t('support.reply.wait')}
          </label>
        )}
        <button type="submit" class="primary">{note ? t('support.reply.sendNote') : t('support.reply.send')}</button>
      </div>
    </form>
  );
}
