import type { SlaTimerName, SupportConfig, Ticket } from '../../api/support';

/** The hub's default `relais.support.warn-ratio` (GET /support/config does not say it). */
export const WARN_RATIO = 0.8;

export type SlaLevel = 'ok' | 'at_risk' | 'breached' | 'paused' | 'met';

export interface SlaTimerView {
  timer: SlaTimerName;
  level: SlaLevel;
  /** Seconds left until the target (negative once past it); null when the clock is not running. */
  remainingSeconds: number | null;
  dueAt: string | null;
}

/**
 * The two response-time timers of a ticket (staff projection), for countdowns and highlights: met,
 * paused, running (ok / at risk past the warn ratio) or breached. `alerts` holds the timers the hub
 * has already flagged at risk by a live `sla.at_risk` event.
 */
export function slaTimers(t: Ticket, now: number, config: SupportConfig | null,
  alerts: ReadonlySet<SlaTimerName> = new Set()): SlaTimerView[] {
  const sla = t.sla;
  if (!sla) return [];
  const target = t.priority ? config?.targets[t.priority] : undefined;
  const one = (timer: SlaTimerName, breached: boolean, done: boolean, dueAt: string | null | undefined,
    targetSeconds: number | undefined): SlaTimerView => {
    const due = dueAt ?? null;
    const remaining = due ? Math.round((Date.parse(due) - now) / 1000) : null;
    let level: SlaLevel;
    if (breached) level = 'breached';
    else if (done) level = 'met';
    else if (sla.paused || remaining === null) level = 'paused';
    else if (remaining <= 0) level = 'breached';
    else if (alerts.has(timer) || (targetSeconds !== undefined && remaining <= targetSeconds * (1 - WARN_RATIO))) level = 'at_risk';
    else level = 'ok';
    return { timer, level, remainingSeconds: done ? null : remaining, dueAt: done ? null : due };
  };
  const finished = t.status === 'resolved' || t.status === 'closed';
  return [
    one('first_response', sla.firstResponseBreached, !!t.firstResponseAt, sla.firstResponseDueAt, target?.firstResponseSeconds),
    one('resolution', sla.resolutionBreached, finished, sla.resolutionDueAt, target?.resolutionSeconds),
  ];
}

/** The most worrying level of a ticket's timers (for list highlighting). */
export function worstLevel(timers: readonly SlaTimerView[]): SlaLevel | null {
  for (const level of ['breached', 'at_risk', 'ok'] as const) if (timers.some((x) => x.level === level)) return level;
  return null;
}
