import type { Request, RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import { memberOf } from "../auth/require-member-jwt";
import { AppError, ErrorCode } from "./app-error";

export interface ApiRateLimits {
  /** The rolling window the counts are kept over. */
  windowMs: number;
  /** Requests one member may make in a window, across boards. */
  perMember: number;
  /** Requests all members of one board may make in a window. */
  perBoard: number;
}

/** Enough for a member clicking through every page and a team saving records together; far below what stalls the service. */
export const DEFAULT_API_RATE_LIMITS: ApiRateLimits = { windowMs: 60_000, perMember: 120, perBoard: 600 };

/** One limiter: counts per key in memory (one process serves the API) and refuses in the stable error shape. */
function limiter(windowMs: number, limit: number, key: (req: Request) => string, who: string): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    keyGenerator: key,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    // Keys are member and board ids from a verified JWT, never an IP: the proxy header checks do not apply.
    validate: { xForwardedForHeader: false },
    handler: (_req, res, next) => {
      const wait = Number(res.getHeader("retry-after")) || Math.ceil(windowMs / 1000);
      next(
        new AppError(
          429,
          ErrorCode.RateLimited,
          `Too many requests ${who}: at most ${limit} in ${windowMs / 1000} s; try again in ${wait} s`,
          { retryAfterSeconds: wait },
        ),
      );
    },
  });
}

/**
 * The API's rate limits, per member and per board (express-rate-limit). They run after the member's JWT is verified,
 * so forged tokens cannot spend a real member's or board's allowance.
 */
export function apiRateLimits(limits: ApiRateLimits = DEFAULT_API_RATE_LIMITS): RequestHandler[] {
  return [
    limiter(limits.windowMs, limits.perMember, (req) => `member:${memberOf(req).idMember}`, "from this member"),
    limiter(limits.windowMs, limits.perBoard, (req) => `board:${String(req.params.boardId)}`, "on this board"),
  ];
}
