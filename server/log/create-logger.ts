import pino, { type Logger } from "pino";
import type { LogLevel } from "../config/load-config";
import { redactUrl } from "./redact-url";

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

/** Request serializer for pino-http: pino's own, with token-like query parameters blanked in the URL. */
export const serializeRequest = pino.stdSerializers.wrapRequestSerializer((req) =>
  Object.assign(req, { url: redactUrl(req.url) }),
);

export type { Logger };
