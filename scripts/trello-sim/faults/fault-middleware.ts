import { STATUS_CODES } from "node:http";
import type { RequestHandler } from "express";
import { sendRateLimited } from "../limits/rate-limit-middleware";
import type { RateLimiter } from "../limits/rate-limiter";
import type { Credentials } from "../rest/credentials";
import type { FaultInjector } from "./fault-injector";

/** Applies injected faults to /1/ requests: latency first, then a 5xx, a dropped connection or a forced 429. */
export function faultMiddleware(faults: FaultInjector, limiter: RateLimiter, now: () => number): RequestHandler {
  return (req, res, next) => {
    const outcome = faults.next();
    const act = () => {
      if (outcome.kind === "pass") return next();
      if (outcome.kind === "drop") {
        req.socket.destroy();
        return;
      }
      if (outcome.kind === "error") {
        res
          .status(outcome.status)
          .type("text/plain")
          .send(STATUS_CODES[outcome.status] ?? "Server Error");
        return;
      }
      const { key, token } = res.locals.credentials as Credentials;
      sendRateLimited(res, limiter.refuse(key ?? "", token, now(), "API_TOKEN_LIMIT_EXCEEDED"));
    };
    if (faults.latencyMs > 0) setTimeout(act, faults.latencyMs);
    else act();
  };
}
