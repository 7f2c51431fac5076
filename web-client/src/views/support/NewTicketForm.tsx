import { useRef, useState } from 'preact/hooks';
import type { Priority } from '../../api/support';
import type { AppModel } from '../../state/app';
import { ACCEPTED_TYPES } from '../../state/files';
import { Icon } from '../Icon';
import { useT } from '../context';
import { renderMarkdown } from '../markdownView';
import { label } from './common';

/** Where the new ticket's uploads are kept in the app's upload list (the same upload path as messages). */
export const NEW_TICKET_UPLOADS = 'support-new-ticket';
const SUBJECT_MAX = 200;

export function NewTicketForm(props: { model: AppModel }) {
  const { model } = props;
  const support = model.support!;
  const t = useT();
  const config = support.config;
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState(config?.categories[0]?.id ?? '');
  const [urgency, setUrgency] = useState<Priority>('normal');
  const [preview, setPreview] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const uploads = model.uploadsFor(NEW_TICKET_UPLOADS);

  async function submit(e: Event) {
    e.preventDefault();
    if (!subject.trim() || !description.trim()) return setProblem(t('support.new.missing'));
    if (uploads.some((u) => !u.file && !u.error)) return setProblem(t('upload.wait'));
    setProblem(null);
    const done = await support.submitTicket({
      subject: subject.trim(), description, category, urgency,
      attachmentIds: uploads.filter((u) => u.file).map((u) => u.file!.id),
    });
    if (done) for (const u of uploads) model.removeUpload(NEW_TICKET_UPLOADS, u.key);
  }

  return (
    <div class="support-screen narrow">
      <div class="screen-head"><h2 tabIndex={-1}>{t('support.new.title')}</h2></div>
      <p class="muted">{t('support.new.intro')}</p>
      <form class="stack ticket-form" onSubmit={submit} noValidate>
        <label>{t('support.new.subject')}
          <input name="subject" required maxLength={SUBJECT_MAX} value={subject} aria-describedby="subject-help"
            onInput={(e) => setSubject(e.currentTarget.value)} />
          <span id="subject-help" class="help">{t('support.new.subjectHelp')} ({subject.length}/{SUBJECT_MAX})</span>
        </label>
        <div class="field">
          <div class="field-head">
            <label for="ticket-description">{t('support.new.description')}</label>
            <button type="button" class="text-button" aria-pressed={preview} onClick={() => setPreview(!preview)}>
              {preview ? t('support.write') : t('support.preview')}
            </button>
          </div>
          {preview
            ? <div class="markdown preview" data-testid="description-preview" aria-live="polite"
              dangerouslySetInnerHTML={{ __html: description.trim() ? renderMarkdown(description) : `<p>${t('support.previewEmpty')}</p>` }} />
            : <textarea id="ticket-description" name="description" rows={8} required maxLength={20000}
              value={description} onInput={(e) => setDescription(e.currentTarget.value)} />}
        </div>
        <div class="two-cols">
          <div class="fld"><label for="sel-new-category">{t('support.new.category')}</label>
            <select id="sel-new-category" name="category" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
              {config?.categories.map((c) => <option key={c.id} value={c.id}>{label(t, 'support.category', c.id)}</option>)}
            </select>
          </div>
          <div class="fld"><label for="sel-new-urgency">{t('support.new.urgency')}</label>
            <select id="sel-new-urgency" name="urgency" value={urgency} onChange={(e) => setUrgency(e.currentTarget.value as Priority)}>
              {(config?.urgencies ?? ['low', 'normal', 'high', 'urgent']).map((u) => (
                <option key={u} value={u}>{label(t, 'support.priority', u)}</option>
              ))}
            </select>
          </div>
        </div>
        <fieldset class="attachments-field">
          <legend>{t('support.new.attachments')}</legend>
          {uploads.length > 0 && (
            <ul class="uploads">
              {uploads.map((u) => (
                <li key={u.key} class={u.error ? 'error' : ''} data-done={u.file ? 'true' : undefined}>
                  <span class="file-name">{u.name}</span>
                  {u.error ? <span role="alert">{t(u.error)}</span>
                    : <progress max={1} value={u.progress} aria-label={t('upload.progress', { name: u.name, percent: Math.round(u.progress * 100) })} />}
                  <button type="button" class="icon" aria-label={t('upload.remove', { name: u.name })}
                    onClick={() => model.removeUpload(NEW_TICKET_UPLOADS, u.key)}><Icon name="close" size={16} /></button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => fileInput.current?.click()}><Icon name="clip" size={16} /> {t('support.new.attach')}</button>
          <input ref={fileInput} type="file" class="visually-hidden" tabIndex={-1} aria-hidden="true" multiple
            accept={Object.keys(ACCEPTED_TYPES).join(',')} data-testid="file-input-ticket"
            onChange={(e) => {
              for (const file of Array.from(e.currentTarget.files ?? [])) void model.attach(NEW_TICKET_UPLOADS, file);
              e.currentTarget.value = '';
            }} />
        </fieldset>
        {problem && <p class="error" role="alert">{problem}</p>}
        <button type="submit" class="primary" disabled={support.busy}>{support.busy ? t('support.new.sending') : t('support.new.submit')}</button>
      </form>
    </div>
  );
}
