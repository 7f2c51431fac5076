import { useEffect, useState } from 'preact/hooks';
import type { TicketStatus } from '../../api/support';
import { formatDuration } from '../../state/support/queue';
import type { SlaTimerView } from '../../state/support/sla';

export type T = (key: string, params?: Record<string, string | number>) => string;

/** A catalogue label for an id from the hub's configuration; the id itself when the catalogue has none. */
export function label(t: T, prefix: string, id: string | null | undefined): string {
  if (!id) return '';
  const key = `${prefix}.${id}`;
  const text = t(key);
  return text === key ? id : text;
}

export function statusLabel(t: T, status: TicketStatus, audience: 'staff' | 'requester'): string {
  if (audience === 'requester' && status === 'waiting_on_requester') return t('support.requesterStatus.waiting_on_requester');
  return label(t, 'support.status', status);
}

export function duration(t: T, seconds: number): string {
  return formatDuration(seconds, { s: t('support.unit.s'), min: t('support.unit.min'), h: t('support.unit.h'), d: t('support.unit.d') });
}

/** The current time, refreshed every `everyMs` (waiting times and countdowns). */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

export function StatusBadge(props: { t: T; status: TicketStatus; audience: 'staff' | 'requester' }) {
  return <span class={`status-badge st-${props.status}`}>{statusLabel(props.t, props.status, props.audience)}</span>;
}

/** One SLA timer as text ("Première réponse : dans 2 h 05"), never by colour alone. */
export function slaText(t: T, x: SlaTimerView): string {
  const name = t(`support.sla.${x.timer}`);
  let state: string;
  if (x.level === 'breached') state = x.remainingSeconds != null && x.remainingSeconds < 0
    ? t('support.sla.breachedSince', { time: duration(t, -x.remainingSeconds) }) : t('support.sla.breached');
  else if (x.level === 'met') state = t('support.sla.met');
  else if (x.level === 'paused') state = t('support.sla.paused');
  else state = t(`support.sla.${x.level}`, { time: duration(t, x.remainingSeconds ?? 0) });
  return t('support.sla.line', { name, state });
}
