import { describe, expect, it } from 'vitest';
import {
  TAB_STATUSES, actionsFor, applyItem, draftOf, draftProblem, latestChangeRequest, mayReview, tabsFor, type DraftForm,
} from './queue';
import { coordinator, hq, item, member } from './fixtures';

const review = TAB_STATUSES.review;

describe('review queue transitions', () => {
  it('follows an item through propose → changes requested → edited → approved', () => {
    let queue = applyItem([], item(), review);
    expect(queue.map((i) => i.status)).toEqual(['PROPOSED']);
    queue = applyItem(queue, item({ status: 'CHANGES_REQUESTED', version: 2 }), review);
    expect(queue).toHaveLength(1);
    expect(queue[0]!.status).toBe('CHANGES_REQUESTED');
    queue = applyItem(queue, item({ status: 'PROPOSED', text: 'Tract corrigé', version: 3 }), review);
    expect(queue[0]!.text).toBe('Tract corrigé');
    queue = applyItem(queue, item({ status: 'SCHEDULED', version: 4 }), review);
    expect(queue).toEqual([]);
    expect(applyItem([], item({ status: 'SCHEDULED', version: 4 }), TAB_STATUSES.scheduled)).toHaveLength(1);
  });

  it('ignores an older version arriving late and keeps the list oldest first', () => {
    const newer = item({ status: 'CHANGES_REQUESTED', version: 3 });
    expect(applyItem([newer], item({ version: 2 }), review)).toEqual([newer]);
    const second = item({ id: 'i2', createdAt: '2026-11-20T11:00:00Z' });
    const first = item({ id: 'i0', createdAt: '2026-11-20T09:00:00Z' });
    expect(applyItem(applyItem([second], first, review), item(), review).map((i) => i.id)).toEqual(['i0', 'i1', 'i2']);
  });

  it('leaves out items the reviewer may not review', () => {
    const other = item({ target: { kind: 'LIST', federations: ['22'] } });
    expect(applyItem([], other, review, (i) => mayReview(coordinator, i))).toEqual([]);
    const own = item({ target: { kind: 'LIST', federations: ['29'] } });
    expect(applyItem([], own, review, (i) => mayReview(coordinator, i))).toHaveLength(1);
  });
});

describe('who may do what', () => {
  it('mirrors RelayAccess: staff review everything, coordinators only items aimed at their federation alone', () => {
    expect(mayReview(hq, item())).toBe(true);
    expect(mayReview(coordinator, item())).toBe(false);
    expect(mayReview(coordinator, item({ target: { kind: 'LIST', federations: ['29'] } }))).toBe(true);
    expect(mayReview(coordinator, item({ target: { kind: 'LIST', federations: ['29', '22'] } }))).toBe(false);
    expect(mayReview(member, item())).toBe(false);
  });

  it('offers the actions of the item’s status', () => {
    expect(actionsFor(member, item())).toEqual(['edit', 'comment']);
    expect(actionsFor(member, item({ status: 'CHANGES_REQUESTED' }))).toEqual(['edit', 'comment']);
    expect(actionsFor(hq, item())).toEqual(['comment', 'requestChanges', 'approve', 'reject']);
    expect(actionsFor(hq, item({ status: 'CHANGES_REQUESTED' }))).toEqual(['comment', 'reject']);
    expect(actionsFor(hq, item({ status: 'HELD' }))).toEqual(['comment', 'release', 'reject', 'figures']);
    const consigne = item({ status: 'SCHEDULED', consigne: { requires: 'READ', deadline: '2026-11-22T10:00:00Z' } });
    expect(actionsFor(hq, consigne)).toContain('board');
    expect(actionsFor(member, consigne)).not.toContain('board');
    expect(actionsFor(hq, item({ status: 'POSTED' }))).toEqual(['comment', 'figures']);
  });

  it('gives tabs by role', () => {
    expect(tabsFor(member, false)).toEqual(['mine', 'new']);
    expect(tabsFor(hq, false)).toEqual(['review', 'scheduled', 'held', 'posted', 'mine', 'new', 'blackouts']);
    expect(tabsFor({ ...hq, roles: ['NATIONAL_ADMIN'] }, true)).toContain('bots');
  });

  it('shows the newest change request until the author edits', () => {
    const h = item().history;
    const asked = item({ history: [...h, { at: 'x', by: { id: 'b', username: 'hq-bob' }, action: 'changes_requested', comment: 'Ajoutez le lien' }] });
    expect(latestChangeRequest(asked)).toBe('Ajoutez le lien');
    expect(latestChangeRequest(item({ history: [...asked.history, { at: 'y', by: { id: 'a', username: 'bruno' }, action: 'edited' }] }))).toBeNull();
  });
});

describe('the propose form', () => {
  const base: DraftForm = { text: 'Texte', visuals: '', links: '', targetKind: 'ALL', region: '', federations: '', wishedAt: '' };

  it('checks as the hub checks', () => {
    expect(draftProblem({ ...base, text: '  ' })).toBe('text');
    expect(draftProblem({ ...base, visuals: 'javascript:alert(1)' })).toBe('visuals');
    expect(draftProblem({ ...base, links: 'https://ok.example/a\nftp://no' })).toBe('links');
    expect(draftProblem({ ...base, targetKind: 'REGION' })).toBe('region');
    expect(draftProblem({ ...base, targetKind: 'LIST', federations: '29, 99' }, new Set(['29', '22']))).toBe('federations');
    expect(draftProblem({ ...base, targetKind: 'LIST', federations: '29 22' }, new Set(['29', '22']))).toBeNull();
  });

  it('builds the request body', () => {
    expect(draftOf({ ...base, visuals: ' https://img.example/a.png \n\n', targetKind: 'LIST', federations: '29, 2a,29' })).toEqual({
      text: 'Texte', visuals: ['https://img.example/a.png'], links: [], target: { kind: 'LIST', federations: ['29', '2A'] }, wishedAt: null,
    });
  });
});
