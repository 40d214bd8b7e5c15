export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Counts request starts in a rolling window, so the client stays under Trello's limits instead of bouncing off them. */
export class SlidingWindowLimiter {
  private readonly starts: number[] = [];
  private pausedUntil = 0;

  constructor(
    private max: number,
    private readonly intervalMs: number,
  ) {}

  /** How long until one more request may start (0 = now). */
  waitMs(now: number): number {
    while (this.starts.length > 0 && this.starts[0]! <= now - this.intervalMs) this.starts.shift();
    const forWindow = this.starts.length >= this.max ? this.starts[0]! + this.intervalMs - now : 0;
    return Math.max(forWindow, this.pausedUntil - now, 0);
  }

  /** True when nothing has started within the window and no pause is on: the limiter can be forgotten. */
  isIdle(now: number): boolean {
    return this.waitMs(now) === 0 && this.starts.length === 0;
  }

  /** Counts a request as started at `now`. */
  record(now: number): void {
    this.starts.push(now);
  }

  /** After a 429, start nothing for a while: the server's view of the window is what counts. */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** Lowers the ceiling when the server reports a smaller limit than assumed. */
  observeLimit(max: number): void {
    if (max > 0 && max < this.max) this.max = max;
  }
}

/**
 * Waits until every limiter has room, then counts the request in all of them at the same instant, so a
 * request held back by one limit is never counted early by another.
 */
export async function acquireAll(limiters: SlidingWindowLimiter[], clock: Clock): Promise<void> {
  for (;;) {
    const now = clock.now();
    const wait = Math.max(...limiters.map((limiter) => limiter.waitMs(now)));
    if (wait <= 0) {
      for (const limiter of limiters) limiter.record(now);
      return;
    }
    await clock.sleep(wait);
  }
}
