import { useState } from 'preact/hooks';
import type { AppModel } from '../../state/app';
import { groupByDay, stateOf } from '../../state/meetings/agenda';
import type { MeetingsModel } from '../../state/meetings/model';
import { Icon } from '../Icon';
import { useT, useUi } from '../context';
import { formatDayKey, formatRange } from './format';
import { RsvpControls } from './Rsvp';

/** My upcoming occurrences, day by day, each with its answers; then my calendar feed. */
export function MeetingList(props: { model: AppModel }) {
  const meetings = props.model.meetings!;
  const t = useT();
  const { i18n } = useUi();
  const now = Date.now();
  const days = groupByDay(meetings.agenda, now);
  return (
    <div class="meetings-screen">
      <div class="screen-head">
        <h2 tabIndex={-1}>{t('meetings.list.title')}</h2>
        {meetings.canSchedule && (
          <button type="button" class="primary" onClick={() => void meetings.show({ kind: 'new' })}>{t('meetings.list.schedule')}</button>
        )}
      </div>
      {!meetings.agendaLoaded ? <p class="muted">{t('meetings.loading')}</p>
        : days.length === 0 ? <p class="muted">{t('meetings.list.none')}</p>
          : (
            <div class="agenda" data-testid="agenda">
              {days.map((d) => (
                <section key={d.day} aria-labelledby={`day-${d.day}`}>
                  <h3 id={`day-${d.day}`} class="agenda-day">{formatDayKey(i18n, d.day)}</h3>
                  <ul class="occurrence-list">
                    {d.items.map((o) => {
                      const state = stateOf(o, now);
                      return (
                        <li key={`${o.meetingId}/${o.key}`} class={`occurrence-card ${state}`} data-testid="occurrence">
                          <div class="occurrence-main">
                            <button type="button" class="link occurrence-title" onClick={() => void meetings.show({ kind: 'meeting', id: o.meetingId })}>
                              {o.title}
                            </button>
                            <p class="occurrence-when">
                              <Icon name="clock" size={14} /> {formatRange(i18n, o)}
                              {state === 'live' && <span class="live-badge">{t('meetings.live')}</span>}
                              {state === 'cancelled' && <span class="cancelled-badge">{t('meetings.cancelledBadge')}</span>}
                              {o.changed && state !== 'cancelled' && <span class="tag">{t('meetings.changedBadge')}</span>}
                            </p>
                          </div>
                          {state !== 'cancelled' && <RsvpControls meetings={meetings} occurrence={o} canAnswer={!!meetings.rsvpOf(o)} label={o.title} />}
                        </li>
                      );
                    })}
                  </ul>
                </section>
              ))}
            </div>
          )}
      <CalendarFeedCard meetings={meetings} />
    </div>
  );
}

/** "Subscribe in my calendar": the secret feed URL, copy, webcal link, and a new link when it leaked. */
function CalendarFeedCard(props: { meetings: MeetingsModel }) {
  const { meetings } = props;
  const t = useT();
  const [copied, setCopied] = useState(false);
  const feed = meetings.feed;
  async function copy() {
    if (!feed) return;
    try {
      await navigator.clipboard.writeText(feed.url);
    } catch {
      (document.getElementById('feed-url') as HTMLInputElement | null)?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 3000);
  }
  return (
    <section class="feed-card" aria-labelledby="feed-title">
      <h3 id="feed-title"><Icon name="calendar" size={18} /> {t('meetings.feed.title')}</h3>
      <p class="muted">{t('meetings.feed.intro')}</p>
      {feed ? (
        <>
          <div class="feed-row">
            <label class="visually-hidden" for="feed-url">{t('meetings.feed.url')}</label>
            <input id="feed-url" readOnly value={feed.url} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" onClick={() => void copy()}><Icon name="copy" size={16} /> {t('meetings.feed.copy')}</button>
          </div>
          <p class="feed-actions">
            <a href={feed.url.replace(/^https?:/, 'webcal:')}>{t('meetings.feed.subscribe')}</a>
            <button type="button" class="link" onClick={() => {
              if (confirm(t('meetings.feed.resetConfirm'))) void meetings.resetFeed();
            }}>{t('meetings.feed.reset')}</button>
          </p>
          <p class="visually-hidden" role="status" aria-live="polite">{copied ? t('meetings.feed.copied') : ''}</p>
          {copied && <p class="ok" aria-hidden="true">{t('meetings.feed.copied')}</p>}
          <p class="help">{t('meetings.feed.secret')}</p>
        </>
      ) : <p class="muted">{t('meetings.loading')}</p>}
    </section>
  );
}
