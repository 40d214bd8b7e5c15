import type { RequestHandler, Response } from "express";
import type { Credentials } from "../rest/credentials";
import type { RateLimitDecision, RateLimiter } from "./rate-limiter";

/** Answers a refused request as Trello does: 429, a JSON body naming the limit, and a Retry-After. */
export function sendRateLimited(res: Response, decision: RateLimitDecision): void {
  res.setHeader("retry-after", String(decision.retryAfterSeconds ?? 1));
  res.status(429).json({ error: decision.refused, message: "Rate limit exceeded" });
}

/** Counts each request with a valid key against Trello's limits and sets the x-rate-limit-* headers. */
export function rateLimitMiddleware(limiter: RateLimiter, apiKey: string, now: () => number): RequestHandler {
  return (_req, res, next) => {
    const credentials = res.locals.credentials as Credentials;
    // Requests without the simulator's key are refused as "invalid key" and never reach Trello's counters.
    if (credentials.key !== apiKey) return next();
    const decision = limiter.take(apiKey, credentials.token, now());
    for (const [name, value] of Object.entries(decision.headers)) res.setHeader(name, value);
    if (decision.refused) return sendRateLimited(res, decision);
    next();
  };
}
