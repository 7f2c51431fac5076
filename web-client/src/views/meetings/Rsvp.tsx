import type { Occurrence, RsvpCounts } from '../../api/meetings';
import { ANSWERS, myAnswer } from '../../state/meetings/agenda';
import type { MeetingsModel } from '../../state/meetings/model';
import { useT } from '../context';

/** Yes / maybe / no for one occurrence (pressed = my answer) and the counts so far. */
export function RsvpControls(props: { meetings: MeetingsModel; occurrence: Pick<Occurrence, 'meetingId' | 'key' | 'title'>; canAnswer: boolean; label: string }) {
  const t = useT();
  const counts = props.meetings.rsvpOf(props.occurrence);
  const mine = myAnswer(counts);
  return (
    <div class="rsvp" data-testid="rsvp">
      {props.canAnswer && (
        <div class="rsvp-buttons" role="group" aria-label={t('meetings.rsvp.question', { title: props.label })}>
          {ANSWERS.map((a) => (
            <button key={a} type="button" class={`rsvp-${a} ${mine === a ? 'chosen' : ''}`} aria-pressed={mine === a}
              onClick={() => void props.meetings.answer(props.occurrence, a)}>
              {t(`meetings.rsvp.${a}`)}
            </button>
          ))}
        </div>
      )}
      <RsvpCountsText counts={counts} />
    </div>
  );
}

export function RsvpCountsText(props: { counts: RsvpCounts | undefined }) {
  const t = useT();
  const c = props.counts;
  if (!c) return null;
  return (
    <p class="rsvp-counts muted" data-testid="rsvp-counts">
      {t('meetings.rsvp.counts', { yes: c.yes, maybe: c.maybe, no: c.no })}
    </p>
  );
}
