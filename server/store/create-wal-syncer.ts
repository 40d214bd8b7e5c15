import fs from "node:fs";
import type { Db } from "./open-database";

/** Makes everything committed so far durable; resolves after an fsync of the WAL that began after the call. */
export type SyncWal = () => Promise<void>;

/**
 * Flushes the WAL file to stable storage on libuv's thread pool, off the event loop. With `synchronous = NORMAL`
 * a commit has handed its WAL frames to the OS but not flushed them; one fsync of the WAL file afterwards makes
 * them as durable as `synchronous = FULL` would, and callers arriving while one fsync runs share the next.
 * An in-memory database has no WAL: there is nothing to flush.
 */
export function createWalSyncer(db: Db): SyncWal {
  if (db.memory) return () => Promise.resolve();
  const walPath = `${db.name}-wal`;
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;

  // fdatasync, as SQLite syncs its WAL on Linux: the frames and the file's size, not its timestamps. It flushes the
  // file whichever descriptor wrote it. Opened per flush (on the thread pool too), so no
  // descriptor outlives the database; a WAL already gone was checkpointed and synced by SQLite itself.
  const fsyncOnce = async () => {
    const handle = await fs.promises.open(walPath, "r").catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") return undefined;
      throw err;
    });
    if (!handle) return;
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  };

  return () => {
    if (!running) {
      running = fsyncOnce().finally(() => (running = undefined));
      return running;
    }
    // An fsync already under way may have started before this caller's commit: wait for the one after it.
    next ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        next = undefined;
        running = fsyncOnce().finally(() => (running = undefined));
        return running;
      });
    return next;
  };
}
