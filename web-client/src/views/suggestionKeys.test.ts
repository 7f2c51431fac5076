import { describe, expect, it } from 'vitest';
import { handleSuggestionKey } from './suggestionKeys';

function key(k: string) {
  let prevented = false;
  return { e: { key: k, preventDefault: () => { prevented = true; } } as unknown as KeyboardEvent, prevented: () => prevented };
}

describe('handleSuggestionKey', () => {
  const items = ['alice', 'bruno', 'chloe'];

  it('moves down and wraps up', () => {
    const moves: number[] = [];
    const actions = { move: (i: number) => moves.push(i), pick: () => {}, close: () => {} };
    expect(handleSuggestionKey(key('ArrowDown').e, items, 2, actions)).toBe(true);
    expect(handleSuggestionKey(key('ArrowUp').e, items, 0, actions)).toBe(true);
    expect(moves).toEqual([0, 2]);
  });

  it('picks with Enter or Tab, closes with Escape, leaves other keys', () => {
    const picked: string[] = [];
    let closed = false;
    const actions = { move: () => {}, pick: (u: string) => picked.push(u), close: () => { closed = true; } };
    const enter = key('Enter');
    expect(handleSuggestionKey(enter.e, items, 1, actions)).toBe(true);
    expect(enter.prevented()).toBe(true);
    expect(handleSuggestionKey(key('Tab').e, items, 2, actions)).toBe(true);
    expect(picked).toEqual(['bruno', 'chloe']);
    expect(handleSuggestionKey(key('Escape').e, items, 0, actions)).toBe(true);
    expect(closed).toBe(true);
    expect(handleSuggestionKey(key('a').e, items, 0, actions)).toBe(false);
    expect(handleSuggestionKey(key('Enter').e, [], 0, actions)).toBe(false);
  });
});
