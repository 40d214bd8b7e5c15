import type { Clock } from "../../server/trello/sliding-window-limiter";

/** A clock whose sleeps advance virtual time at once, so limiter and retry timing is exact and instant. */
export class FakeClock implements Clock {
  time = 1_000_000;
  readonly sleeps: number[] = [];
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
}
