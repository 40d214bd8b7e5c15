import { FaultInjector } from "../../../scripts/trello-sim/faults/fault-injector";
import { seedBoard, startTestSim, type TestSim } from "./support/test-sim";

let t: TestSim;
let boardPath: string;
beforeEach(async () => {
  t = await startTestSim({ rateLimits: false });
  boardPath = `/boards/${seedBoard(t.sim).board.id}`;
});
afterEach(() => t.sim.close());

/** The status of a request, or "dropped" when the connection was cut without a response. */
async function outcome(): Promise<number | "dropped"> {
  try {
    return (await t.api(boardPath)).status;
  } catch {
    return "dropped";
  }
}

describe("injected faults", () => {
  it("answers the next N requests with a 5xx, then recovers", async () => {
    t.sim.setFaults({ nextErrors: 2, errorStatus: 503 });
    const res = await t.api(boardPath);
    expect([res.status, await res.text()]).toEqual([503, "Service Unavailable"]);
    expect([await outcome(), await outcome()]).toEqual([503, 200]);
  });

  it("drops the next N connections without any response", async () => {
    t.sim.setFaults({ nextDrops: 1 });
    expect([await outcome(), await outcome()]).toEqual(["dropped", 200]);
  });

  it("forces the next N requests to 429 with Trello's body", async () => {
    t.sim.setFaults({ next429s: 1 });
    const res = await t.api(boardPath);
    expect([res.status, await res.json()]).toEqual([
      429,
      { error: "API_TOKEN_LIMIT_EXCEEDED", message: "Rate limit exceeded" },
    ]);
    expect(await outcome()).toBe(200);
  });

  it("adds latency to every request", async () => {
    t.sim.setFaults({ latencyMs: 150 });
    const started = performance.now();
    expect(await outcome()).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("faults the same requests on every run when given a seed", async () => {
    const run = async () => {
      t.sim.setFaults({ seed: 42, errorRate: 0.3, dropRate: 0.1 });
      const outcomes = [];
      for (let i = 0; i < 40; i++) outcomes.push(await outcome());
      return outcomes;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain("dropped");
    expect(first).toContain(200);
  });

  it("stops faulting once cleared", async () => {
    t.sim.setFaults({ errorRate: 1 });
    expect(await outcome()).toBe(500);
    t.sim.clearFaults();
    expect(await outcome()).toBe(200);
  });
});

describe("FaultInjector", () => {
  it("faults about the requested share of requests", () => {
    const faults = new FaultInjector();
    faults.set({ seed: 7, errorRate: 0.25 });
    const errors = Array.from({ length: 4000 }, () => faults.next()).filter((fault) => fault.kind === "error").length;
    expect(errors / 4000).toBeGreaterThan(0.22);
    expect(errors / 4000).toBeLessThan(0.28);
  });

  it("refuses a share outside 0–1 and a non-5xx error status", () => {
    const faults = new FaultInjector();
    expect(() => faults.set({ errorRate: 1.5 })).toThrow(RangeError);
    expect(() => faults.set({ nextErrors: 1, errorStatus: 404 })).toThrow(RangeError);
  });
});
