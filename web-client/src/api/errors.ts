/** A refusal from the hub (problem JSON or a STOMP error event), or a network failure (code "network"). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Retrying the same request later may succeed (the connection or the server was unavailable). */
  get transient(): boolean {
    return this.code === 'network' || this.code === 'store_unavailable' || this.code === 'overloaded'
      || this.code === 'rate_limited' || this.code === 'disconnected' || this.status >= 500;
  }
}
