import { isPartyAudience } from "../../../shared/loop/audience";
import { defaultBoardSettings } from "../../../shared/loop/board-settings";
import { boardParties } from "../../../shared/loop/parties";
import { readLoopRecord } from "../../../shared/loop/read-loop-record";
import type { Logger } from "../../log/create-logger";
import { boardLoopData } from "../../loop/board-loop-data";
import type { Store } from "../../store/create-store";
import { SCHEDULE_AUTHOR, type ReportSnapshotMeta } from "../../store/report-snapshots-store";
import { createReportSnapshot, snapshotMeta } from "../snapshots/create-report-snapshot";
import type { ReportProducer } from "../snapshots/report-producer";
import { closedMonthsDue } from "./closed-months";
import { boardTimeZone } from "../../../shared/time-zone";

/**
 * Webhooks for the month's last minutes can arrive late and the reconcile runs every 15 minutes: a month is frozen
 * only after this long past its end, so what happened at 23:59 is in it.
 */
export const MONTH_CLOSE_GRACE_MS = 30 * 60_000;

/** How often the schedule looks for months that closed. */
export const REPORT_SCHEDULE_INTERVAL_MS = 5 * 60_000;

export interface ReportScheduler {
  /** Produces every month that closed and is not produced yet, board by board; returns what it stored. */
  runOnce(): Promise<ReportSnapshotMeta[]>;
  /** Runs at once (catching up on months closed while the service was down), then every intervalMs. */
  start(intervalMs?: number): void;
  /** Stops the schedule and waits for a run in progress. */
  stop(): Promise<void>;
}

export interface ReportSchedulerDeps {
  store: Store;
  log: Logger;
  /** The clock (ms since the epoch); tests move it past month ends. */
  now?: () => number;
  graceMs?: number;
  producer?: ReportProducer;
}

/**
 * Produces each connected board's monthly report snapshot when the month closes in the board's time zone, when the
 * board's settings ask for it (reportOnMonthClose, on by default), for the settings' audience (a client or partner
 * audience: one report per party of that kind). Restart-safe: what was
 * produced is read from the store (a unique index holds it to once per month), so a restart neither repeats a month
 * nor skips one.
 */
export function createReportScheduler({
  store,
  log,
  now = Date.now,
  graceMs = MONTH_CLOSE_GRACE_MS,
  producer,
}: ReportSchedulerDeps): ReportScheduler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<ReportSnapshotMeta[]> | undefined;

  async function produceBoard(boardId: string, connectedAt: string, nowMs: number): Promise<ReportSnapshotMeta[]> {
    const loop = boardLoopData(store, boardId);
    const read = readLoopRecord("settings", loop.board.settings);
    const settings = read.status === "ok" ? read.value : defaultBoardSettings();
    if (!settings.reportOnMonthClose) return [];
    const zone = boardTimeZone({ timezone: store.boardSettings.get(boardId)?.timezone ?? settings.timezone });
    const audience = settings.reportAudience;
    // A client or partner report is for one party: the schedule makes one for each party of that kind (one for nobody
    // in particular, the board's figures only, while the board has none).
    const stakeholders = [...loop.cards].flatMap(([cardId, data]) => {
      const card = store.cards.get(cardId)?.fields;
      const one = readLoopRecord("stakeholder", data.stakeholder);
      return one.status === "ok" && !card?.closed && !card?.deleted ? [one.value] : [];
    });
    const named = isPartyAudience(audience) ? boardParties(stakeholders)[audience] : [];
    const parties: (string | undefined)[] = named.length > 0 ? named : [undefined];
    const months = closedMonthsDue({
      zone,
      nowMs: nowMs - graceMs,
      connectedAt,
      lastProduced: store.reportSnapshots.lastScheduledMonth(boardId),
    });
    const produced: ReportSnapshotMeta[] = [];
    for (const month of months) {
      for (const party of parties) {
        const request = { boardId, month, audience, party, timezone: zone, createdBy: SCHEDULE_AUTHOR, now: nowMs };
        const snapshot = await createReportSnapshot(store, request, producer);
        if (!snapshot) continue;
        produced.push(snapshotMeta(snapshot));
        log.info(
          { boardId, month, audience, party, snapshotId: snapshot.id },
          "monthly report produced on month close",
        );
      }
    }
    return produced;
  }

  async function run(): Promise<ReportSnapshotMeta[]> {
    const produced: ReportSnapshotMeta[] = [];
    for (const connection of store.connections.all()) {
      // A board still backfilling would freeze a month with half its history: it is taken on a later run.
      if (connection.status !== "ready") continue;
      try {
        produced.push(...(await produceBoard(connection.boardId, connection.connectedAt, now())));
      } catch (err) {
        log.error(
          { err, boardId: connection.boardId },
          "monthly report on month close failed; retried on the next run",
        );
      }
    }
    return produced;
  }

  function runOnce(): Promise<ReportSnapshotMeta[]> {
    // One run at a time: a slow run and the next tick would otherwise both see a month as not produced.
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    runOnce,
    start(intervalMs = REPORT_SCHEDULE_INTERVAL_MS) {
      void runOnce();
      timer = setInterval(() => void runOnce(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
