import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DateTime } from "luxon";
import { syncRunnerOf } from "../../../server/app";
import { loadConfig } from "../../../server/config/load-config";
import { createLogger } from "../../../server/log/create-logger";
import { projectRoot } from "../../../server/powerup/project-root";
import { startService } from "../../../server/start-service";
import { createStore } from "../../../server/store/create-store";
import { openDatabase } from "../../../server/store/open-database";
import { freePort } from "../../demo/free-port";
import { createTrelloSimulator } from "../../trello-sim/create-trello-simulator";
import { buildBoardCheckpoints } from "../../../server/history/build-board-checkpoints";
import { addHistory } from "./add-history";
import type { BenchBoardSize } from "./bench-board-size";
import { measureServiceUnderLoad, type ServiceUnderLoad } from "./healthz-under-pdfs";
import { seedBenchBoard, type BenchBoard } from "./seed-bench-board";
import type { ReportTimings, TimeReportArgs } from "./time-report";

const TOKEN_KEY = "b3".repeat(32);

export interface ReportBenchOptions {
  size: BenchBoardSize;
  /** Timing runs on the board as generated, and on the 10× history, after the first run of each process. */
  runs: number;
  runsLongHistory: number;
  pdfs: number;
  /** How long the service is probed with nothing rendering, as the reference for its latency under load. */
  baselineMs: number;
}

export interface ReportBenchResult {
  options: ReportBenchOptions;
  board: BenchBoard;
  seedMs: number;
  backfillMs: number;
  backfilledActions: number;
  historyAdded: number;
  addHistoryMs: number;
  history1x: ReportTimings;
  history10x: ReportTimings;
  /** The same runs without the reference query, in their own processes: the report's memory alone. */
  memory1x: ReportTimings;
  memory10x: ReportTimings;
  /** True when the 10× database gives the month the same report model (a check the harness compares like with like). */
  sameReport: boolean;
  service: ServiceUnderLoad;
  machine: { cpus: number; loadAverage: number[]; node: string };
}

async function timeInChild(args: TimeReportArgs): Promise<ReportTimings> {
  const entry = path.join(projectRoot(), "dist", "scripts", "bench", "report", "time-report-main.js");
  const { stdout } = await promisify(execFile)(process.execPath, [entry, JSON.stringify(args)], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(stdout) as ReportTimings;
}

/**
 * The report benchmark: generates the board in the Trello simulator, loads it through the service's own backfill
 * (connect → sync), multiplies its history in a copy of the database, times the month's report in a fresh process
 * on each, and measures the service's latency while PDFs render. Compiled code only (the child processes run dist/).
 */
export async function runReportBench(
  options: ReportBenchOptions,
  log: (line: string) => void,
): Promise<ReportBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loop-report-bench-"));
  const sim = createTrelloSimulator({ rateLimits: false });
  try {
    const simInfo = await sim.listen(0);
    let start = performance.now();
    const board = seedBenchBoard(sim, options.size, Date.now());
    const seedMs = performance.now() - start;
    log(
      `seeded ${board.actions} actions on board ${board.boardId} in ${Math.round(seedMs)} ms; busy month ${board.month}`,
    );

    const db1x = path.join(dir, "history-1x.db");
    const port = await freePort();
    const config = loadConfig({
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_PATH: db1x,
      TRELLO_API_KEY: simInfo.key,
      TRELLO_API_SECRET: simInfo.secret,
      TRELLO_API_BASE: simInfo.baseUrl,
      TRELLO_POWERUP_ID: sim.pluginId,
      TOKEN_ENCRYPTION_KEY: TOKEN_KEY,
      LOG_LEVEL: "error",
    });
    const service = await startService(config, createLogger("error"));
    start = performance.now();
    const connected = await fetch(`http://127.0.0.1:${port}/api/boards/${board.boardId}/connection`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await sim.mintJwt({ idBoard: board.boardId })}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ token: simInfo.token }),
    });
    if (connected.status !== 202)
      throw new Error(`connecting the board answered ${connected.status}: ${await connected.text()}`);
    await syncRunnerOf(service.app)?.idle();
    const backfillMs = performance.now() - start;
    const store = createStore(service.db);
    const status = store.connections.get(board.boardId)?.status;
    const backfilledActions = service.db
      .prepare("SELECT count(*) FROM actions WHERE board_id = ?")
      .pluck()
      .get(board.boardId) as number;
    if (status !== "ready") throw new Error(`the backfill ended with the connection ${status}`);
    const actionTemplate = JSON.parse(
      service.db
        .prepare("SELECT raw FROM actions WHERE board_id = ? AND type = 'commentCard' LIMIT 1")
        .pluck()
        .get(board.boardId) as string,
    ) as Record<string, unknown>;
    await service.close();
    log(`backfilled ${backfilledActions} actions in ${Math.round(backfillMs)} ms`);

    const db10x = path.join(dir, "history-10x.db");
    fs.copyFileSync(db1x, db10x);
    start = performance.now();
    const long = openDatabase(db10x);
    const busyStartMs = DateTime.fromFormat(board.month, "yyyy-MM", { zone: "UTC" }).toMillis();
    const historyAdded = addHistory(long, board.boardId, busyStartMs, options.size.historyFactor);
    // Old actions invalidate the checkpoints after them; rebuilt as a reconcile does after a backfill.
    await buildBoardCheckpoints(createStore(long), board.boardId, { rebuild: true });
    long.close();
    const addHistoryMs = performance.now() - start;
    log(`added ${historyAdded} actions of history in ${Math.round(addHistoryMs)} ms`);

    const on = (databasePath: string, runs: number, reference: boolean): TimeReportArgs => ({
      databasePath,
      boardId: board.boardId,
      month: board.month,
      runs,
      reference,
    });
    const history1x = await timeInChild(on(db1x, options.runs, true));
    log(`timed the report on ${backfilledActions} actions`);
    const history10x = await timeInChild(on(db10x, options.runsLongHistory, true));
    log(`timed the report on ${backfilledActions + historyAdded} actions`);
    const memory1x = await timeInChild(on(db1x, options.runs, false));
    const memory10x = await timeInChild(on(db10x, options.runsLongHistory, false));
    log(
      `measured the report's memory alone: ${Math.round(memory1x.peakRssMb)} MB, ${Math.round(memory10x.peakRssMb)} MB`,
    );

    const serviceUnderLoad = await measureServiceUnderLoad({
      databasePath: db1x,
      boardId: board.boardId,
      month: board.month,
      sim,
      simInfo,
      tokenKey: TOKEN_KEY,
      pdfs: options.pdfs,
      baselineMs: options.baselineMs,
      actionTemplate,
    });
    log(`${options.pdfs} PDFs rendered by the service in ${Math.round(serviceUnderLoad.wallMs)} ms`);
    return {
      options,
      board,
      seedMs,
      backfillMs,
      backfilledActions,
      historyAdded,
      addHistoryMs,
      history1x,
      history10x,
      memory1x,
      memory10x,
      sameReport: history1x.modelJson === history10x.modelJson,
      service: serviceUnderLoad,
      machine: { cpus: os.availableParallelism(), loadAverage: os.loadavg(), node: process.version },
    };
  } finally {
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
