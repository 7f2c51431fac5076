import { useEffect, useRef } from 'preact/hooks';
import type { AppModel } from '../../state/app';
import type { MeetingsModel, MeetingsScreen } from '../../state/meetings/model';
import { Icon } from '../Icon';
import { useT } from '../context';
import { MeetingForm } from './MeetingForm';
import { MeetingList } from './MeetingList';
import { MeetingPage } from './MeetingPage';
import './meetings.css';

/**
 * The "Meetings" area in the main column: my upcoming occurrences and calendar feed, a meeting's page
 * (agenda, answers, the Jitsi room), and the scheduling form for staff and coordinators.
 */
export function MeetingsArea(props: { model: AppModel; onBack: () => void }) {
  const meetings = props.model.meetings!;
  const t = useT();
  const screen = meetings.screen;
  const body = useRef<HTMLDivElement>(null);
  const key = screen.kind === 'list' || screen.kind === 'new' ? screen.kind : `${screen.kind}-${screen.id}`;
  // Moving between screens moves the focus to the new screen's heading (announced by screen readers).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    body.current?.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus();
  }, [key]);
  const tabs: MeetingsScreen[] = meetings.canSchedule ? [{ kind: 'list' }, { kind: 'new' }] : [{ kind: 'list' }];
  return (
    <section class="meetings" aria-labelledby="meetings-title">
      <header class="meetings-head">
        <button type="button" class="icon back" aria-label={t('meetings.back')} onClick={props.onBack}><Icon name="back" size={24} /></button>
        <h1 id="meetings-title"><Icon name="video" size={20} /> {t('meetings.title')}</h1>
        <nav aria-label={t('meetings.sections')} class="meetings-tabs">
          {tabs.map((tab) => {
            const current = screen.kind === tab.kind;
            return (
              <button key={tab.kind} type="button" class={current ? 'current' : ''} aria-current={current ? 'page' : undefined}
                onClick={() => void meetings.show(tab)}>
                {t(`meetings.tab.${tab.kind}`)}
              </button>
            );
          })}
        </nav>
      </header>
      <Notice meetings={meetings} />
      <div class="meetings-body" id="meetings-main" ref={body}>
        {screen.kind === 'list' && <MeetingList model={props.model} />}
        {screen.kind === 'meeting' && <MeetingPage model={props.model} />}
        {screen.kind === 'new' && <MeetingForm model={props.model} />}
        {screen.kind === 'edit' && (meetings.meeting?.id === screen.id
          ? <MeetingForm key={screen.id} model={props.model} meeting={meetings.meeting} />
          : <p class="muted meetings-screen">{t('meetings.loading')}</p>)}
      </div>
    </section>
  );
}

function Notice(props: { meetings: MeetingsModel }) {
  const t = useT();
  const n = props.meetings.notice;
  if (!n) return <div class="visually-hidden" role="status" aria-live="polite" />;
  const known = t(n.key) !== n.key;
  const text = known ? t(n.key, n.params) : t('error.generic');
  const info = !n.key.includes('.error.') && n.key !== 'error.generic';
  const detail = n.detail && !info && (!known || n.key === 'meetings.error.validation_failed' || n.key === 'meetings.error.invalid_recurrence')
    ? ` (${n.detail})` : '';
  return (
    <div class={`meetings-notice ${info ? 'info' : ''}`} role={info ? 'status' : 'alert'}>
      <span>{text}{detail}</span>
      <button type="button" class="icon" aria-label={t('meetings.close')} onClick={() => props.meetings.dismissNotice()}>
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}
