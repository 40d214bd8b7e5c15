import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** The request's id for its log lines: the caller's X-Request-Id when it is a sane token, else a new UUID; echoed back. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers["x-request-id"];
  const id = typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  res.setHeader("x-request-id", id);
  return id;
}
