import fs from "node:fs";
import path from "node:path";
import { Command, CommanderError, Option } from "commander";
import { AUDIENCES, type Audience } from "../shared/loop/audience";
import { databasePathFrom } from "../server/config/load-config";
import { loadReportModel } from "../server/reports/model/load-report-model";
import { renderReportFormat } from "../server/reports/render/render-report-format";
import { ReportError } from "../server/reports/report-error";
import { SNAPSHOT_FORMATS as REPORT_FORMATS, type SnapshotFormat } from "../server/reports/snapshots/render-snapshot";
import { createStore } from "../server/store/create-store";
import { DatabaseRefusedError, openDatabaseReadOnly } from "../server/store/open-database-read-only";

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (chunk: string | Buffer) => void;
  stderr: (chunk: string) => void;
  /** True when stdout is a terminal, where binary output (PDF, a CSV zip) would only garble the screen. */
  stdoutIsTTY?: boolean;
  /** The clock (ms) the running month is judged by. */
  now?: () => number;
}

interface ReportOptions {
  board: string;
  month: string;
  timezone?: string;
  format: SnapshotFormat;
  audience: Audience;
  party?: string;
  paper: "A4" | "Letter";
  table?: string;
  out?: string;
}

/** A request the CLI refuses before doing anything (exit code 2, like every usage error). */
class UsageError extends Error {}

function buildProgram(io: CliIo): Command {
  return new Command("report")
    .description("Write a board's monthly report to stdout (or --out), from DATABASE_PATH only (no Trello call).")
    .requiredOption("--board <idBoard>", "Trello board id")
    .requiredOption("--month <YYYY-MM>", "calendar month, in the report's time zone")
    .option("--timezone <Area/City>", "IANA time zone (default: the board's setting, else UTC)")
    .addOption(new Option("--format <format>", "output format").choices(REPORT_FORMATS).default("json"))
    .addOption(
      new Option(
        "--audience <audience>",
        "who the report is for (client and partner: one party's records, none of our assessments)",
      )
        .choices(AUDIENCES)
        .default("internal"),
    )
    .option(
      "--party <organisation>",
      "client or partner report: the organisation (default: the board's only one of that kind)",
    )
    .addOption(new Option("--paper <size>", "PDF paper size").choices(["A4", "Letter"]).default("A4"))
    .option("--table <name>", "CSV: one table as text instead of a zip of every table")
    .option("--out <file>", "write to this file instead of stdout")
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: io.stderr });
}

/** Where --out writes, checked before any work: a missing folder is the member's to create, not ours. */
function outPath(io: CliIo, out: string): string {
  // npm runs scripts from the package root; a relative --out means the directory the command was typed in.
  const resolved = path.resolve(io.env.INIT_CWD ?? process.cwd(), out);
  const folder = path.dirname(resolved);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new UsageError(`--out ${out}: the folder ${folder} does not exist; create it first or choose another file`);
  }
  if (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory()) {
    throw new UsageError(`--out ${out}: ${resolved} is a folder; give a file name such as ${path.join(out, "report")}`);
  }
  return resolved;
}

async function generate(io: CliIo, options: ReportOptions): Promise<void> {
  const out = options.out === undefined ? undefined : outPath(io, options.out);
  // Read-only: a report never changes the database, and a file that is not ours is refused as it is.
  const db = openDatabaseReadOnly(databasePathFrom(io.env));
  let file: Awaited<ReturnType<typeof renderReportFormat>>;
  try {
    const model = loadReportModel(createStore(db), {
      boardId: options.board,
      month: options.month,
      timezone: options.timezone,
      audience: options.audience,
      party: options.party,
      now: (io.now ?? Date.now)(),
    });
    file = await renderReportFormat(model, options.format, { paper: options.paper, csvTable: options.table });
  } finally {
    db.close();
  }
  if (out) {
    fs.writeFileSync(out, file.body);
    io.stderr(`report: wrote ${out} (${file.contentType})\n`);
    return;
  }
  if (Buffer.isBuffer(file.body) && io.stdoutIsTTY) {
    throw new UsageError(
      `--format ${options.format} is binary and stdout is a terminal: write it to a file with --out ${file.filename}`,
    );
  }
  io.stdout(file.body);
}

/** Runs `report` with the given arguments (without node and script); resolves to the exit code. */
export async function runReportCli(args: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    program.parse(args, { from: "user" });
    await generate(io, program.opts<ReportOptions>());
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof ReportError || err instanceof UsageError || err instanceof DatabaseRefusedError) {
      io.stderr(`report: ${err.message}\n`);
      return 2;
    }
    io.stderr(`report: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
