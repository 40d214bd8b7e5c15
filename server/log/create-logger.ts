import pino, { type Logger } from "pino";
import type { LogLevel } from "../config/load-config";

/** Paths pino blanks out wherever they appear: tokens, secrets and webhook signatures never reach a log. */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-trello-webhook"]',
  "req.query.token",
  "req.query.key",
  "token",
  "secret",
  "apiSecret",
  "signature",
  "*.token",
  "*.secret",
  "*.apiSecret",
  "*.signature",
];

/** Creates the service's root logger; every request and delivery logs through a child of it. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } }, destination);
}

export type { Logger };
