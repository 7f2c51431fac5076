import { useState } from 'preact/hooks';
import type { RelayItem } from '../../api/relay';
import type { RelayModel } from '../../state/relay/model';
import { EMPTY_DRAFT, draftOf, draftProblem, formOf, lines, type DraftForm } from '../../state/relay/queue';
import { useT } from '../context';
import { renderMarkdown } from '../markdownView';

/**
 * Propose content to relay (or, with `item`, edit one's own proposal while it is open): Markdown text with
 * a preview, visuals as image URLs (uploaded files are not usable by the relay bot yet), links, the target
 * and a wished date.
 */
export function ProposeForm(props: { relay: RelayModel; item?: RelayItem; onDone?: () => void }) {
  const { relay, item } = props;
  const t = useT();
  const [form, setForm] = useState<DraftForm>(item ? formOf(item) : EMPTY_DRAFT);
  const [problem, setProblem] = useState<string | null>(null);
  const codes = new Set(relay.federations.map((f) => f.code));
  const regions = [...new Set(relay.federations.map((f) => f.region))].sort((a, b) => a.localeCompare(b));
  const set = (change: Partial<DraftForm>) => setForm({ ...form, ...change });
  const idp = item ? `edit-${item.id}` : 'new';
  async function submit(e: Event) {
    e.preventDefault();
    const p = draftProblem(form, codes.size ? codes : undefined);
    setProblem(p);
    if (p) {
      document.getElementById(`${idp}-${p === 'tooMany' ? 'visuals' : p}`)?.focus();
      return;
    }
    if (item) {
      if (await relay.edit(item.id, draftOf(form))) props.onDone?.();
    } else if (await relay.propose(draftOf(form))) setForm(EMPTY_DRAFT);
  }
  const visuals = lines(form.visuals).filter((v) => /^https?:\/\//.test(v));
  return (
    <form class={item ? 'relay-form' : 'relay-screen relay-form'} onSubmit={submit} noValidate data-testid="relay-form">
      {item ? <h3>{t('relay.form.editTitle')}</h3> : <h2 tabIndex={-1}>{t('relay.heading.new')}</h2>}
      {!item && <p class="muted small">{t('relay.form.intro')}</p>}
      {problem && <p class="form-problem" role="alert">{t(`relay.form.problem.${problem}`)}</p>}
      <div class="fld">
        <label for={`${idp}-text`}>{t('relay.form.text')}</label>
        <textarea id={`${idp}-text`} rows={6} maxLength={3000} value={form.text} aria-invalid={problem === 'text'}
          aria-describedby={`${idp}-text-help`} onInput={(e) => set({ text: e.currentTarget.value })} />
        <span class="help" id={`${idp}-text-help`}>{t('relay.form.textHelp', { count: form.text.length })}</span>
      </div>
      {form.text.trim() && (
        <section class="relay-preview" aria-label={t('relay.form.preview')}>
          <h4>{t('relay.form.preview')}</h4>
          <div class="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(form.text) }} />
          {visuals.length > 0 && (
            <div class="relay-visuals">{visuals.map((v) => <img key={v} src={v} alt={t('relay.visualAlt')} loading="lazy" />)}</div>
          )}
        </section>
      )}
      <div class="fld">
        <label for={`${idp}-visuals`}>{t('relay.form.visuals')}</label>
        <textarea id={`${idp}-visuals`} rows={2} value={form.visuals} aria-invalid={problem === 'visuals' || problem === 'tooMany'}
          aria-describedby={`${idp}-visuals-help`} placeholder="https://…" onInput={(e) => set({ visuals: e.currentTarget.value })} />
        <span class="help" id={`${idp}-visuals-help`}>{t('relay.form.visualsHelp')}</span>
      </div>
      <div class="fld">
        <label for={`${idp}-links`}>{t('relay.form.links')}</label>
        <textarea id={`${idp}-links`} rows={2} value={form.links} aria-invalid={problem === 'links'}
          aria-describedby={`${idp}-links-help`} placeholder="https://…" onInput={(e) => set({ links: e.currentTarget.value })} />
        <span class="help" id={`${idp}-links-help`}>{t('relay.form.linksHelp')}</span>
      </div>
      <fieldset class="relay-target">
        <legend>{t('relay.form.target')}</legend>
        {(['ALL', 'REGION', 'LIST'] as const).map((k) => (
          <label key={k} class="radio">
            <input type="radio" name={`${idp}-target`} value={k} checked={form.targetKind === k} onChange={() => set({ targetKind: k })} />
            {t(`relay.target.${k}`)}
          </label>
        ))}
        {form.targetKind === 'REGION' && (
          <div class="fld">
            <label for={`${idp}-region`}>{t('relay.form.region')}</label>
            <select id={`${idp}-region`} value={form.region} aria-invalid={problem === 'region'} onChange={(e) => set({ region: e.currentTarget.value })}>
              <option value="">{t('relay.form.regionPick')}</option>
              {regions.map((r) => <option key={r} value={r}>{r}</option>)}
            </select>
          </div>
        )}
        {form.targetKind === 'LIST' && (
          <div class="fld">
            <label for={`${idp}-federations`}>{t('relay.form.federations')}</label>
            <input id={`${idp}-federations`} value={form.federations} aria-invalid={problem === 'federations'}
              aria-describedby={`${idp}-federations-help`} list={`${idp}-codes`} autocomplete="off"
              onInput={(e) => set({ federations: e.currentTarget.value })} />
            <datalist id={`${idp}-codes`}>{relay.federations.map((f) => <option key={f.code} value={f.code}>{f.name}</option>)}</datalist>
            <span class="help" id={`${idp}-federations-help`}>{t('relay.form.federationsHelp')}</span>
          </div>
        )}
      </fieldset>
      <div class="fld">
        <label for={`${idp}-wished`}>{t('relay.form.wishedAt')}</label>
        <input id={`${idp}-wished`} type="datetime-local" value={form.wishedAt} aria-describedby={`${idp}-wished-help`}
          onInput={(e) => set({ wishedAt: e.currentTarget.value })} />
        <span class="help" id={`${idp}-wished-help`}>{t('relay.form.wishedHelp', { slots: relay.slots?.slots.join(', ') ?? '12:30, 19:00, 20:45' })}</span>
      </div>
      <div class="row">
        <button type="submit" class="primary" disabled={relay.busy}>{item ? t('relay.form.save') : t('relay.form.submit')}</button>
        {item && <button type="button" onClick={props.onDone}>{t('relay.cancel')}</button>}
      </div>
    </form>
  );
}
