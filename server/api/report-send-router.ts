import { Router } from "express";
import type { VerifyMemberJwt } from "../auth/create-jwt-verifier";
import { memberOf, requireMemberJwt } from "../auth/require-member-jwt";
import { RenderBusyError } from "../reports/pool/render-busy-error";
import { sendMonthlyReport, type SendMonthlyReportDeps } from "../reports/send/send-monthly-report";
import { AppError, ErrorCode } from "../http/app-error";

export interface ReportSendRouterDeps extends SendMonthlyReportDeps {
  verifyJwt: VerifyMemberJwt;
}

/**
 * POST …/reports/:snapshotId/send: "Send the monthly report" to every stakeholder of the snapshot's party, answering
 * what became of it per stakeholder. Pressing it again sends nothing new (one idempotency key per stakeholder).
 */
export function createReportSendRouter({ verifyJwt, ...deps }: ReportSendRouterDeps): Router {
  const router = Router();
  router.post("/api/boards/:boardId/reports/:snapshotId/send", requireMemberJwt(verifyJwt), async (req, res) => {
    const results = await sendMonthlyReport(deps, {
      boardId: String(req.params.boardId),
      snapshotId: String(req.params.snapshotId),
      createdBy: memberOf(req).idMember,
    }).catch((err: unknown) => {
      if (err instanceof RenderBusyError)
        throw new AppError(429, ErrorCode.RenderBusy, err.message, { retryAfterSeconds: 1 });
      throw err;
    });
    res.json({ results });
  });
  return router;
}
