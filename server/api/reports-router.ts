import { Router } from "express";
import { z } from "zod";
import { firstIssue } from "../../shared/first-issue";
import { isValidMonth, isValidTimeZone } from "../../shared/month-period";
import type { VerifyMemberJwt } from "../auth/create-jwt-verifier";
import { memberOf, requireMemberJwt } from "../auth/require-member-jwt";
import { AppError, ErrorCode } from "../http/app-error";
import { jsonBody } from "../http/json-body";
import { loadMonthlyReport } from "../reports/load-monthly-report";
import { ReportError } from "../reports/report-error";
import { createReportSnapshot, snapshotMeta } from "../reports/snapshots/create-report-snapshot";
import { renderSnapshot, SNAPSHOT_FORMATS } from "../reports/snapshots/render-snapshot";
import type { ReportProducer } from "../reports/snapshots/report-producer";
import { assertSnapshotQuota } from "../reports/snapshots/assert-snapshot-quota";
import type { Store } from "../store/create-store";
import type { ReportSnapshotMeta } from "../store/report-snapshots-store";

const month = z
  .string({ error: (issue) => (issue.input === undefined ? "is required, as YYYY-MM" : "must be given once, as YYYY-MM") })
  .refine(isValidMonth, "must be YYYY-MM (e.g. 2026-03)");
const timezone = z
  .string({ error: "must be given once, as an IANA time zone" })
  .refine(isValidTimeZone, "must be an IANA time zone (e.g. Europe/Berlin)")
  .optional();

const monthlyQuery = z.object({ month, timezone });

const generateBody = z.object({
  month,
  audience: z.enum(["internal", "client"], { error: 'must be "internal" or "client"' }),
  timezone,
  pmStatus: z.enum(["on-track", "at-risk", "off-track"], { error: 'must be "on-track", "at-risk" or "off-track"' }).optional(),
  pmNote: z.string({ error: "must be text" }).max(2000, "must be at most 2,000 characters").optional(),
});

const formatQuery = z.object({
  format: z.enum(SNAPSHOT_FORMATS, { error: `must be one of ${SNAPSHOT_FORMATS.join(", ")}` }).default("json"),
  paper: z.enum(["A4", "Letter"], { error: 'must be "A4" or "Letter"' }).optional(),
  table: z.string({ error: "must be given once" }).regex(/^[\w-]{1,40}$/, "must be a table name such as milestones").optional(),
});

export interface ReportsRouterDeps {
  verifyJwt: VerifyMemberJwt;
  store: Store;
  /** The report core (tests may pass their own). */
  producer?: ReportProducer;
  /** Members' snapshots one board may store in 24 hours (default SNAPSHOTS_PER_BOARD_PER_DAY). */
  snapshotsPerDay?: number;
}

/** Turns a refusal of the report core into the API's answer: no data for the board is 404, anything else 400. */
function reportRefusal(err: unknown): never {
  if (!(err instanceof ReportError)) throw err;
  if (err.code === "UNKNOWN_BOARD") {
    throw new AppError(404, ErrorCode.NotFound, "No synced data for this board yet: connect it to Stakeholder Loop, or wait for its first sync");
  }
  // The request was checked already, so what is left is the board's own settings (e.g. its time zone).
  throw new AppError(400, ErrorCode.BadRequest, err.message);
}

/** Snapshot metadata with where to fetch each format. */
function withLinks(meta: ReportSnapshotMeta) {
  const base = `/api/boards/${meta.boardId}/reports/${meta.id}`;
  return { ...meta, links: Object.fromEntries(SNAPSHOT_FORMATS.map((format) => [format, `${base}?format=${format}`])) };
}

/**
 * The monthly report API: GET …/reports/monthly (DESIGN.md's JSON, built on request), POST …/reports (generate a
 * frozen snapshot), GET …/reports (the board's snapshots) and GET …/reports/:snapshotId (one snapshot in a format).
 * All from the store only (no Trello call), for a member of the board in the route.
 */
export function createReportsRouter({ verifyJwt, store, producer, snapshotsPerDay }: ReportsRouterDeps): Router {
  const router = Router();
  const auth = requireMemberJwt(verifyJwt);

  router.get("/api/boards/:boardId/reports/monthly", auth, (req, res) => {
    const query = monthlyQuery.safeParse(req.query);
    if (!query.success) throw new AppError(400, ErrorCode.BadRequest, firstIssue(query.error, "query"));
    try {
      res.json(loadMonthlyReport(store, { boardId: String(req.params.boardId), ...query.data }));
    } catch (err) {
      reportRefusal(err);
    }
  });

  router.post("/api/boards/:boardId/reports", auth, ...jsonBody(16 * 1024), async (req, res) => {
    const body = generateBody.safeParse(req.body ?? {});
    if (!body.success) throw new AppError(400, ErrorCode.InvalidPayload, firstIssue(body.error, "body"));
    const boardId = String(req.params.boardId);
    assertSnapshotQuota(store, boardId, Date.now(), snapshotsPerDay);
    const snapshot = await createReportSnapshot(store, { boardId, ...body.data, createdBy: memberOf(req).idMember }, producer).catch(reportRefusal);
    // Only the schedule's own snapshots can be refused as already produced; a member's always makes a new version.
    res.status(201).json(withLinks(snapshotMeta(snapshot!)));
  });

  router.get("/api/boards/:boardId/reports", auth, (req, res) => {
    res.json({ snapshots: store.reportSnapshots.listBoard(String(req.params.boardId)).map(withLinks) });
  });

  router.get("/api/boards/:boardId/reports/:snapshotId", auth, async (req, res) => {
    const query = formatQuery.safeParse(req.query);
    if (!query.success) throw new AppError(400, ErrorCode.BadRequest, firstIssue(query.error, "query"));
    // Looked up within the route's board: another board's snapshot is as absent as one that never existed.
    const snapshot = store.reportSnapshots.get(String(req.params.boardId), String(req.params.snapshotId));
    if (!snapshot) throw new AppError(404, ErrorCode.NotFound, "No report snapshot with this id on this board");
    const { format, paper, table } = query.data;
    const file = await renderSnapshot(snapshot, format, { paper, csvTable: table }, producer).catch(reportRefusal);
    res.attachment(file.filename);
    // attachment() guesses a type from the extension; the renderer's own type (with its charset) is the one to send.
    res.setHeader("content-type", file.contentType);
    res.setHeader("x-content-hash", snapshot.contentHash);
    if (format === "html") {
      // Shown in place, not saved; and since it is the board's own text, even opened directly it runs no script.
      res.setHeader("content-disposition", String(res.getHeader("content-disposition")).replace(/^attachment/, "inline"));
      res.setHeader("content-security-policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    }
    res.send(file.body);
  });

  return router;
}
