import fs from "node:fs";
import path from "node:path";
import pino from "pino";
import type { LogLevel } from "../../server/config/load-config";
import { createLogger, type Logger } from "../../server/log/create-logger";

/** Where the demo writes its logs when the terminal is kept for the banner. */
export const DEMO_LOG_PATH = "./data/demo.log";

/**
 * The demo's logger: to a file (started afresh each run) so the terminal shows the banner alone, unless
 * LOG_LEVEL is set, which asks for the logs on the terminal at that level.
 */
export function demoLogger(level: LogLevel, env: NodeJS.ProcessEnv): { log: Logger; logFile?: string } {
  if (env.LOG_LEVEL?.trim()) return { log: createLogger(level) };
  const logFile = path.resolve(DEMO_LOG_PATH);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  return { log: createLogger(level, pino.destination({ dest: logFile, sync: true, append: false })), logFile };
}
