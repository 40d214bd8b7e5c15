import { Command, CommanderError, InvalidArgumentError } from "commander";
import { createTrelloSimulator, type TrelloSimulator } from "./create-trello-simulator";

export interface SimCliIo {
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
  /** Called with a function that stops the simulator, for the entry point to wire to SIGINT/SIGTERM. */
  onStop: (stop: () => Promise<void>) => void;
}

interface SimCliOptions {
  port: number;
  host: string;
  key?: string;
  secret?: string;
  token?: string;
  rateLimits: boolean;
  webhookTimeout?: number;
  webhookRetryDelays?: number[];
}

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError("expected a whole number >= 0");
  return parsed;
}

function integers(value: string): number[] {
  return value.split(",").map((part) => integer(part.trim()));
}

function hex(length: number) {
  return (value: string): string => {
    if (!new RegExp(`^[0-9a-f]{${length}}$`).test(value))
      throw new InvalidArgumentError(`expected ${length} lower-case hex characters`);
    return value;
  };
}

function buildProgram(io: SimCliIo): Command {
  return new Command("trello-sim")
    .description("A faithful local Trello. The first line on stdout is JSON: {baseUrl, key, secret, token, memberId}.")
    .option("--port <n>", "port to listen on (0 picks a free one)", integer, 0)
    .option("--host <host>", "interface to bind (the /_sim/ admin API has no authentication)", "127.0.0.1")
    .option("--key <hex32>", "API key to accept (random if not given)", hex(32))
    .option("--secret <hex64>", "secret to sign webhooks with (random if not given)", hex(64))
    .option("--token <hex64>", "the default member's token (random if not given)", hex(64))
    .option("--no-rate-limits", "do not enforce Trello's rate limits")
    .option("--webhook-timeout <ms>", "webhook delivery timeout (Trello: 30000)", integer)
    .option("--webhook-retry-delays <ms,ms,ms>", "delays before each retry (Trello retries 3 times)", integers)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
}

/** Runs `trello-sim` with the given arguments (without node and script); resolves with the exit code, or null while serving. */
export async function runTrelloSimCli(args: string[], io: SimCliIo): Promise<number | null> {
  const program = buildProgram(io);
  let options: SimCliOptions;
  try {
    program.parse(args, { from: "user" });
    options = program.opts<SimCliOptions>();
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  const sim: TrelloSimulator = createTrelloSimulator({
    apiKey: options.key,
    apiSecret: options.secret,
    token: options.token,
    rateLimits: options.rateLimits ? undefined : false,
    webhooks: {
      ...(options.webhookTimeout === undefined ? {} : { timeoutMs: options.webhookTimeout }),
      ...(options.webhookRetryDelays === undefined ? {} : { retryDelaysMs: options.webhookRetryDelays }),
    },
  });
  try {
    const info = await sim.listen(options.port, options.host);
    io.stdout(`${JSON.stringify(info)}\n`);
    io.stderr(`trello-sim: Trello REST at ${info.baseUrl}/1/, admin at ${info.baseUrl}/_sim/\n`);
  } catch (err) {
    io.stderr(`trello-sim: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  io.onStop(() => sim.close());
  return null;
}
