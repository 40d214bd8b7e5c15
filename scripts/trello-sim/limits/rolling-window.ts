/** Timestamps of events in a rolling window: how many happened in the last `intervalMs`, and when one expires. */
export class RollingWindow {
  private hits: number[] = [];
  private head = 0;

  /** Events in (now − intervalMs, now]. */
  count(now: number, intervalMs: number): number {
    const cutoff = now - intervalMs;
    while (this.head < this.hits.length && this.hits[this.head]! <= cutoff) this.head++;
    // Drop expired entries now and then, so a long-running simulator does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.hits.length) {
      this.hits = this.hits.slice(this.head);
      this.head = 0;
    }
    return this.hits.length - this.head;
  }

  add(now: number): void {
    this.hits.push(now);
  }

  /** When the oldest event still in the window leaves it (now, if none). */
  nextExpiry(now: number, intervalMs: number): number {
    this.count(now, intervalMs);
    return this.head < this.hits.length ? this.hits[this.head]! + intervalMs : now;
  }
}
