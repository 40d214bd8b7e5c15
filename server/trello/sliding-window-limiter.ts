export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Keeps request starts under `max` per rolling `intervalMs`, waiting when the window is full, so the
 * client stays under Trello's limits instead of bouncing off them. Callers are served in arrival order.
 */
export class SlidingWindowLimiter {
  private readonly starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pausedUntil = 0;

  constructor(
    private max: number,
    private readonly intervalMs: number,
    private readonly clock: Clock = realClock,
  ) {}

  /** Resolves when one more request may start. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** After a 429, start nothing for a while: the server's view of the window is what counts. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  /** Lowers the ceiling when the server reports a smaller limit than assumed. */
  observeLimit(max: number): void {
    if (max > 0 && max < this.max) this.max = max;
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      while (this.starts.length > 0 && this.starts[0]! <= now - this.intervalMs) this.starts.shift();
      const waitForPause = this.pausedUntil - now;
      const waitForWindow = this.starts.length >= this.max ? this.starts[0]! + this.intervalMs - now : 0;
      const wait = Math.max(waitForPause, waitForWindow);
      if (wait <= 0) {
        this.starts.push(now);
        return;
      }
      await this.clock.sleep(wait);
    }
  }
}
