import { Router } from "express";
import { z } from "zod";
import { firstIssue } from "../../shared/first-issue";
import { isValidMonth, isValidTimeZone } from "../../shared/month-period";
import type { VerifyMemberJwt } from "../auth/create-jwt-verifier";
import { requireMemberJwt } from "../auth/require-member-jwt";
import { AppError, ErrorCode } from "../http/app-error";
import { loadMonthlyReport } from "../reports/load-monthly-report";
import { ReportError } from "../reports/report-error";
import type { Store } from "../store/create-store";

const monthlyQuery = z.object({
  month: z
    .string({ error: (issue) => (issue.input === undefined ? "is required, as YYYY-MM" : "must be given once, as YYYY-MM") })
    .refine(isValidMonth, "must be YYYY-MM (e.g. 2026-03)"),
  timezone: z
    .string({ error: "must be given once, as an IANA time zone" })
    .refine(isValidTimeZone, "must be an IANA time zone (e.g. Europe/Berlin)")
    .optional(),
});

export interface ReportsRouterDeps {
  verifyJwt: VerifyMemberJwt;
  store: Store;
}

/** GET /api/boards/:boardId/reports/monthly: the month's JSON report from the store (no Trello call). */
export function createReportsRouter({ verifyJwt, store }: ReportsRouterDeps): Router {
  const router = Router();

  router.get("/api/boards/:boardId/reports/monthly", requireMemberJwt(verifyJwt), (req, res) => {
    const query = monthlyQuery.safeParse(req.query);
    if (!query.success) throw new AppError(400, ErrorCode.BadRequest, firstIssue(query.error, "query"));
    try {
      res.json(loadMonthlyReport(store, { boardId: String(req.params.boardId), ...query.data }));
    } catch (err) {
      if (!(err instanceof ReportError)) throw err;
      if (err.code === "UNKNOWN_BOARD") {
        throw new AppError(404, ErrorCode.NotFound, "No synced data for this board yet: connect it to Stakeholder Loop, or wait for its first sync");
      }
      // The query was checked above, so what is left is the board's own time zone setting.
      throw new AppError(400, ErrorCode.BadRequest, err.message);
    }
  });

  return router;
}
