import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Logger } from "../log/create-logger";
import { projectRoot } from "../powerup/project-root";
import type { CheckpointWorkerData } from "./checkpoint-worker";
import { AUTOCHECKPOINT_FRAMES, type Db } from "./open-database";

/** How often the background thread copies committed WAL frames into the database file. */
export const CHECKPOINT_INTERVAL_MS = 250;

/**
 * The writer's own checkpoint threshold while the background thread runs, in WAL frames (~40 MB): a backstop
 * only. The background checkpoint backfills the WAL, and the writer's next commit after a complete one starts
 * the WAL over from its beginning; only a long burst that never leaves the background thread a quiet moment
 * lets the WAL reach this, and the writer then checkpoints the few frames left itself, as SQLite does by default.
 */
export const WRITER_AUTOCHECKPOINT_FRAMES = 10_000;

export interface Checkpointer {
  /** Stops the thread after any checkpoint under way and closes its connection. */
  close(): Promise<void>;
}

/**
 * Moves checkpointing off the event loop: a checkpoint copies pages and fsyncs twice, a few to tens of
 * milliseconds during which, run by the writer's commit (SQLite's default), no request is read or answered.
 * Durability is unchanged: a checkpoint never moves anything that was not committed, and it syncs as before.
 * An in-memory database has no WAL: nothing to do.
 */
export function startCheckpointer(db: Db, log: Logger, intervalMs = CHECKPOINT_INTERVAL_MS): Checkpointer {
  if (db.memory) return { close: () => Promise.resolve() };
  const data: CheckpointWorkerData = { file: db.name, intervalMs };
  const worker = new Worker(path.join(projectRoot(), "dist", "server", "store", "checkpoint-worker.js"), {
    workerData: data,
  });
  db.pragma(`wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT_FRAMES}`);
  worker.on("message", (message: unknown) => {
    if (message && typeof message === "object" && "error" in message)
      log.warn({ err: message.error }, "background checkpoint failed; the writer checkpoints at its threshold");
  });
  worker.on("error", (err) =>
    log.error({ err }, "the background checkpointer stopped; the writer checkpoints at its threshold"),
  );
  worker.on("exit", () => db.open && db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_FRAMES}`));
  // A process that is ending anyway is not kept alive for it.
  worker.unref();
  return {
    async close() {
      if (worker.threadId === -1) return;
      const closed = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      worker.postMessage("close");
      await closed;
    },
  };
}
