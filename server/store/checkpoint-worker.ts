import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

/** What the main thread hands the worker. */
export interface CheckpointWorkerData {
  file: string;
  intervalMs: number;
}

/**
 * The background checkpointer's thread (see start-checkpointer.ts): its own connection copies committed WAL
 * frames into the database file every `intervalMs`, with SQLite's fsyncs, so neither the copying nor the
 * fsyncs run on the service's event loop. PASSIVE never takes the write lock: the service keeps committing
 * meanwhile. Answers "closed" to "close" once its connection is closed.
 */
function main(): void {
  const { file, intervalMs } = workerData as CheckpointWorkerData;
  const db = new Database(file);
  // NORMAL: the checkpoint fsyncs the WAL before copying and the database after, so a frame is never dropped
  // from the WAL before its page is durable in the database file.
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
  const timer = setInterval(() => {
    try {
      checkpoint.run();
    } catch (err) {
      parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
    }
  }, intervalMs);
  parentPort!.on("message", (message: unknown) => {
    if (message !== "close") return;
    clearInterval(timer);
    db.close();
    parentPort!.postMessage("closed");
    parentPort!.close();
  });
}

main();
