import { acquireAll, SlidingWindowLimiter } from "../../../server/trello/sliding-window-limiter";
import { FakeClock } from "../../support/fake-clock";

describe("acquireAll with SlidingWindowLimiter", () => {
  it("lets max requests start per rolling window and makes the next wait for the oldest to age out", async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(3, 10_000);
    const starts: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      await acquireAll([limiter], clock);
      starts.push(clock.now() - 1_000_000);
      clock.time += 100;
    }
    expect(starts).toEqual([0, 100, 200, 10_000, 10_100, 10_200, 20_000]);
  });

  it("never lets more than max start in any window, even with concurrent callers", async () => {
    const clock = new FakeClock();
    const recorded: number[] = [];
    const limiter = new (class extends SlidingWindowLimiter {
      override record(now: number): void {
        recorded.push(now);
        super.record(now);
      }
    })(5, 1_000);
    await Promise.all(Array.from({ length: 23 }, () => acquireAll([limiter], clock)));
    expect(recorded).toHaveLength(23);
    for (const start of recorded)
      expect(recorded.filter((s) => s >= start && s < start + 1_000).length).toBeLessThanOrEqual(5);
  });

  it("counts a request held back by one limiter at the moment it really starts in the others", async () => {
    const clock = new FakeClock();
    const token = new SlidingWindowLimiter(3, 1_000);
    const key = new SlidingWindowLimiter(3, 1_000);
    // The key is busy with another token's requests, so this token's requests wait for the key.
    for (let i = 0; i < 3; i += 1) key.record(clock.now());
    clock.time += 510;
    const tokenStarts: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      await acquireAll([token, key], clock);
      tokenStarts.push(clock.now());
      clock.time += 10;
    }
    for (const start of tokenStarts)
      expect(tokenStarts.filter((s) => s >= start && s < start + 1_000).length).toBeLessThanOrEqual(3);
  });

  it("holds everything back while paused after a 429", async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(100, 10_000);
    limiter.pause(clock.now() + 2_500);
    await acquireAll([limiter], clock);
    expect(clock.now() - 1_000_000).toBe(2_500);
  });

  it("lowers its ceiling to a smaller limit the server reports", async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(10, 1_000);
    limiter.observeLimit(2);
    for (let i = 0; i < 3; i += 1) await acquireAll([limiter], clock);
    expect(clock.now() - 1_000_000).toBe(1_000);
  });
});
