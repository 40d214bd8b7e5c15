import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLogger } from "../../../server/log/create-logger";
import { projectRoot } from "../../../server/powerup/project-root";
import { createStore } from "../../../server/store/create-store";
import { openDatabase } from "../../../server/store/open-database";
import { startCheckpointer } from "../../../server/store/start-checkpointer";
import { syncBoard, type SyncProgress } from "../../../server/sync/sync-board";
import { createTrelloClient } from "../../../server/trello/create-trello-client";
import { fetchJson, type HttpRequest } from "../../../server/trello/fetch-json";
import { TRELLO_RATE_LIMITS } from "../../trello-sim/limits/rate-limiter";
import type { BenchPart } from "../bench-part";
import { machineLine } from "../machine-line";
import { median } from "../median";
import type { SeededSim } from "./sim-process";

export interface BackfillBenchSettings {
  actions: number;
  /** Backfills with Trello's limits on; the median is reported. */
  rounds: number;
}

export const BACKFILL_BENCH_SETTINGS: BackfillBenchSettings = { actions: 100_000, rounds: 3 };

interface BackfillRun {
  /** From the first request until the board is ready: its history, lists, cards and pluginData stored. */
  ms: number;
  /** After that, the sync's last step: building the report checkpoints (a cache) from the stored history. */
  checkpointsMs: number;
  stored: number;
  /** Requests Trello answered (not refused): what the sync needed. */
  answered: number;
  refused: number;
  /** 429s that followed a 429 for the same request. */
  refusedTwice: number;
}

async function startSim(actions: number): Promise<{ child: ChildProcess; sim: SeededSim }> {
  const script = path.join(projectRoot(), "dist", "scripts", "bench", "backfill", "sim-process.js");
  const child = spawn(process.execPath, [script, String(actions)], { stdio: ["ignore", "pipe", "inherit"] });
  const sim = await new Promise<SeededSim>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (out.includes("\n")) resolve(JSON.parse(out.slice(0, out.indexOf("\n"))) as SeededSim);
    });
    child.once("exit", (code) => reject(new Error(`the simulator exited with code ${code}`)));
  });
  return { child, sim };
}

async function admin(sim: SeededSim, method: "POST" | "PUT", route: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${sim.baseUrl}/_sim/${route}`, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator ${route}: ${res.status}`);
  return res.json();
}

/** One backfill of the board into a fresh database, with the service's own client and sync, counting every 429. */
async function backfillOnce(sim: SeededSim): Promise<BackfillRun> {
  // A token of its own per run: the window the previous run filled does not slow this one.
  const { token } = (await admin(sim, "POST", "tokens", { idMember: sim.memberId })) as { token: string };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loop-backfill-"));
  const db = openDatabase(path.join(dir, "loop.db"));
  const log = createLogger("warn");
  // As in the service: checkpoints of the WAL on their own thread (server/start-service.ts).
  const checkpointer = startCheckpointer(db, log);
  const run: BackfillRun = { ms: 0, checkpointsMs: 0, stored: 0, answered: 0, refused: 0, refusedTwice: 0 };
  const lastRefused = new Set<string>();
  const send = async (request: HttpRequest) => {
    const response = await fetchJson(request);
    if (response.status === 429) {
      run.refused += 1;
      if (lastRefused.has(request.url)) run.refusedTwice += 1;
      lastRefused.add(request.url);
    } else {
      run.answered += 1;
      lastRefused.delete(request.url);
    }
    return response;
  };
  try {
    const client = createTrelloClient({ apiBase: sim.baseUrl, apiKey: sim.key, send });
    const started = performance.now();
    let readyAt = Number.NaN;
    // The moment the sync runner marks the connection ready (create-board-sync-runner.ts).
    const onProgress = ({ phase }: SyncProgress) => {
      if (phase === "snapshot") readyAt = performance.now();
    };
    const result = await syncBoard(
      { client, store: createStore(db), log },
      { boardId: sim.boardId, token, onProgress },
    );
    run.ms = readyAt - started;
    run.checkpointsMs = performance.now() - readyAt;
    run.stored = result.actionsStored;
    return run;
  } finally {
    await checkpointer.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The least time Trello's rolling windows allow for `requests` requests: a window per `max` after the first batch. */
function limitsFloorMs(requests: number): number {
  const { intervalMs, tokenMax, keyMax } = TRELLO_RATE_LIMITS;
  return intervalMs * Math.max(Math.floor((requests - 1) / tokenMax), Math.floor((requests - 1) / keyMax));
}

const s1 = (ms: number) => (ms / 1000).toFixed(2);

/** Backfill from the simulator with Trello's rate limits on, against the floor those limits allow. */
export function createBackfillBench(settings: BackfillBenchSettings): BenchPart {
  return {
    name: "backfill",
    async run(log) {
      const { child, sim } = await startSim(settings.actions);
      try {
        log(`simulator seeded with ${sim.actions} actions`);
        const limited: BackfillRun[] = [];
        for (let round = 1; round <= settings.rounds; round += 1) {
          const run = await backfillOnce(sim);
          limited.push(run);
          log(
            `limits on, round ${round}: ready in ${s1(run.ms)} s (then checkpoints ${s1(run.checkpointsMs)} s), ${run.answered} requests, ${run.refused} refused, floor ${s1(limitsFloorMs(run.answered))} s`,
          );
        }
        await admin(sim, "PUT", "rate-limits", { enabled: false });
        const unlimited = await backfillOnce(sim);
        log(`limits off: ready in ${s1(unlimited.ms)} s (then checkpoints ${s1(unlimited.checkpointsMs)} s)`);
        const ms = median(limited.map((r) => r.ms));
        const requests = median(limited.map((r) => r.answered));
        const floor = limitsFloorMs(requests);
        const refused = limited.reduce((sum, r) => sum + r.refused, 0);
        const refusedTwice = limited.reduce((sum, r) => sum + r.refusedTwice, 0);
        const { intervalMs, tokenMax, keyMax } = TRELLO_RATE_LIMITS;
        return [
          "## Backfill",
          "",
          `Method: the simulator in its own process, Trello's limits on (${tokenMax} requests / ${intervalMs / 1000} s per token,`,
          `${keyMax} per key), one board of ${sim.actions.toLocaleString("en-US")} actions. The service's own client (its limiter,`,
          "retries and 429 handling) and `syncBoard` backfill it into a fresh SQLite file (WAL checkpoints on their own thread, as",
          "in the service): history pages of 1,000, then lists, cards and pluginData. The time runs from the first request to the",
          "moment the board is ready (the sync runner marks the connection ready then); the report checkpoints the sync builds",
          "after that are a cache (a report builds what it misses) and are timed apart. Each card on this board gets three",
          `actions, so it ends with ~${Math.round(sim.actions / 3).toLocaleString("en-US")} cards, all in one month. ${settings.rounds} rounds, each with a fresh token; the median`,
          "reported. The floor is the least time the rolling windows allow for the requests the sync made: one window per 100",
          "requests after the first 100.",
          "",
          "| | ready in | requests | 429s | refused twice in a row | then checkpoints |",
          "|---|---:|---:|---:|---:|---:|",
          `| limits on (median) | ${s1(ms)} s | ${requests} | ${refused} over ${settings.rounds} rounds | ${refusedTwice} | ${s1(median(limited.map((r) => r.checkpointsMs)))} s |`,
          `| floor of the limits | ${s1(floor)} s | | | | |`,
          `| **ratio** | ${floor > 0 ? `**${(ms / floor).toFixed(2)}×**` : "none: fewer requests than one window holds"} (budget ≤ 1.15×) | | | | |`,
          `| limits off (processing alone) | ${s1(unlimited.ms)} s | ${unlimited.answered} | | | ${s1(unlimited.checkpointsMs)} s |`,
          "",
          `Rounds with limits on: ${limited.map((r) => `${s1(r.ms)} s`).join(", ")}; actions stored per round: ${limited.map((r) => r.stored).join(", ")}.`,
          "",
          machineLine(),
        ].join("\n");
      } finally {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}

export const backfillBench = createBackfillBench(BACKFILL_BENCH_SETTINGS);
