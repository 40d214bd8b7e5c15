import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./migrate";
import { MIGRATIONS } from "./migrations";

export type Db = Database.Database;

/**
 * The store's SQLite settings, each with what it costs and what it keeps. A webhook is answered 200 only after
 * the commit that holds it (group commit, server/sync/create-group-committer.ts), so what a crash can lose is
 * what these settings say a commit means:
 *
 * - SIGKILL or any crash of the process: nothing committed is lost. A commit has written its WAL frames to the
 *   OS before it returns; the next open replays the WAL. A transaction cut short is rolled back whole.
 * - OS crash or power loss: nothing committed is lost either, with `synchronous = FULL` (below) on a disk that
 *   honours flushes. A disk or VM that acknowledges flushes it has not made durable can lose the last commits;
 *   the 15-minute reconcile then reads them back from Trello (missed deliveries are repaired the same way).
 * - The database file never ends up corrupt in any of the three cases (WAL + checksummed frames).
 */
export const SQLITE_PRAGMAS = [
  // Readers (reports, the API) never block the webhook writer and it never blocks them; a commit appends to the
  // WAL instead of rewriting pages in place, so it costs one sequential write.
  "journal_mode = WAL",
  // FULL: the WAL is fsynced at every commit, so a 200 survives an OS crash or power loss, not just SIGKILL.
  // NORMAL would sync only at checkpoints, losing up to a checkpoint's worth of acknowledged deliveries on power
  // loss. One fsync measured ~0.5 ms here; group commit pays it once per batch of deliveries, not once each.
  "synchronous = FULL",
  // Checkpoint (copy the WAL back into the database) once it holds ~4 MB: SQLite's default, kept on purpose.
  // The checkpoint runs in the commit that crosses the mark (a few ms, one delivery batch in ~1,500), and
  // PASSIVE never waits for readers, so a report being read never stalls ingest.
  "wal_autocheckpoint = 1000",
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
