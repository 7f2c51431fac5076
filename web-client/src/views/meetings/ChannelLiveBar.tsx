import { useEffect, useState } from 'preact/hooks';
import type { LiveSession } from '../../api/meetings';
import type { AppModel } from '../../state/app';
import { LIVE_REACTIONS } from '../../state/meetings/live';
import type { MeetingsModel } from '../../state/meetings/model';
import { Icon } from '../Icon';
import { useT } from '../context';
import { durationText } from './format';

/**
 * Above a channel's messages: meetings of the channel in progress, the live session's banner, slow-mode
 * notice and reaction counters, the moderators' start/change/stop controls, and the summary once ended.
 */
export function ChannelLiveBar(props: { model: AppModel; channelId: string }) {
  const meetings = props.model.meetings;
  const t = useT();
  const [form, setForm] = useState<'start' | 'edit' | null>(null);
  useEffect(() => {
    setForm(null);
    void meetings?.watchChannel(props.channelId);
  }, [props.channelId, meetings]);
  if (!meetings) return null;
  const cl = meetings.channelLive?.channelId === props.channelId ? meetings.channelLive : null;
  const inProgress = meetings.nowLive.inChannel(props.channelId);
  const session = cl?.session ?? null;
  return (
    <div class="live-bar" data-testid="live-bar">
      {inProgress.map((m) => (
        <p key={`${m.meetingId}/${m.key}`} class="live-banner meeting" data-testid="meeting-live-banner">
          <span class="live-badge">{t('meetings.live')}</span>
          <span class="live-title">{t('meetings.channel.inProgress', { title: m.title })}</span>
          <button type="button" class="primary small" onClick={() => void meetings.enter({ kind: 'meeting', id: m.meetingId })}>
            <Icon name="video" size={16} /> {t('meetings.channel.open')}
          </button>
        </p>
      ))}
      {session && (
        <section class="live-banner session" aria-label={t('live.region')} data-testid="live-session-banner">
          <div class="live-line">
            <span class="live-badge">{t('live.badge')}</span>
            <strong class="live-title">{session.title}</strong>
            {session.link && <a href={session.link} target="_blank" rel="noopener noreferrer">{t('live.link')}</a>}
            {cl?.canModerate && (
              <span class="live-controls">
                <button type="button" class="small" aria-expanded={form === 'edit'} onClick={() => setForm(form === 'edit' ? null : 'edit')}>{t('live.change')}</button>
                <button type="button" class="small danger" disabled={meetings.busy} onClick={() => {
                  if (confirm(t('live.stopConfirm'))) void meetings.endLive();
                }}>{t('live.stop')}</button>
              </span>
            )}
          </div>
          {session.slowModeSeconds > 0 && (
            <p class="slow-mode" data-testid="slow-mode">
              <Icon name="clock" size={14} /> {cl?.canModerate ? t('live.slowModeExempt', { seconds: session.slowModeSeconds })
                : t('live.slowMode', { seconds: session.slowModeSeconds })}
            </p>
          )}
          <div class="live-reactions" role="group" aria-label={t('live.react')}>
            {LIVE_REACTIONS.map((emoji) => {
              const n = cl?.totals[emoji] ?? 0;
              return (
                <button key={emoji} type="button" class="reaction" onClick={() => void meetings.react(emoji)}>
                  <span class="visually-hidden">{t('live.reactWith')} </span>{emoji}{n > 0 ? ` ${n}` : ''}
                </button>
              );
            })}
            {cl && cl.reactors > 0 && <span class="muted small">{t('live.reactors', { count: cl.reactors })}</span>}
          </div>
          {form === 'edit' && <LiveForm meetings={meetings} session={session} onDone={() => setForm(null)} />}
        </section>
      )}
      {!session && cl?.canModerate && (
        form === 'start' ? <div class="live-banner start"><LiveForm meetings={meetings} session={null} onDone={() => setForm(null)} /></div>
          : <p class="live-start"><button type="button" class="link small" onClick={() => setForm('start')}><Icon name="broadcast" size={14} /> {t('live.start')}</button></p>
      )}
      {meetings.liveSummaryShown && cl?.summary && (
        <p class="live-banner summary" role="status" data-testid="live-summary">
          <span>{t('live.summary', {
            title: cl.summary.title, duration: durationText(t, Math.max(1, Math.round(cl.summary.durationSeconds / 60))),
            messages: cl.summary.messages, participants: cl.summary.participants, reactions: cl.summary.reactionTotal,
          })}</span>
          <button type="button" class="icon" aria-label={t('meetings.close')} onClick={() => meetings.dismissSummary()}><Icon name="close" size={14} /></button>
        </p>
      )}
    </div>
  );
}

function LiveForm(props: { meetings: MeetingsModel; session: LiveSession | null; onDone: () => void }) {
  const t = useT();
  const s = props.session;
  const [title, setTitle] = useState(s?.title ?? '');
  const [link, setLink] = useState(s?.link ?? '');
  const [slow, setSlow] = useState(s?.slowModeSeconds ?? 0);
  async function submit(e: Event) {
    e.preventDefault();
    if (!title.trim()) return;
    const settings = { title: title.trim(), link: link.trim() || undefined, slowModeSeconds: Math.max(0, slow || 0) };
    const ok = s ? await props.meetings.updateLive(settings) : await props.meetings.startLive(settings);
    if (ok) props.onDone();
  }
  return (
    <form class="live-form" onSubmit={submit} aria-label={s ? t('live.change') : t('live.start')}>
      <div class="fld grow"><label for="live-title">{t('live.title')}</label>
        <input id="live-title" required maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} /></div>
      <div class="fld grow"><label for="live-link">{t('live.linkLabel')}</label>
        <input id="live-link" type="url" placeholder="https://" value={link} onInput={(e) => setLink(e.currentTarget.value)} /></div>
      <div class="fld"><label for="live-slow">{t('live.slowModeLabel')}</label>
        <input id="live-slow" type="number" min={0} max={3600} step={5} value={slow} onInput={(e) => setSlow(Number(e.currentTarget.value))} /></div>
      <div class="row">
        <button type="submit" class="primary small" disabled={props.meetings.busy}>{s ? t('live.save') : t('live.go')}</button>
        <button type="button" class="small" onClick={props.onDone}>{t('meetings.form.cancel')}</button>
      </div>
    </form>
  );
}
