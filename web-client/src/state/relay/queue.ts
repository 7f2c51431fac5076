import type { RelayDraft, RelayItem, RelayStatus, RelayTarget } from '../../api/relay';
import type { User } from '../../api/types';

/**
 * The relay area's lists and what each person may do with an item: a mirror of the hub's RelayAccess and
 * RelayWorkflow rules, so the screens offer only the actions the hub will accept (the hub still decides).
 */
export type RelayTab = 'review' | 'scheduled' | 'held' | 'posted' | 'mine' | 'new' | 'blackouts' | 'bots';

export const TAB_STATUSES: Record<'review' | 'scheduled' | 'held' | 'posted' | 'mine', readonly RelayStatus[]> = {
  review: ['PROPOSED', 'CHANGES_REQUESTED'],
  scheduled: ['SCHEDULED', 'DUE'],
  held: ['HELD'],
  posted: ['POSTED'],
  mine: ['PROPOSED', 'CHANGES_REQUESTED', 'SCHEDULED', 'HELD', 'DUE', 'POSTED', 'REJECTED'],
};

const STAFF_ROLES = ['NATIONAL_ADMIN', 'HQ_STAFF', 'NATIONAL_COMMUNICATION_SECRETARY'];

export function isStaff(me: Pick<User, 'roles'>): boolean {
  return me.roles.some((r) => STAFF_ROLES.includes(r));
}

export function isBotUser(me: Pick<User, 'roles' | 'bot'>): boolean {
  return me.bot || me.roles.includes('BOT');
}

/** Sees a review queue: national staff, and coordinators (for items aimed only at their federation). */
export function isReviewer(me: Pick<User, 'roles' | 'bot'>): boolean {
  return !isBotUser(me) && (isStaff(me) || me.roles.includes('FEDERATION_COORDINATOR'));
}

/** The hub's RelayAccess.mayReview. */
export function mayReview(me: Pick<User, 'roles' | 'bot' | 'federation'>, item: RelayItem): boolean {
  if (isBotUser(me)) return false;
  if (isStaff(me)) return true;
  return me.roles.includes('FEDERATION_COORDINATOR') && !!me.federation && item.target.kind === 'LIST'
    && item.target.federations.length > 0 && item.target.federations.every((f) => f === me.federation);
}

export function tabsFor(me: Pick<User, 'roles' | 'bot'>, botsVisible: boolean): RelayTab[] {
  const tabs: RelayTab[] = [];
  if (isReviewer(me)) tabs.push('review', 'scheduled', 'held', 'posted');
  tabs.push('mine', 'new');
  if (isStaff(me)) tabs.push('blackouts');
  if (botsVisible) tabs.push('bots');
  return tabs;
}

export type ItemAction = 'edit' | 'comment' | 'requestChanges' | 'approve' | 'reject' | 'release' | 'figures' | 'board';

/** What this person may do with the item in its current status. */
export function actionsFor(me: Pick<User, 'id' | 'roles' | 'bot' | 'federation'>, item: RelayItem): ItemAction[] {
  const reviewer = mayReview(me, item);
  const author = item.author.id === me.id;
  const s = item.status;
  const out: ItemAction[] = [];
  if (author && (s === 'PROPOSED' || s === 'CHANGES_REQUESTED')) out.push('edit');
  if (author || reviewer) out.push('comment');
  if (reviewer && s === 'PROPOSED') out.push('requestChanges', 'approve');
  if (reviewer && s === 'HELD') out.push('release');
  if (reviewer && (s === 'PROPOSED' || s === 'CHANGES_REQUESTED' || s === 'SCHEDULED' || s === 'HELD')) out.push('reject');
  if ((author || reviewer) && (s === 'SCHEDULED' || s === 'DUE' || s === 'POSTED' || s === 'HELD')) out.push('figures');
  if (reviewer && isStaff(me) && item.consigne && (s === 'SCHEDULED' || s === 'DUE' || s === 'POSTED')) out.push('board');
  return out;
}

/**
 * A list after a live or local change of one item: in it (replacing an older version) when its status
 * belongs to the list, out of it otherwise; oldest first like the hub. Stale versions change nothing.
 */
export function applyItem(list: readonly RelayItem[], item: RelayItem, statuses: readonly RelayStatus[],
  belongs: (i: RelayItem) => boolean = () => true): RelayItem[] {
  const existing = list.find((i) => i.id === item.id);
  if (existing && existing.version > item.version) return list as RelayItem[];
  const rest = list.filter((i) => i.id !== item.id);
  if (!statuses.includes(item.status) || !belongs(item)) return rest;
  return [...rest, item].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
}

/** The newest change request, shown above the author's edit form. */
export function latestChangeRequest(item: RelayItem): string | null {
  for (let i = item.history.length - 1; i >= 0; i--) {
    const h = item.history[i]!;
    if (h.action === 'changes_requested') return h.comment ?? null;
    if (h.action === 'edited') return null;
  }
  return null;
}

// ---- the propose / edit form -------------------------------------------------------------------

export interface DraftForm {
  text: string;
  /** One URL per line. */
  visuals: string;
  links: string;
  targetKind: RelayTarget['kind'];
  region: string;
  /** Federation codes, separated by commas or spaces. */
  federations: string;
  /** A `datetime-local` value ('' = none), in the browser's time zone. */
  wishedAt: string;
}

export const EMPTY_DRAFT: DraftForm = { text: '', visuals: '', links: '', targetKind: 'ALL', region: '', federations: '', wishedAt: '' };

export function lines(value: string): string[] {
  return value.split(/[\n\r]+/).map((s) => s.trim()).filter(Boolean);
}

export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname && !/[\s<>()]/.test(value);
  } catch {
    return false;
  }
}

export type DraftProblem = 'text' | 'visuals' | 'links' | 'region' | 'federations' | 'tooMany';

/** The first problem of the form, checked as the hub checks it (a message key suffix), or null. */
export function draftProblem(f: DraftForm, knownCodes?: ReadonlySet<string>): DraftProblem | null {
  if (!f.text.trim()) return 'text';
  const visuals = lines(f.visuals);
  const links = lines(f.links);
  if (visuals.length > 10 || links.length > 10) return 'tooMany';
  if (!visuals.every(isHttpUrl)) return 'visuals';
  if (!links.every(isHttpUrl)) return 'links';
  if (f.targetKind === 'REGION' && !f.region) return 'region';
  if (f.targetKind === 'LIST') {
    const codes = federationCodes(f.federations);
    if (codes.length === 0 || (knownCodes && codes.some((c) => !knownCodes.has(c)))) return 'federations';
  }
  return null;
}

export function federationCodes(value: string): string[] {
  return [...new Set(value.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter(Boolean))];
}

export function draftOf(f: DraftForm): RelayDraft {
  const target: RelayTarget = f.targetKind === 'REGION' ? { kind: 'REGION', region: f.region, federations: [] }
    : f.targetKind === 'LIST' ? { kind: 'LIST', federations: federationCodes(f.federations) }
    : { kind: 'ALL', federations: [] };
  return {
    text: f.text.trim(), visuals: lines(f.visuals), links: lines(f.links), target,
    wishedAt: f.wishedAt ? new Date(f.wishedAt).toISOString() : null,
  };
}

export function formOf(item: RelayItem): DraftForm {
  return {
    text: item.text, visuals: item.visuals.join('\n'), links: item.links.join('\n'), targetKind: item.target.kind,
    region: item.target.region ?? '', federations: item.target.federations.join(', '),
    wishedAt: item.wishedAt ? localInput(item.wishedAt) : '',
  };
}

/** An instant as a `datetime-local` value in the browser's time zone (minutes, or seconds when not zero). */
export function localInput(iso: string | number | Date): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  const base = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  return d.getSeconds() ? `${base}:${p(d.getSeconds())}` : base;
}
