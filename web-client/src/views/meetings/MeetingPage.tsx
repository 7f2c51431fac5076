import { useState } from 'preact/hooks';
import type { Meeting, Occurrence } from '../../api/meetings';
import type { AppModel } from '../../state/app';
import { presetOf, nthWeekday, stateOf } from '../../state/meetings/agenda';
import type { MeetingsModel } from '../../state/meetings/model';
import { Icon } from '../Icon';
import { useT, useUi } from '../context';
import { renderMarkdown } from '../markdownView';
import { durationText, formatDay, formatWhen, zoneLabel } from './format';
import { JitsiRoom } from './JitsiRoom';
import { RsvpControls } from './Rsvp';

/** A meeting's page (route #/meetings/<id>): when, who, the agenda, answers, the video room, occurrences. */
export function MeetingPage(props: { model: AppModel }) {
  const meetings = props.model.meetings!;
  const t = useT();
  const { i18n } = useUi();
  const m = meetings.meeting;
  if (!m) return <div class="meetings-screen"><h2 tabIndex={-1} class="visually-hidden">{t('meetings.title')}</h2><p class="muted">{t('meetings.loading')}</p></div>;
  const selected = meetings.selected;
  const now = Date.now();
  const channel = m.channelId ? props.model.channel(m.channelId) : undefined;
  const agenda = selected?.agenda ?? m.agenda ?? '';
  return (
    <article class="meetings-screen meeting-page" aria-labelledby="meeting-title">
      <div class="screen-head">
        <h2 id="meeting-title" tabIndex={-1}>
          {m.title}
          {m.cancelled && <span class="cancelled-badge">{t('meetings.cancelledBadge')}</span>}
          {!m.cancelled && selected && stateOf(selected, now) === 'live' && <span class="live-badge">{t('meetings.live')}</span>}
        </h2>
        <div class="row wrap">
          <button type="button" onClick={() => void downloadIcs(meetings, m)}><Icon name="calendar" size={16} /> {t('meetings.ics')}</button>
          {m.viewer.canEdit && !m.cancelled && (
            <>
              <button type="button" onClick={() => void meetings.show({ kind: 'edit', id: m.id })}><Icon name="edit" size={16} /> {t('meetings.editSeries')}</button>
              <button type="button" class="danger" onClick={() => {
                if (confirm(t('meetings.cancelConfirm', { title: m.title }))) void meetings.cancelMeeting();
              }}><Icon name="trash" size={16} /> {t('meetings.cancelMeeting')}</button>
            </>
          )}
        </div>
      </div>
      <dl class="meeting-facts">
        <div><dt>{t('meetings.facts.when')}</dt><dd>{selected ? formatWhen(i18n, selected) : t('meetings.noneComing')}</dd></div>
        <div><dt>{t('meetings.facts.repeat')}</dt><dd>{ruleText(t, i18n, m)}</dd></div>
        <div><dt>{t('meetings.facts.duration')}</dt><dd>{durationText(t, m.durationMinutes)} · {zoneLabel(m.timeZone)}</dd></div>
        <div><dt>{t('meetings.facts.organizer')}</dt><dd>{m.organizer.displayName}</dd></div>
        <div><dt>{t('meetings.facts.invitees')}</dt><dd>{inviteesText(t, props.model, m)}</dd></div>
        {m.channelId && (
          <div><dt>{t('meetings.facts.channel')}</dt><dd>
            {channel ? <button type="button" class="link" onClick={() => { meetings.leave(); void props.model.open(channel.id); }}># {channel.name}</button> : `# ${m.channelId}`}
          </dd></div>
        )}
      </dl>
      {selected && !m.cancelled && !selected.cancelled && (
        <RsvpControls meetings={meetings} occurrence={selected} canAnswer={m.viewer.invited} label={`${m.title}, ${formatDay(i18n, selected.start, selected.timeZone)}`} />
      )}
      {!m.cancelled && <VideoSection meetings={meetings} meeting={m} selected={selected} />}
      <section aria-labelledby="agenda-title" class="meeting-agenda">
        <h3 id="agenda-title">{t('meetings.agenda')}</h3>
        {agenda.trim() ? <div class="markdown" data-testid="meeting-agenda" dangerouslySetInnerHTML={{ __html: renderMarkdown(agenda) }} />
          : <p class="muted">{t('meetings.agendaEmpty')}</p>}
      </section>
      <OccurrenceList meetings={meetings} meeting={m} />
    </article>
  );
}

function VideoSection(props: { meetings: MeetingsModel; meeting: Meeting; selected: Occurrence | undefined }) {
  const { meetings, meeting: m, selected } = props;
  const t = useT();
  const { i18n } = useUi();
  const join = meetings.join;
  let body;
  if (meetings.video && !meetings.video.configured) {
    body = <p class="video-off" data-testid="video-off"><Icon name="video" size={18} /> {t('meetings.video.notConfigured')}</p>;
  } else if (!m.viewer.invited) {
    body = <p class="muted">{t('meetings.video.notInvited')}</p>;
  } else if (!selected || selected.cancelled) {
    body = <p class="muted">{t('meetings.noneComing')}</p>;
  } else if (join.state === 'joined') {
    body = (
      <>
        <JitsiRoom info={join.info} language={i18n.language} title={t('meetings.video.frameTitle', { title: m.title })}
          onClosed={() => meetings.leaveRoom()} onFailed={() => meetings.roomFailed()} />
        <p class="row wrap room-actions">
          <a href={join.info.joinUrl} target="_blank" rel="noopener noreferrer" data-testid="join-new-tab">{t('meetings.video.newTab')}</a>
          <button type="button" onClick={() => meetings.leaveRoom()}>{t('meetings.video.leave')}</button>
          {join.info.moderator && <span class="tag">{t('meetings.video.moderator')}</span>}
        </p>
      </>
    );
  } else {
    const failure = join.state === 'failed' ? failureText(t, i18n, join.code, selected) : null;
    body = (
      <>
        {failure && <p class="error" role="alert" data-testid="join-error">{failure}</p>}
        {join.state === 'failed' && join.info && (
          <p><a href={join.info.joinUrl} target="_blank" rel="noopener noreferrer" data-testid="join-new-tab">{t('meetings.video.newTab')}</a></p>
        )}
        <button type="button" class="primary join" disabled={join.state === 'joining'} onClick={() => void meetings.joinRoom()}>
          <Icon name="video" size={18} /> {join.state === 'joining' ? t('meetings.video.joining') : t('meetings.video.join')}
        </button>
        <p class="help">{t('meetings.video.help')}</p>
      </>
    );
  }
  return (
    <section class="video-section" aria-labelledby="video-title">
      <h3 id="video-title">{t('meetings.video.title')}</h3>
      {body}
    </section>
  );
}

function failureText(t: (k: string, p?: Record<string, string | number>) => string, i18n: ReturnType<typeof useUi>['i18n'],
  code: string, o: Occurrence): string {
  if (code === 'meeting_not_open') {
    return Date.parse(o.end) < Date.now() ? t('meetings.video.closed')
      : t('meetings.video.notOpen', { when: formatWhen(i18n, o) });
  }
  const key = `meetings.video.error.${code}`;
  return t(key) === key ? t('meetings.video.error.generic') : t(key);
}

function OccurrenceList(props: { meetings: MeetingsModel; meeting: Meeting }) {
  const { meetings, meeting: m } = props;
  const t = useT();
  const { i18n } = useUi();
  const [editing, setEditing] = useState<string | null>(null);
  const now = Date.now();
  if (meetings.occurrences.length === 0) return null;
  return (
    <section aria-labelledby="occurrences-title" class="occurrences">
      <h3 id="occurrences-title">{t('meetings.occurrences')}</h3>
      <ul class="occurrence-list">
        {meetings.occurrences.map((o) => {
          const state = stateOf(o, now);
          const current = o.key === meetings.selectedKey;
          return (
            <li key={o.key} class={`occurrence-card ${state} ${current ? 'selected' : ''}`} data-testid="meeting-occurrence">
              <div class="occurrence-main">
                <p class="occurrence-when">
                  {o.title !== m.title && <strong>{o.title} · </strong>}
                  {formatWhen(i18n, o)}
                  {state === 'live' && <span class="live-badge">{t('meetings.live')}</span>}
                  {o.cancelled && <span class="cancelled-badge">{t('meetings.cancelledBadge')}</span>}
                  {o.changed && !o.cancelled && <span class="tag">{t('meetings.changedBadge')}</span>}
                </p>
                <div class="row wrap">
                  {!current && !o.cancelled && (
                    <button type="button" class="link" onClick={() => void meetings.select(o.key)}>{t('meetings.selectOccurrence')}</button>
                  )}
                  {current && <span class="muted small">{t('meetings.selectedOccurrence')}</span>}
                  {m.viewer.canEdit && !m.cancelled && !o.cancelled && state !== 'ended' && (
                    <>
                      <button type="button" class="link" aria-expanded={editing === o.key}
                        onClick={() => setEditing(editing === o.key ? null : o.key)}>{t('meetings.editOccurrence')}</button>
                      <button type="button" class="link danger" onClick={() => {
                        if (confirm(t('meetings.cancelOccurrenceConfirm', { when: formatWhen(i18n, o) }))) void meetings.cancelOccurrence(o.key);
                      }}>{t('meetings.cancelOccurrence')}</button>
                    </>
                  )}
                </div>
              </div>
              {editing === o.key && <OccurrenceForm meetings={meetings} occurrence={o} onDone={() => setEditing(null)} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Changes one occurrence only: moved, longer, another title or agenda. */
function OccurrenceForm(props: { meetings: MeetingsModel; occurrence: Occurrence; onDone: () => void }) {
  const o = props.occurrence;
  const t = useT();
  const [date, setDate] = useState(o.localStart.slice(0, 10));
  const [time, setTime] = useState(o.localStart.slice(11, 16));
  const [duration, setDuration] = useState(Math.round((Date.parse(o.end) - Date.parse(o.start)) / 60_000));
  const [title, setTitle] = useState(o.title);
  const [agenda, setAgenda] = useState(o.agenda ?? '');
  const id = `occ-${o.key}`;
  async function submit(e: Event) {
    e.preventDefault();
    const ok = await props.meetings.changeOccurrence(o.key, { start: `${date}T${time}`, durationMinutes: duration, title: title.trim(), agenda });
    if (ok) props.onDone();
  }
  return (
    <form class="occurrence-form" onSubmit={submit} aria-label={t('meetings.editOccurrence')}>
      <div class="form-grid">
        <div class="fld"><label for={`${id}-date`}>{t('meetings.form.date')}</label>
          <input id={`${id}-date`} type="date" required value={date} onInput={(e) => setDate(e.currentTarget.value)} /></div>
        <div class="fld"><label for={`${id}-time`}>{t('meetings.form.time')}</label>
          <input id={`${id}-time`} type="time" required value={time} onInput={(e) => setTime(e.currentTarget.value)} /></div>
        <div class="fld"><label for={`${id}-duration`}>{t('meetings.form.duration')}</label>
          <input id={`${id}-duration`} type="number" min={5} max={720} step={5} required value={duration}
            onInput={(e) => setDuration(Number(e.currentTarget.value))} /></div>
      </div>
      <div class="fld"><label for={`${id}-title`}>{t('meetings.form.title')}</label>
        <input id={`${id}-title`} required maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} /></div>
      <div class="fld"><label for={`${id}-agenda`}>{t('meetings.form.agenda')}</label>
        <textarea id={`${id}-agenda`} rows={4} maxLength={20000} value={agenda} onInput={(e) => setAgenda(e.currentTarget.value)} /></div>
      <div class="row wrap">
        <button type="submit" class="primary">{t('meetings.form.saveOccurrence')}</button>
        <button type="button" onClick={props.onDone}>{t('meetings.form.cancel')}</button>
      </div>
    </form>
  );
}

async function downloadIcs(meetings: MeetingsModel, m: Meeting): Promise<void> {
  try {
    const text = await meetings.calendarText();
    const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `reunion-${m.id}.ics`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch {
    meetings.notice = { key: 'meetings.error.ics' };
    meetings.changed();
  }
}

function ruleText(t: (k: string, p?: Record<string, string | number>) => string, i18n: ReturnType<typeof useUi>['i18n'], m: Meeting): string {
  const { preset, until, custom } = presetOf(m.recurrence, m.timeZone);
  if (preset === 'none') return t('meetings.repeat.once');
  let text: string;
  if (preset === 'monthly') {
    const { weekday, nth } = nthWeekday(m.start.slice(0, 10));
    text = t('meetings.repeat.monthlyOn', { nth: t(`meetings.nth.${nth}`), day: weekdayName(i18n, weekday) });
  } else if (preset === 'custom') {
    text = t('meetings.repeat.customRule', { rule: custom });
  } else {
    text = t(`meetings.repeat.${preset}`);
  }
  if (until) text += ` ${t('meetings.repeat.until', { date: formatDay(i18n, `${until}T12:00:00Z`, 'UTC') })}`;
  const exceptions = m.exceptions?.length ?? 0;
  if (exceptions) text += ` · ${t('meetings.repeat.exceptions', { count: exceptions })}`;
  return text;
}

export function weekdayName(i18n: ReturnType<typeof useUi>['i18n'], weekday: number): string {
  // 2023-01-01 was a Sunday (weekday 0)
  return new Date(Date.UTC(2023, 0, 1 + weekday, 12)).toLocaleDateString(i18n.locale, { weekday: 'long', timeZone: 'UTC' });
}

function inviteesText(t: (k: string, p?: Record<string, string | number>) => string, model: AppModel, m: Meeting): string {
  const inv = m.invitees;
  const parts: string[] = [];
  if (inv.userIds?.length) parts.push(t('meetings.invitees.people', { count: inv.userIds.length }));
  for (const r of inv.roles ?? []) parts.push(t(`meetings.role.${r}`));
  for (const f of inv.federations ?? []) parts.push(t('meetings.invitees.federation', { code: f }));
  if (inv.channelId) parts.push(t('meetings.invitees.channel', { name: model.channel(inv.channelId)?.name ?? inv.channelId }));
  return parts.join(', ') || '—';
}
