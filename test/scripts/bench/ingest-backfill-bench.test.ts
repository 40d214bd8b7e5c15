import { createBackfillBench } from "../../../scripts/bench/backfill/backfill-bench";
import { createIngestBench } from "../../../scripts/bench/ingest/ingest-bench";

// Smoke tests of the harness on tiny numbers: every process starts, every figure is written. No timing asserted.
describe("npm run bench, ingest and backfill parts", () => {
  it("When the ingest part runs on tiny numbers, then it writes both targets' throughput, the open-loop latencies and the capacity line", async () => {
    const lines: string[] = [];
    const markdown = await createIngestBench({
      rounds: 1,
      durationS: 1,
      warmUpS: 1,
      connections: 4,
      rates: [20],
      openLoopConnections: 4,
      actionsPerBoardPerDay: 100,
    }).run((line) => lines.push(line));
    expect(markdown).toMatch(/\| bare Express \| [\d,]+ \|/);
    expect(markdown).toMatch(/\| service \| [\d,]+ \|/);
    expect(markdown).toMatch(/\| 20\/s \| [\d.]+ ms \| [\d.]+ ms \|/);
    expect(markdown).toMatch(/did not answer 2xx over all runs: 0\./);
    expect(markdown).toMatch(/Capacity per node\*\*: [\d,]+ deliveries\/s → [\d.]+ M actions\/day → at/);
    expect(markdown).toMatch(/[\d,]+ boards\.\n\nMachine: \d+ cores/);
    // The disk's fsync first; then bare and service alternate: closed loop, then the open-loop rate.
    expect(markdown).toMatch(/Disk, at the start: fsync after an 8 KB append p50 [\d.]+ ms, p99 [\d.]+ ms\./);
    expect(lines.map((line) => line.replace(/:.*/, ""))).toEqual([
      "disk",
      "closed loop round 1 bare Express",
      "closed loop round 1 service",
      "20/s round 1 bare Express",
      "20/s round 1 service",
    ]);
  }, 120_000);

  it("When the backfill part runs on a small board, then every action is stored and the refusals and the floor are reported", async () => {
    const markdown = await createBackfillBench({ actions: 2_500, rounds: 1 }).run(() => undefined);
    expect(markdown).toMatch(/one board of 2,50\d actions/);
    expect(markdown).toMatch(/actions stored per round: 250\d\./);
    expect(markdown).toMatch(/\| limits on \(median\) \| [\d.]+ s \| 6 \| 0 over 1 rounds \| 0 \| [\d.]+ s \|/);
    expect(markdown).toMatch(/\| limits off \(processing alone\) \| [\d.]+ s \| 6 \|/);
    expect(markdown).toMatch(/Machine: \d+ cores/);
  }, 120_000);
});
