import { Router } from "express";
import { z } from "zod";
import { firstIssue } from "../../shared/first-issue";
import type { VerifyMemberJwt } from "../auth/create-jwt-verifier";
import { memberOf, requireMemberJwt } from "../auth/require-member-jwt";
import { AppError, ErrorCode } from "../http/app-error";
import { jsonBody } from "../http/json-body";
import { createShareLink, MAX_SHARE_DAYS } from "../share/create-share-link";
import type { Store } from "../store/create-store";

const createBody = z.object({
  label: z.string({ error: "must be text" }).trim().max(120, "must be at most 120 characters").optional(),
  expiresInDays: z
    .number({ error: `must be a whole number of days, 1 to ${MAX_SHARE_DAYS}` })
    .int(`must be a whole number of days, 1 to ${MAX_SHARE_DAYS}`)
    .min(1, `must be a whole number of days, 1 to ${MAX_SHARE_DAYS}`)
    .max(MAX_SHARE_DAYS, `must be a whole number of days, 1 to ${MAX_SHARE_DAYS}`)
    .optional(),
});

export interface ShareLinksRouterDeps {
  verifyJwt: VerifyMemberJwt;
  store: Store;
  publicUrl: string;
  /** The time links are made, revoked and expire against (tests pass their own). */
  now?: () => Date;
}

/**
 * Share links of one report snapshot, for members of its board: POST …/reports/:snapshotId/share-links makes one (its
 * URL is in this answer only), GET lists them with when they were opened, DELETE …/:linkId revokes one.
 */
export function createShareLinksRouter({
  verifyJwt,
  store,
  publicUrl,
  now = () => new Date(),
}: ShareLinksRouterDeps): Router {
  const router = Router();
  const auth = requireMemberJwt(verifyJwt);
  const base = "/api/boards/:boardId/reports/:snapshotId/share-links";

  const snapshotOf = (boardId: string, snapshotId: string) => {
    // Within the route's board: another board's snapshot is as absent as one that never existed.
    if (!store.reportSnapshots.get(boardId, snapshotId))
      throw new AppError(404, ErrorCode.NotFound, "No report snapshot with this id on this board");
  };

  router.post(base, auth, ...jsonBody(4 * 1024), (req, res) => {
    const body = createBody.safeParse(req.body ?? {});
    if (!body.success) throw new AppError(400, ErrorCode.InvalidPayload, firstIssue(body.error, "body"));
    const link = createShareLink(store, publicUrl, {
      boardId: String(req.params.boardId),
      snapshotId: String(req.params.snapshotId),
      createdBy: memberOf(req).idMember,
      ...body.data,
      now: now(),
    });
    res.status(201).json(link);
  });

  router.get(base, auth, (req, res) => {
    const boardId = String(req.params.boardId);
    const snapshotId = String(req.params.snapshotId);
    snapshotOf(boardId, snapshotId);
    res.json({ links: store.shareLinks.listSnapshot(boardId, snapshotId) });
  });

  router.delete(`${base}/:linkId`, auth, (req, res) => {
    const boardId = String(req.params.boardId);
    const link = store.shareLinks.get(boardId, String(req.params.linkId));
    if (!link || link.snapshotId !== String(req.params.snapshotId))
      throw new AppError(404, ErrorCode.NotFound, "No share link with this id on this report");
    res.json(store.shareLinks.revoke(boardId, link.id, memberOf(req).idMember, now().toISOString()));
  });

  return router;
}
