import { useState } from 'preact/hooks';
import type { SupportModel } from '../../state/support/model';
import { useT } from '../context';
import { renderMarkdown } from '../markdownView';

/** Staff: the team's canned responses, with their {{variables}}; picked from a ticket's reply box. */
export function CannedResponses(props: { support: SupportModel }) {
  const { support } = props;
  const t = useT();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  return (
    <div class="support-screen narrow">
      <div class="screen-head"><h2 tabIndex={-1}>{t('support.canned.title')}</h2></div>
      <p class="muted small">{t('support.canned.intro')}</p>
      {support.canned === null ? <p class="muted">{t('support.loading')}</p>
        : support.canned.length === 0 ? <p class="muted">{t('support.canned.empty')}</p> : (
          <ul class="canned-list">
            {support.canned.map((c) => (
              <li key={c.id}>
                <h3>{c.title}</h3>
                <div class="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(c.body) }} />
                <button type="button" class="link" onClick={() => void support.deleteCanned(c.id)}>
                  {t('support.canned.delete', { title: c.title })}
                </button>
              </li>
            ))}
          </ul>
        )}
      <form class="stack" onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim() || !body.trim()) return;
        void support.createCanned(title, body).then((ok) => { if (ok) { setTitle(''); setBody(''); } });
      }}>
        <label>{t('support.canned.name')}
          <input required maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <label>{t('support.canned.body')}
          <textarea required rows={5} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        </label>
        <button type="submit" class="primary">{t('support.canned.add')}</button>
      </form>
    </div>
  );
}
