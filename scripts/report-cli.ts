import fs from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { databasePathFrom } from "../server/config/load-config";
import { loadMonthlyReport } from "../server/reports/load-monthly-report";
import { assertFormatAvailable, renderReport, REPORT_FORMATS } from "../server/reports/render-report";
import { ReportError } from "../server/reports/report-error";
import { createStore } from "../server/store/create-store";
import { openDatabase } from "../server/store/open-database";

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
}

interface ReportOptions {
  board: string;
  month: string;
  timezone?: string;
  format: string;
}

function buildProgram(io: CliIo): Command {
  return new Command("report")
    .description("Write a board's monthly report to stdout, from DATABASE_PATH only (no Trello call).")
    .requiredOption("--board <idBoard>", "Trello board id")
    .requiredOption("--month <YYYY-MM>", "calendar month, in the report's time zone")
    .option("--timezone <Area/City>", "IANA time zone (default: the board's setting, else UTC)")
    .addOption(new Option("--format <format>", "output format").choices(REPORT_FORMATS).default("json"))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
}

function generate(io: CliIo, options: ReportOptions): void {
  assertFormatAvailable(options.format);
  const databasePath = databasePathFrom(io.env);
  if (!fs.existsSync(databasePath)) {
    throw new ReportError("UNKNOWN_BOARD", `No database at ${databasePath}: set DATABASE_PATH to the service's database`);
  }
  const db = openDatabase(databasePath);
  try {
    const report = loadMonthlyReport(createStore(db), {
      boardId: options.board,
      month: options.month,
      timezone: options.timezone,
    });
    io.stdout(renderReport(report, options.format));
  } finally {
    db.close();
  }
}

/** Runs `report` with the given arguments (without node and script); returns the exit code. */
export function runReportCli(args: string[], io: CliIo): number {
  const program = buildProgram(io);
  try {
    program.parse(args, { from: "user" });
    generate(io, program.opts<ReportOptions>());
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof ReportError) {
      io.stderr(`report: ${err.message}\n`);
      return 2;
    }
    io.stderr(`report: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
