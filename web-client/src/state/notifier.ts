/**
 * What every view model shares: the views subscribe, and each change (`changed()`) re-renders them.
 * `version` counts the changes.
 */
export class ChangeNotifier {
  version = 0;

  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
