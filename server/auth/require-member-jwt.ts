import type { Request, RequestHandler } from "express";
import { AppError, ErrorCode } from "../http/app-error";
import type { MemberClaims, VerifyMemberJwt } from "./create-jwt-verifier";

/** The member a request was authenticated as (set by requireMemberJwt). */
export function memberOf(req: Request): MemberClaims {
  return req.res!.locals.member as MemberClaims;
}

/**
 * Requires `Authorization: Bearer <t.jwt token>` for the board in `req.params.boardId`. Verified once per request: the
 * app checks it before the rate limits, and the routers' own check then finds the member already known.
 */
export function requireMemberJwt(verify: VerifyMemberJwt): RequestHandler {
  return async (req, res, next) => {
    const known = res.locals.member as MemberClaims | undefined;
    if (known && known.idBoard === String(req.params.boardId)) return next();
    const header = req.get("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      return next(
        new AppError(401, ErrorCode.JwtMissing, "Send the Trello member token as Authorization: Bearer <t.jwt()>"),
      );
    try {
      res.locals.member = await verify(match[1]!, String(req.params.boardId));
      next();
    } catch (err) {
      next(err);
    }
  };
}
