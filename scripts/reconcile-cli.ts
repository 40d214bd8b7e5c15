import fs from "node:fs";
import { Command, CommanderError } from "commander";
import { createTokenCipher } from "../server/auth/token-cipher";
import { TokenUnreadableError } from "../server/auth/token-unreadable-error";
import { ConfigError, loadConfig } from "../server/config/load-config";
import { createLogger } from "../server/log/create-logger";
import { createStore } from "../server/store/create-store";
import { openDatabase } from "../server/store/open-database";
import { syncBoard } from "../server/sync/sync-board";
import { createTrelloClient } from "../server/trello/create-trello-client";
import { createProgressReporter } from "./progress/create-progress-reporter";

export interface ReconcileIo {
  env: NodeJS.ProcessEnv;
  stdout: (chunk: string) => void;
  stderr: NodeJS.WriteStream;
}

class ReconcileError extends Error {}

function tokenFor(
  boardId: string,
  env: NodeJS.ProcessEnv,
  store: ReturnType<typeof createStore>,
  key: Buffer | undefined,
): string {
  const connection = store.connections.get(boardId);
  if (connection && key) return createTokenCipher(key).decrypt(connection.tokenSealed);
  // Rebuilding a lost database: the connection (and its token) went with it.
  const fromEnv = env.TRELLO_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  throw new ReconcileError(
    `Board ${boardId} is not connected in this database: connect it from the Power-Up, or set TRELLO_TOKEN to a member token that can read it`,
  );
}

/** `npm run reconcile -- --board <id>`: brings a board's store up to date from Trello's REST API. Returns the exit code. */
export async function runReconcileCli(args: string[], io: ReconcileIo): Promise<number> {
  const program = new Command("reconcile")
    .description("Fetch what changed on a board since the last sync (or its whole history) into DATABASE_PATH.")
    .requiredOption("--board <idBoard>", "Trello board id")
    .option("--create", "create DATABASE_PATH if it does not exist (rebuilding a lost database; needs TRELLO_TOKEN)")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: (chunk) => io.stderr.write(chunk) });
  let db: ReturnType<typeof openDatabase> | undefined;
  try {
    program.parse(args, { from: "user" });
    const { board, create } = program.opts<{ board: string; create?: boolean }>();
    const config = loadConfig(io.env);
    if (!config.trello)
      throw new ReconcileError(
        "Set TRELLO_API_KEY and TRELLO_API_SECRET (and TRELLO_API_BASE for the simulator) to reconcile",
      );
    // A mistyped DATABASE_PATH must not leave a new, empty database behind: creating one is asked for by name.
    if (!fs.existsSync(config.databasePath)) {
      if (!create) {
        throw new ReconcileError(
          `No database at ${config.databasePath}: set DATABASE_PATH to the service's database, or pass --create (with TRELLO_TOKEN) to rebuild one from Trello`,
        );
      }
      if (!io.env.TRELLO_TOKEN?.trim()) {
        throw new ReconcileError(
          `--create builds a new database at ${config.databasePath}, which holds no connection: set TRELLO_TOKEN to a member token that can read board ${board}`,
        );
      }
    }
    db = openDatabase(config.databasePath);
    const store = createStore(db);
    const token = tokenFor(board, io.env, store, config.tokenEncryptionKey);
    const log = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
    const client = createTrelloClient({
      apiBase: config.trelloApiBase,
      apiKey: config.trello.apiKey,
      pluginId: config.powerUpId,
    });
    const progress = createProgressReporter(io.stderr, `board ${board}`);
    const result = await syncBoard(
      { client, store, log },
      { boardId: board, token, rebuildCheckpoints: true, onProgress: (p) => progress.update(p) },
    ).finally(() => progress.stop());
    io.stdout(`${JSON.stringify({ board, ...result })}\n`);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const usage = err instanceof ReconcileError || err instanceof ConfigError || err instanceof TokenUnreadableError;
    io.stderr.write(`reconcile: ${err instanceof Error ? err.message : String(err)}\n`);
    return usage ? 2 : 1;
  } finally {
    db?.close();
  }
}
