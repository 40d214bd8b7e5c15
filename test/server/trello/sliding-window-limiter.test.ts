import { SlidingWindowLimiter } from "../../../server/trello/sliding-window-limiter";
import { FakeClock } from "../../support/fake-clock";

describe("SlidingWindowLimiter", () => {
  it("lets max requests start per rolling window and makes the next wait for the oldest to age out", async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(3, 10_000, clock);
    const starts: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      await limiter.acquire();
      starts.push(clock.now() - 1_000_000);
      clock.time += 100;
    }
    expect(starts).toEqual([0, 100, 200, 10_000, 10_100, 10_200, 20_000]);
  });

  it("never lets more than max start in any window, even with concurrent callers", async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(5, 1_000, clock);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 23 }, () => limiter.acquire().then(() => starts.push(clock.now()))));
    expect(starts).toHaveLength(23);
    for (const start of starts) expect(starts.filter((s) => s >= start && s < start + 1_000).length).toBeLessThanOrEqual(5);
    expect(starts.at(-1)! - starts[0]!).toBe(4_000);
  });

  it("holds everything back while paused after a 429", async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(100, 10_000, clock);
    limiter.pause(2_500);
    await limiter.acquire();
    expect(clock.now() - 1_000_000).toBe(2_500);
  });

  it("lowers its ceiling to a smaller limit the server reports", async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(10, 1_000, clock);
    limiter.observeLimit(2);
    for (let i = 0; i < 3; i += 1) await limiter.acquire();
    expect(clock.now() - 1_000_000).toBe(1_000);
  });
});
