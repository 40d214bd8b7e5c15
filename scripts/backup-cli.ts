import fs from "node:fs";
import path from "node:path";
import { Command, CommanderError } from "commander";
import Database from "better-sqlite3";
import { databasePathFrom } from "../server/config/load-config";
import { DatabaseRefusedError, openDatabaseReadOnly } from "../server/store/open-database-read-only";

export interface BackupIo {
  env: NodeJS.ProcessEnv;
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
}

class UsageError extends Error {}

/** Where the copy goes: a new file in an existing folder (a backup never overwrites anything). */
function outPath(env: NodeJS.ProcessEnv, out: string): string {
  const resolved = path.resolve(env.INIT_CWD ?? process.cwd(), out);
  if (!fs.existsSync(path.dirname(resolved)))
    throw new UsageError(`--out ${out}: the folder ${path.dirname(resolved)} does not exist; create it first`);
  if (fs.existsSync(resolved))
    throw new UsageError(`--out ${out}: ${resolved} already exists; a backup never overwrites a file`);
  return resolved;
}

/**
 * `npm run backup -- --out FILE`: a consistent copy of DATABASE_PATH made with SQLite's online backup API, safe while
 * the service runs and takes webhooks. Written beside FILE first and renamed when complete and checked.
 */
export async function runBackupCli(args: string[], io: BackupIo): Promise<number> {
  const program = new Command("backup")
    .description("Copy DATABASE_PATH to a new file, consistently, while the service runs.")
    .requiredOption("--out <file>", "the backup file to create")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  let partial: string | undefined;
  try {
    program.parse(args, { from: "user" });
    const out = outPath(io.env, program.opts<{ out: string }>().out);
    const source = openDatabaseReadOnly(databasePathFrom(io.env));
    partial = `${out}.partial-${process.pid}`;
    try {
      // All remaining pages in one step, under one read snapshot: copied a hundred pages at a time, every write the
      // service commits in between would restart the copy, and under steady webhooks it might never finish.
      await source.backup(partial, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
    const copy = new Database(partial);
    // One self-contained file: the copy carries the source's WAL mode, which would leave -wal and -shm files beside it.
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("integrity_check", { simple: true });
    const actions = copy.prepare("SELECT count(*) FROM actions").pluck().get() as number;
    copy.close();
    if (check !== "ok") throw new Error(`the copy failed SQLite's integrity check: ${String(check)}`);
    fs.renameSync(partial, out);
    partial = undefined;
    io.stdout(`${JSON.stringify({ out, bytes: fs.statSync(out).size, actions })}\n`);
    return 0;
  } catch (err) {
    if (partial) fs.rmSync(partial, { force: true });
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    io.stderr(`backup: ${err instanceof Error ? err.message : String(err)}\n`);
    return err instanceof UsageError || err instanceof DatabaseRefusedError ? 2 : 1;
  }
}
