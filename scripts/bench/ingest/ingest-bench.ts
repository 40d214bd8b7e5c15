import type { BenchPart } from "../bench-part";
import { machineLine } from "../machine-line";
import { median } from "../median";
import { startBareExpress, startService, type BenchTarget } from "./bench-targets";
import { fsyncLatency } from "./fsync-latency";
import type { LoadResult } from "./load-generator";
import { runLoad } from "./run-load";

export interface IngestBenchSettings {
  /** Alternating rounds per measurement (bare, service, bare, service, …); the median of each side is reported. */
  rounds: number;
  durationS: number;
  warmUpS: number;
  /** Concurrent keep-alive connections of the closed-loop throughput runs. */
  connections: number;
  /** Fixed open-loop rates, deliveries per second. */
  rates: number[];
  /** Connections of the open-loop runs: enough that a slow answer rarely holds back the next send (when it does, the wait counts). */
  openLoopConnections: number;
  /** Actions one board makes a day, for the capacity line. */
  actionsPerBoardPerDay: number;
}

export const INGEST_BENCH_SETTINGS: IngestBenchSettings = {
  rounds: 3,
  durationS: 8,
  warmUpS: 3,
  connections: 32,
  rates: [100, 500, 1000],
  openLoopConnections: 100,
  actionsPerBoardPerDay: 100,
};

const fmt = (value: number, digits = 0) =>
  value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function load(
  target: BenchTarget,
  run: { durationS: number; connections: number; rate?: number },
): Promise<LoadResult> {
  return runLoad({ url: target.url, callbackUrl: target.callbackUrl, secret: target.secret, ...run });
}

/** Each measurement alternates the two targets round by round, so a noisy moment on the machine hits both. */
async function alternate(
  targets: [BenchTarget, BenchTarget],
  rounds: number,
  measure: (target: BenchTarget) => Promise<LoadResult>,
  log: (line: string) => void,
  label: string,
): Promise<[LoadResult[], LoadResult[]]> {
  const results: [LoadResult[], LoadResult[]] = [[], []];
  for (let round = 1; round <= rounds; round += 1) {
    for (const [index, target] of targets.entries()) {
      const result = await measure(target);
      results[index]!.push(result);
      log(
        `${label} round ${round} ${target.name}: ${fmt(result.perSecond)}/s p50 ${fmt(result.p50Ms, 1)} ms p99 ${fmt(result.p99Ms, 1)} ms (${result.notOk} not 2xx)`,
      );
    }
  }
  return results;
}

const med = (results: LoadResult[], key: keyof LoadResult) => median(results.map((r) => r[key]));

/** Webhook ingest throughput and latency against a bare Express handler, with autocannon in its own process. */
export function createIngestBench(s: IngestBenchSettings): BenchPart {
  return {
    name: "ingest",
    async run(log) {
      const disk = await fsyncLatency();
      log(`disk: fsync after an 8 KB append p50 ${fmt(disk.p50Ms, 2)} ms, p99 ${fmt(disk.p99Ms, 2)} ms`);
      const targets: [BenchTarget, BenchTarget] = [await startBareExpress(), await startService()];
      try {
        for (const target of targets) await load(target, { durationS: s.warmUpS, connections: s.connections });
        const [bare, service] = await alternate(
          targets,
          s.rounds,
          (t) => load(t, { durationS: s.durationS, connections: s.connections }),
          log,
          "closed loop",
        );
        const open: { rate: number; bare: LoadResult[]; service: LoadResult[] }[] = [];
        for (const rate of s.rates) {
          const [b, v] = await alternate(
            targets,
            s.rounds,
            (t) => load(t, { durationS: s.durationS, connections: s.openLoopConnections, rate }),
            log,
            `${rate}/s`,
          );
          open.push({ rate, bare: b, service: v });
        }
        const servicePerSecond = med(service, "perSecond");
        const barePerSecond = med(bare, "perSecond");
        // Each service round against the bare round just before it: load on the machine drifts less within a pair.
        const roundRatios = service.map((r, i) => r.perSecond / bare[i]!.perSecond);
        const ratio = median(roundRatios);
        const actionsPerDay = servicePerSecond * 86_400;
        const failed = [...service, ...open.flatMap((o) => o.service)].reduce((sum, r) => sum + r.notOk, 0);
        return [
          "## Webhook ingest",
          "",
          "Method: the service (`dist/scripts/start.js` as `npm start` runs it, LOG_LEVEL info, a fresh SQLite file; each group of",
          "deliveries committed and its WAL fsynced before the 200s) and, as the reference, a bare Express handler answering 200",
          "without reading the body (Node discards the bytes), each in its own process; the load generator runs in a third.",
          "Deliveries are signed, real-shaped actions from the simulator (cards created, commented, moved, renamed) from 20 boards",
          "interleaved, each with a new action id and dated when sent, as Trello's arrive (~0.9 KB). A",
          `${s.warmUpS} s warm-up per target, then ${s.rounds} rounds of ${s.durationS} s per measurement, alternating bare / service round by`,
          `round; medians reported. Closed loop (autocannon): ${s.connections} keep-alive connections, each sending its next delivery when`,
          `its answer comes. Open loop (scripts/bench/ingest/open-loop.ts): deliveries due evenly spaced at the rate over up to`,
          `${s.openLoopConnections} keep-alive connections, each latency timed from the moment its delivery was due (no coordinated omission;`,
          "autocannon's own rate option sends each second's share as a burst at the top of the second, which measured its",
          "bursts rather than the target). The disk's fsync (an 8 KB append, as a group commit writes) is measured first: no",
          "durable answer is quicker.",
          "",
          "| closed loop | deliveries/s (median) | rounds (ratio: per pair of rounds) |",
          "|---|---:|---|",
          `| bare Express | ${fmt(barePerSecond)} | ${bare.map((r) => fmt(r.perSecond)).join(", ")} |`,
          `| service | ${fmt(servicePerSecond)} | ${service.map((r) => fmt(r.perSecond)).join(", ")} |`,
          `| **ratio** | **${fmt(ratio, 2)}×** (target ≥ 0.8×, budget ≥ 0.5×) | ${roundRatios.map((r) => fmt(r, 2)).join(", ")} |`,
          "",
          "| open loop | service p50 | service p99 | bare p50 | bare p99 |",
          "|---|---:|---:|---:|---:|",
          ...open.map(
            (o) =>
              `| ${fmt(o.rate)}/s | ${fmt(med(o.service, "p50Ms"), 1)} ms | ${fmt(med(o.service, "p99Ms"), 1)} ms | ${fmt(med(o.bare, "p50Ms"), 1)} ms | ${fmt(med(o.bare, "p99Ms"), 1)} ms |`,
          ),
          "",
          `Budget: p99 < 20 ms at 500/s. Deliveries the service did not answer 2xx over all runs: ${failed}.`,
          `Disk, at the start: fsync after an 8 KB append p50 ${fmt(disk.p50Ms, 2)} ms, p99 ${fmt(disk.p99Ms, 2)} ms.`,
          "",
          `**Capacity per node**: ${fmt(servicePerSecond)} deliveries/s → ${fmt(actionsPerDay / 1e6, 1)} M actions/day → at`,
          `${s.actionsPerBoardPerDay} actions/board/day, ${fmt(actionsPerDay / s.actionsPerBoardPerDay)} boards if spread evenly over the day; planned with a peak of`,
          `10× the daily mean and the node kept at half its rate (docs/scaling.md), ${fmt(actionsPerDay / s.actionsPerBoardPerDay / 20)} boards.`,
          "",
          machineLine(),
        ].join("\n");
      } finally {
        for (const target of targets) await target.stop();
      }
    },
  };
}

export const ingestBench = createIngestBench(INGEST_BENCH_SETTINGS);
