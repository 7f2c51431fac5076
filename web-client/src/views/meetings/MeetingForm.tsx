import { useEffect, useState } from 'preact/hooks';
import type { Meeting } from '../../api/meetings';
import type { User } from '../../api/types';
import type { AppModel } from '../../state/app';
import {
  INVITABLE_ROLES, TIME_ZONES, bodyOf, emptyForm, formOf, formProblems, nthWeekday, type MeetingForm as Form, type RepeatPreset,
} from '../../state/meetings/agenda';
import { Icon } from '../Icon';
import { useT, useUi } from '../context';
import { renderMarkdown } from '../markdownView';
import { weekdayName } from './MeetingPage';

const PRESETS: RepeatPreset[] = ['none', 'weekly', 'biweekly', 'monthly', 'custom'];
const DURATIONS = [30, 45, 60, 90, 120, 180];

/** Schedules a meeting, or changes the whole series of `meeting`. */
export function MeetingForm(props: { model: AppModel; meeting?: Meeting }) {
  const { model } = props;
  const meetings = model.meetings!;
  const t = useT();
  const { i18n } = useUi();
  const me = model.me!;
  const [form, setForm] = useState<Form>(() => (props.meeting ? formOf(props.meeting) : emptyForm(Date.now(), meetings.staff ? undefined : me.federation)));
  const [preview, setPreview] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [exception, setException] = useState('');
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const channels = model.channels.filter((c) => c.kind !== 'DIRECT');
  const { weekday, nth } = nthWeekday(/^\d{4}-\d{2}-\d{2}$/.test(form.date) ? form.date : '2026-01-06');

  async function submit(e: Event) {
    e.preventDefault();
    const found = formProblems(form);
    setProblems(found);
    if (found.length) {
      document.getElementById('form-problems')?.focus();
      return;
    }
    await meetings.save(bodyOf(form), props.meeting?.id);
  }

  return (
    <div class="meetings-screen narrow">
      <div class="screen-head"><h2 tabIndex={-1}>{props.meeting ? t('meetings.form.editTitle') : t('meetings.form.newTitle')}</h2></div>
      {problems.length > 0 && (
        <div class="form-problems" id="form-problems" tabIndex={-1} role="alert">
          <p>{t('meetings.form.problems')}</p>
          <ul>{problems.map((p) => <li key={p}>{t(p)}</li>)}</ul>
        </div>
      )}
      <form class="stack meeting-form" onSubmit={submit} noValidate>
        <div class="fld"><label for="mf-title">{t('meetings.form.title')}</label>
          <input id="mf-title" required maxLength={200} value={form.title} onInput={(e) => set({ title: e.currentTarget.value })} /></div>
        <div class="fld">
          <div class="field-head">
            <label for="mf-agenda">{t('meetings.form.agenda')}</label>
            <button type="button" class="text-button" aria-pressed={preview} onClick={() => setPreview(!preview)}>
              {preview ? t('meetings.form.write') : t('meetings.form.preview')}
            </button>
          </div>
          {preview
            ? <div class="markdown preview" data-testid="agenda-preview" aria-live="polite"
              dangerouslySetInnerHTML={{ __html: form.agenda.trim() ? renderMarkdown(form.agenda) : `<p>${t('meetings.agendaEmpty')}</p>` }} />
            : <textarea id="mf-agenda" rows={6} maxLength={20000} value={form.agenda} aria-describedby="mf-agenda-help"
              onInput={(e) => set({ agenda: e.currentTarget.value })} />}
          <span id="mf-agenda-help" class="help">{t('meetings.form.agendaHelp')}</span>
        </div>
        <div class="form-grid">
          <div class="fld"><label for="mf-date">{t('meetings.form.date')}</label>
            <input id="mf-date" type="date" required value={form.date} onInput={(e) => set({ date: e.currentTarget.value })} /></div>
          <div class="fld"><label for="mf-time">{t('meetings.form.time')}</label>
            <input id="mf-time" type="time" required value={form.time} onInput={(e) => set({ time: e.currentTarget.value })} /></div>
          <div class="fld"><label for="mf-duration">{t('meetings.form.duration')}</label>
            <select id="mf-duration" value={String(form.durationMinutes)} onChange={(e) => set({ durationMinutes: Number(e.currentTarget.value) })}>
              {[...new Set([...DURATIONS, form.durationMinutes])].sort((a, b) => a - b).map((d) => (
                <option key={d} value={String(d)}>{t('meetings.form.minutes', { count: d })}</option>
              ))}
            </select></div>
          <div class="fld"><label for="mf-zone">{t('meetings.form.timeZone')}</label>
            <select id="mf-zone" value={form.timeZone} onChange={(e) => set({ timeZone: e.currentTarget.value })}>
              {[...new Set([...TIME_ZONES, form.timeZone])].map((z) => <option key={z} value={z}>{t(`meetings.zone.${z}`) === `meetings.zone.${z}` ? z : t(`meetings.zone.${z}`)}</option>)}
            </select></div>
        </div>
        <fieldset>
          <legend>{t('meetings.form.repeat')}</legend>
          <div class="form-grid">
            <div class="fld"><label for="mf-repeat">{t('meetings.form.repeatLabel')}</label>
              <select id="mf-repeat" value={form.repeat} onChange={(e) => set({ repeat: e.currentTarget.value as RepeatPreset })}>
                {PRESETS.map((p) => (
                  <option key={p} value={p}>{p === 'monthly'
                    ? t('meetings.repeat.monthlyOn', { nth: t(`meetings.nth.${nth}`), day: weekdayName(i18n, weekday) })
                    : t(`meetings.repeat.${p === 'none' ? 'once' : p === 'custom' ? 'custom' : p}`)}</option>
                ))}
              </select></div>
            {form.repeat !== 'none' && form.repeat !== 'custom' && (
              <div class="fld"><label for="mf-until">{t('meetings.form.until')}</label>
                <input id="mf-until" type="date" min={form.date} value={form.until} onInput={(e) => set({ until: e.currentTarget.value })} /></div>
            )}
          </div>
          {form.repeat === 'custom' && (
            <div class="fld"><label for="mf-rule">{t('meetings.form.rule')}</label>
              <input id="mf-rule" value={form.customRule} placeholder="FREQ=WEEKLY;BYDAY=TH" onInput={(e) => set({ customRule: e.currentTarget.value })} /></div>
          )}
          {form.repeat !== 'none' && (
            <div class="fld exceptions">
              <label for="mf-exception">{t('meetings.form.exceptions')}</label>
              <div class="row">
                <input id="mf-exception" type="date" min={form.date} value={exception} onInput={(e) => setException(e.currentTarget.value)} />
                <button type="button" disabled={!exception} onClick={() => {
                  if (exception && !form.exceptions.includes(exception)) set({ exceptions: [...form.exceptions, exception].sort() });
                  setException('');
                }}>{t('meetings.form.addException')}</button>
              </div>
              {form.exceptions.length > 0 && (
                <ul class="chips" aria-label={t('meetings.form.exceptions')}>
                  {form.exceptions.map((d) => (
                    <li key={d} class="chip">{new Date(`${d}T12:00:00Z`).toLocaleDateString(i18n.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}
                      <button type="button" class="icon" aria-label={t('meetings.form.removeException', { date: d })}
                        onClick={() => set({ exceptions: form.exceptions.filter((x) => x !== d) })}><Icon name="close" size={14} /></button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </fieldset>
        <Invitees model={model} form={form} set={set} />
        <div class="fld"><label for="mf-channel">{t('meetings.form.channel')}</label>
          <select id="mf-channel" value={form.channelId} aria-describedby="mf-channel-help" onChange={(e) => set({ channelId: e.currentTarget.value })}>
            <option value="">{t('meetings.form.noChannel')}</option>
            {channels.map((c) => <option key={c.id} value={c.id}># {c.name}</option>)}
          </select>
          <span id="mf-channel-help" class="help">{t('meetings.form.channelHelp')}</span>
        </div>
        <div class="row wrap">
          <button type="submit" class="primary" disabled={meetings.busy}>{props.meeting ? t('meetings.form.save') : t('meetings.form.create')}</button>
          <button type="button" onClick={() => void meetings.show(props.meeting ? { kind: 'meeting', id: props.meeting.id } : { kind: 'list' })}>
            {t('meetings.form.cancel')}</button>
        </div>
      </form>
    </div>
  );
}

function Invitees(props: { model: AppModel; form: Form; set: (p: Partial<Form>) => void }) {
  const { model, form, set } = props;
  const meetings = model.meetings!;
  const t = useT();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<User[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const [federation, setFederation] = useState('');
  const staff = meetings.staff;
  const ownFed = model.me?.federation;
  const channels = model.channels.filter((c) => c.kind !== 'DIRECT');

  useEffect(() => {
    const missing = form.userIds.filter((id) => !names[id]);
    if (!missing.length) return;
    void Promise.all(missing.map((id) => model.rest.request<User>('GET', `/api/v1/users/${encodeURIComponent(id)}`).catch(() => null)))
      .then((users) => setNames((n) => ({ ...n, ...Object.fromEntries(users.filter((u): u is User => !!u).map((u) => [u.id, u.displayName])) })));
  }, [form.userIds.join(',')]);

  useEffect(() => {
    const q = query.trim();
    if (!q) { setFound([]); return; }
    const timer = setTimeout(() => {
      model.rest.users(q, 8).then((us) => setFound(us.filter((u) => !u.bot))).catch(() => setFound([]));
    }, 200);
    return () => clearTimeout(timer);
  }, [query]);

  return (
    <fieldset class="invitees">
      <legend>{t('meetings.form.invitees')}</legend>
      <div class="fld">
        <label for="mf-people">{t('meetings.form.people')}</label>
        <input id="mf-people" type="search" autocomplete="off" value={query} placeholder={t('meetings.form.peoplePlaceholder')}
          onInput={(e) => setQuery(e.currentTarget.value)} />
        {found.length > 0 && (
          <ul class="results people-results" aria-label={t('meetings.form.peopleFound')}>
            {found.map((u) => (
              <li key={u.id}>
                <button type="button" disabled={form.userIds.includes(u.id)} onClick={() => {
                  setNames({ ...names, [u.id]: u.displayName });
                  set({ userIds: [...form.userIds, u.id] });
                  setQuery('');
                }}>{t('meetings.form.invite', { name: `${u.displayName} (@${u.username})` })}</button>
              </li>
            ))}
          </ul>
        )}
        {form.userIds.length > 0 && (
          <ul class="chips" aria-label={t('meetings.form.invitedPeople')}>
            {form.userIds.map((id) => (
              <li key={id} class="chip">{names[id] ?? '…'}
                <button type="button" class="icon" aria-label={t('meetings.form.uninvite', { name: names[id] ?? id })}
                  onClick={() => set({ userIds: form.userIds.filter((x) => x !== id) })}><Icon name="close" size={14} /></button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {staff ? (
        <>
          <fieldset class="checks">
            <legend>{t('meetings.form.roles')}</legend>
            {INVITABLE_ROLES.map((r) => (
              <label key={r} class="check"><input type="checkbox" checked={form.roles.includes(r)}
                onChange={(e) => set({ roles: e.currentTarget.checked ? [...form.roles, r] : form.roles.filter((x) => x !== r) })} /> {t(`meetings.role.${r}`)}</label>
            ))}
          </fieldset>
          <div class="fld">
            <label for="mf-federation">{t('meetings.form.federations')}</label>
            <div class="row">
              <select id="mf-federation" value={federation} onChange={(e) => setFederation(e.currentTarget.value)}>
                <option value="">{t('meetings.form.chooseFederation')}</option>
                {meetings.federations.map((f) => <option key={f.code} value={f.code}>{f.code} — {f.name}</option>)}
              </select>
              <button type="button" disabled={!federation} onClick={() => {
                if (federation && !form.federations.includes(federation)) set({ federations: [...form.federations, federation] });
                setFederation('');
              }}>{t('meetings.form.addFederation')}</button>
            </div>
            {form.federations.length > 0 && (
              <ul class="chips" aria-label={t('meetings.form.federations')}>
                {form.federations.map((code) => (
                  <li key={code} class="chip">{meetings.federations.find((f) => f.code === code)?.name ?? code}
                    <button type="button" class="icon" aria-label={t('meetings.form.uninvite', { name: code })}
                      onClick={() => set({ federations: form.federations.filter((x) => x !== code) })}><Icon name="close" size={14} /></button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      ) : ownFed && (
        <label class="check"><input type="checkbox" checked={form.federations.includes(ownFed)}
          onChange={(e) => set({ federations: e.currentTarget.checked ? [ownFed] : [] })} /> {t('meetings.form.ownFederation', { code: ownFed })}</label>
      )}
      <div class="fld"><label for="mf-invite-channel">{t('meetings.form.inviteChannel')}</label>
        <select id="mf-invite-channel" value={form.inviteChannelId} onChange={(e) => set({ inviteChannelId: e.currentTarget.value })}>
          <option value="">{t('meetings.form.noInviteChannel')}</option>
          {channels.map((c) => <option key={c.id} value={c.id}># {c.name}</option>)}
        </select></div>
    </fieldset>
  );
}
