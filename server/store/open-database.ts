import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./migrate";
import { MIGRATIONS } from "./migrations";

export type Db = Database.Database;

/**
 * The store's SQLite settings, each with what it costs and what it keeps. A webhook is answered 200 only after
 * the commit that holds it and an fsync of the WAL after that commit (group commit,
 * server/sync/create-group-committer.ts), so for deliveries:
 *
 * - SIGKILL or any crash of the process: nothing answered 200 is lost. A commit has written its WAL frames to
 *   the OS before it returns; the next open replays the WAL. A transaction cut short is rolled back whole.
 *   (Proved by test/server/webhooks/crash-safety.test.ts.)
 * - OS crash or power loss: nothing answered 200 is lost either, on a disk that honours flushes: the WAL was
 *   fsynced before the 200. What was committed but not yet answered can be lost; Trello sends it again. Other
 *   writes (settings, connections, sync progress) become durable at the next delivery's fsync, the next
 *   checkpoint or the OS's own writeback (~30 s on Linux), whichever comes first: an OS crash can lose that
 *   much of them; a board sync then resumes from its last durable page.
 * - A disk or VM that acknowledges flushes it has not made durable can lose the last commits of any kind: the
 *   15-minute reconcile reads missed actions back from Trello.
 * - The database file is never left corrupt in any of these cases (WAL frames are checksummed).
 */
/** SQLite's default checkpoint threshold in WAL frames (~4 MB), kept for a writer that checkpoints its own WAL. */
export const AUTOCHECKPOINT_FRAMES = 1000;

export const SQLITE_PRAGMAS = [
  // Readers (reports, the API) never block the webhook writer and it never blocks them; a commit appends to the
  // WAL instead of rewriting pages in place, so it costs one sequential write.
  "journal_mode = WAL",
  // NORMAL: a commit writes the WAL but does not fsync it; the webhook path fsyncs it itself, on the thread pool,
  // before answering (server/store/create-wal-syncer.ts). FULL would fsync inside every commit, on the event
  // loop: 0.5 ms on a quiet disk here and 5 ms on a busy one, during which no request is read or answered.
  // Same durability for every 200, without stalling the process on the disk.
  "synchronous = NORMAL",
  // Checkpoint (copy the WAL back into the database) once it holds ~4 MB: SQLite's default, for the CLIs and
  // tests. The running service moves checkpoints to a thread of their own (start-checkpointer.ts) and raises
  // this to a backstop: run here, a checkpoint's copying and two fsyncs would stall the event loop.
  `wal_autocheckpoint = ${AUTOCHECKPOINT_FRAMES}`,
  // After a burst, the WAL file is cut back to 64 MB at the next checkpoint instead of staying at its peak size.
  "journal_size_limit = 67108864",
  // 32 MB of page cache (default 2 MB): the hot pages of actions' and cards' indexes stay in memory under load.
  // Bounded well under the 200 MB RSS budget that holds while a report is built.
  "cache_size = -32768",
  // No memory-mapped I/O: mapped pages count toward RSS (the budget above) and an I/O error under mmap is a
  // SIGBUS that kills the process instead of an error SQLite can report. The OS page cache serves the reads.
  "mmap_size = 0",
  "foreign_keys = ON",
  // Another process (the reconcile or report CLI) holding the write lock: wait for it rather than fail.
  "busy_timeout = 5000",
] as const;

/** Opens (creating if needed) the SQLite store with SQLITE_PRAGMAS and brings its schema up to date. */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  for (const pragma of SQLITE_PRAGMAS) db.pragma(pragma);
  migrate(db, MIGRATIONS);
  return db;
}
