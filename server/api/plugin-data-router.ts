import { Router } from "express";
import { z } from "zod";
import { firstIssue } from "../../shared/first-issue";
import type { VerifyMemberJwt } from "../auth/create-jwt-verifier";
import { memberOf, requireMemberJwt } from "../auth/require-member-jwt";
import { AppError, ErrorCode } from "../http/app-error";
import { jsonBody } from "../http/json-body";
import { createKeyedCoalescer } from "./keyed-coalescer";
import { refreshPluginData, type RefreshDeps, type RefreshResult } from "./refresh-plugin-data";

const refreshBody = z.object({
  idCard: z
    .string()
    .regex(/^[0-9a-f]{24}$/, "must be a Trello card id (24 hex characters)")
    .optional(),
});

export interface PluginDataRouterDeps {
  verifyJwt: VerifyMemberJwt;
  /** Absent when the service has no encryption key, so no stored token can be opened. */
  refresh: RefreshDeps | undefined;
  /** Runs after a card's or the board's pluginData was read again (e.g. re-sends a moved sprint review); its failure never fails the refresh. */
  afterRefresh?: (change: { boardId: string; idCard?: string; memberId: string }) => void;
}

/** POST /api/boards/:boardId/plugin-data/refresh: the Power-Up says which card (or the board) it just saved. */
export function createPluginDataRouter({ verifyJwt, refresh, afterRefresh }: PluginDataRouterDeps): Router {
  const router = Router();
  // Saves come in bursts (a form writes several keys): one Trello read per model at a time is enough.
  const coalesce = createKeyedCoalescer<RefreshResult>();

  router.post(
    "/api/boards/:boardId/plugin-data/refresh",
    requireMemberJwt(verifyJwt),
    ...jsonBody(4 * 1024),
    async (req, res) => {
      if (!refresh)
        throw new AppError(
          503,
          ErrorCode.NotConfigured,
          "Reading pluginData needs TRELLO_API_KEY, TRELLO_API_SECRET and TOKEN_ENCRYPTION_KEY",
        );
      // fetch() sends a string body as text/plain unless told otherwise: reading it as "no card" would refresh the wrong model.
      const sentBody = Number(req.get("content-length") ?? 0) > 0 || req.get("transfer-encoding") !== undefined;
      if (sentBody && !req.is("application/json"))
        throw new AppError(400, ErrorCode.BadRequest, "Send the body as application/json");
      // A refresh of the board's own pluginData may come with no body at all.
      const body = refreshBody.safeParse(req.body ?? {});
      if (!body.success) throw new AppError(400, ErrorCode.InvalidPayload, firstIssue(body.error, "body"));
      const boardId = String(req.params.boardId);
      const { idCard } = body.data;
      const result = await coalesce(`${boardId}/${idCard ?? boardId}`, () =>
        refreshPluginData(refresh, { boardId, idCard }),
      );
      try {
        afterRefresh?.({ boardId, idCard, memberId: memberOf(req).idMember });
      } catch (err) {
        req.log.warn({ err }, "after-refresh step failed");
      }
      res.json(result);
    },
  );

  return router;
}
