/**
 * Keys of a suggestion list under a text field (mentions, slash commands): arrows move the
 * highlighted item, Enter or Tab picks it, Escape closes the list. Returns true when the key was used.
 */
export function handleSuggestionKey<T>(e: KeyboardEvent, items: T[], index: number,
  actions: { move: (index: number) => void; pick: (item: T) => void; close: () => void }): boolean {
  const n = items.length;
  if (n === 0) return false;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    actions.move((index + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    return true;
  }
  if (e.key === 'Enter' || e.key === 'Tab') {
    e.preventDefault();
    actions.pick(items[index % n]!);
    return true;
  }
  if (e.key === 'Escape') {
    actions.close();
    return true;
  }
  return false;
}
