import { Command, CommanderError } from "commander";
import { createTokenCipher } from "../server/auth/token-cipher";
import { ConfigError, loadConfig } from "../server/config/load-config";
import { createStore } from "../server/store/create-store";
import { openDatabase, type Db } from "../server/store/open-database";
import { DatabaseRefusedError, openDatabaseReadOnly } from "../server/store/open-database-read-only";
import { NetworkError } from "../server/trello/fetch-json";
import { createTrelloClient } from "../server/trello/create-trello-client";
import { TrelloApiError } from "../server/trello/trello-api-error";
import { deleteWebhooks, type DeleteTarget } from "./webhooks/delete-webhooks";
import { formatWebhooksReport } from "./webhooks/format-webhooks-report";
import { inspectWebhooks, type WebhooksDeps } from "./webhooks/inspect-webhooks";
import { repairWebhooks } from "./webhooks/repair-webhooks";

export interface WebhooksIo {
  env: NodeJS.ProcessEnv;
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
}

/** Exit codes: 0 done (and, for list, nothing wrong); 1 Trello failed or a repair did not take; 2 usage; 3 list found something wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2, problems: 3 } as const;

/** A refusal before anything was asked of Trello, with the stable code printed beside it. */
class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const NO_COMMAND = "name a command: list, repair or delete (--help shows them)";

type Run =
  | { command: "list" | "repair"; board?: string; json: boolean }
  | { command: "delete"; target: DeleteTarget; json: boolean };

function parseArgs(args: string[], io: WebhooksIo): Run | undefined {
  let run: Run | undefined;
  const program = new Command("webhooks")
    .description("Show and fix the Power-Up's Trello webhooks for the boards connected in DATABASE_PATH.")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: () => undefined, outputError: () => undefined });
  program
    .command("list")
    .description(
      "each connected board's webhook as Trello has it beside what the service stored, what is wrong, and the orphans",
    )
    .option("--board <idBoard>", "only this board")
    .option("--json", "print JSON instead of text")
    .action(
      (opts: { board?: string; json?: boolean }) =>
        void (run = { command: "list", board: opts.board, json: Boolean(opts.json) }),
    );
  program
    .command("repair")
    .description("recreate, re-point or switch back on what is wrong (running it again changes nothing)")
    .option("--board <idBoard>", "only this board")
    .option("--json", "print JSON instead of text")
    .action(
      (opts: { board?: string; json?: boolean }) =>
        void (run = { command: "repair", board: opts.board, json: Boolean(opts.json) }),
    );
  program
    .command("delete")
    .description("delete a board's webhook, or every orphan, on Trello (the stored data is not touched)")
    .option("--board <idBoard>", "every webhook watching this board")
    .option("--orphans", "every webhook no connected board relies on")
    .option("--json", "print JSON instead of text")
    .action((opts: { board?: string; orphans?: boolean; json?: boolean }) => {
      if (Boolean(opts.board) === Boolean(opts.orphans))
        throw new CliError("USAGE", "delete needs exactly one of --board <idBoard> or --orphans");
      run = {
        command: "delete",
        target: opts.board ? { board: opts.board } : { orphans: true },
        json: Boolean(opts.json),
      };
    });
  try {
    program.parse(args, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return undefined;
      // With no command, commander shows the help as an error: say what is missing instead.
      if (err.code === "commander.help") throw new CliError("USAGE", NO_COMMAND);
      throw new CliError("USAGE", err.message.replace(/^error: /, ""));
    }
    throw err;
  }
  if (!run) throw new CliError("USAGE", NO_COMMAND);
  return run;
}

/** Opens the service's database, refusing a missing or foreign file; read-write only for the command that writes. */
function openStoreDb(file: string, writable: boolean): Db {
  const readOnly = openDatabaseReadOnly(file);
  if (!writable) return readOnly;
  readOnly.close();
  return openDatabase(file);
}

function errorCodeOf(err: unknown): { code: string; exit: number } {
  if (err instanceof CliError) return { code: err.code, exit: EXIT.usage };
  if (err instanceof ConfigError) return { code: "CONFIG_INVALID", exit: EXIT.usage };
  if (err instanceof DatabaseRefusedError) return { code: "DATABASE_REFUSED", exit: EXIT.usage };
  if (err instanceof NetworkError || (err instanceof TrelloApiError && (err.status >= 500 || err.status === 429)))
    return { code: "TRELLO_UNAVAILABLE", exit: EXIT.failed };
  if (err instanceof TrelloApiError) return { code: "TRELLO_REFUSED", exit: EXIT.failed };
  return { code: "INTERNAL", exit: EXIT.failed };
}

async function execute(run: Run, deps: WebhooksDeps, io: WebhooksIo): Promise<number> {
  const print = (json: unknown, text: string) => io.stdout(run.json ? `${JSON.stringify(json)}\n` : text);
  if (run.command === "delete") return executeDelete(deps, run.target, print);
  if (run.command === "list") {
    const { report } = await inspectWebhooks(deps, run.board);
    print(report, formatWebhooksReport(report));
    return report.boards.some((board) => board.problems.length > 0) || report.orphans.length > 0
      ? EXIT.problems
      : EXIT.ok;
  }
  const outcome = await repairWebhooks(deps, run.board);
  const done = outcome.changes.map(
    (change) => `${change.change} webhook ${change.webhookId} for board ${change.boardId}`,
  );
  const failed = outcome.failures.map((failure) => `could not repair board ${failure.boardId}: ${failure.message}`);
  const summary = [...done, ...failed].join("\n") || "Nothing to repair.";
  print(outcome, `${summary}\n\n${formatWebhooksReport(outcome.report)}`);
  return outcome.failures.length > 0 ? EXIT.failed : EXIT.ok;
}

async function executeDelete(
  deps: WebhooksDeps,
  target: DeleteTarget,
  print: (json: unknown, text: string) => void,
): Promise<number> {
  const outcome = await deleteWebhooks(deps, target);
  const lines = outcome.deleted.map(
    (webhook) => `deleted webhook ${webhook.id} (model ${webhook.idModel}, calling ${webhook.callbackURL})`,
  );
  for (const board of outcome.boardsLeftWithout) {
    lines.push(
      `board ${board} stays connected without a webhook: \`npm run webhooks -- repair --board ${board}\` gives it one again`,
    );
  }
  for (const failure of outcome.failures) lines.push(`could not delete webhook ${failure.id}: ${failure.message}`);
  print(outcome, `${lines.join("\n") || "No webhook to delete."}\n`);
  return outcome.failures.length > 0 ? EXIT.failed : EXIT.ok;
}

/** `npm run webhooks -- list|repair|delete`: the Power-Up's webhooks on Trello against DATABASE_PATH. Returns the exit code. */
export async function runWebhooksCli(args: string[], io: WebhooksIo): Promise<number> {
  let db: Db | undefined;
  try {
    const run = parseArgs(args, io);
    if (!run) return EXIT.ok;
    const config = loadConfig(io.env);
    if (!config.trello || !config.tokenEncryptionKey) {
      throw new CliError(
        "NOT_CONFIGURED",
        "Set TRELLO_API_KEY, TRELLO_API_SECRET and TOKEN_ENCRYPTION_KEY as the service has them (the demo has no Trello webhooks)",
      );
    }
    db = openStoreDb(config.databasePath, run.command === "repair");
    const deps: WebhooksDeps = {
      client: createTrelloClient({
        apiBase: config.trelloApiBase,
        apiKey: config.trello.apiKey,
        pluginId: config.powerUpId,
      }),
      store: createStore(db),
      cipher: createTokenCipher(config.tokenEncryptionKey),
      callbackUrl: config.webhookCallbackUrl,
    };
    return await execute(run, deps, io);
  } catch (err) {
    const { code, exit } = errorCodeOf(err);
    io.stderr(`${JSON.stringify({ error: { code, message: err instanceof Error ? err.message : String(err) } })}\n`);
    return exit;
  } finally {
    db?.close();
  }
}
