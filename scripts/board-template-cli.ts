import { Command, CommanderError } from "commander";
import { createTokenCipher } from "../server/auth/token-cipher";
import { ConfigError, loadConfig } from "../server/config/load-config";
import { createStore, type Store } from "../server/store/create-store";
import { openDatabase } from "../server/store/open-database";
import { createTrelloClient } from "../server/trello/create-trello-client";
import { applyBoardTemplate } from "./board-template/apply-board-template";
import { isKnownTimeZone } from "../shared/time-zone";

export interface BoardTemplateIo {
  env: NodeJS.ProcessEnv;
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
}

class UsageError extends Error {}

/** The board's connection token when the database has it, else TRELLO_TOKEN (a member token with write access). */
function tokenFor(boardId: string, env: NodeJS.ProcessEnv, store: Store, key: Buffer | undefined): string {
  const connection = store.connections.get(boardId);
  if (connection && key) return createTokenCipher(key).decrypt(connection.tokenSealed);
  const fromEnv = env.TRELLO_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  throw new UsageError(
    `Board ${boardId} is not connected in this database: set TRELLO_TOKEN to a member token that can write to it`,
  );
}

/** `npm run board:template -- --board <id> [--timezone Area/City]`: sets a board up for the workflow. Returns the exit code. */
export async function runBoardTemplateCli(args: string[], io: BoardTemplateIo): Promise<number> {
  const program = new Command("board:template")
    .description(
      "Create the workflow's lists and labels a board lacks, and save its done lists and time zone for the reports.",
    )
    .requiredOption("--board <idBoard>", "Trello board id")
    .option("--timezone <zone>", "the board's IANA time zone (kept as it is when left out)")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  let db: ReturnType<typeof openDatabase> | undefined;
  try {
    program.parse(args, { from: "user" });
    const { board, timezone } = program.opts<{ board: string; timezone?: string }>();
    if (timezone !== undefined && !isKnownTimeZone(timezone))
      throw new UsageError(`--timezone ${timezone} is not a time zone (use one such as Europe/Berlin)`);
    const config = loadConfig(io.env);
    if (!config.trello)
      throw new UsageError(
        "Set TRELLO_API_KEY and TRELLO_API_SECRET (and TRELLO_API_BASE for the simulator) to set a board up",
      );
    db = openDatabase(config.databasePath);
    const store = createStore(db);
    const token = tokenFor(board, io.env, store, config.tokenEncryptionKey);
    const client = createTrelloClient({
      apiBase: config.trelloApiBase,
      apiKey: config.trello.apiKey,
      pluginId: config.powerUpId,
    });
    io.stdout(`${JSON.stringify(await applyBoardTemplate(client, token, store, board, timezone))}\n`);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    io.stderr(`board:template: ${err instanceof Error ? err.message : String(err)}\n`);
    return err instanceof UsageError || err instanceof ConfigError ? 2 : 1;
  } finally {
    db?.close();
  }
}
