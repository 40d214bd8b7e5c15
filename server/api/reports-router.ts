import { Router, type Response } from "express";
import { z } from "zod";
import { firstIssue } from "../../shared/first-issue";
import { AUDIENCES, isPartyAudience } from "../../shared/loop/audience";
import { isValidMonth } from "../../shared/month-period";
import type { VerifyMemberJwt } from "../auth/create-jwt-verifier";
import { memberOf, requireMemberJwt } from "../auth/require-member-jwt";
import { AppError, ErrorCode } from "../http/app-error";
import { jsonBody } from "../http/json-body";
import { loadMonthlyReport } from "../reports/load-monthly-report";
import { RenderBusyError } from "../reports/pool/render-busy-error";
import { ReportError } from "../reports/report-error";
import { createReportSnapshot, snapshotMeta } from "../reports/snapshots/create-report-snapshot";
import { renderSnapshot, SNAPSHOT_FORMATS } from "../reports/snapshots/render-snapshot";
import type { ReportProducer } from "../reports/snapshots/report-producer";
import { assertSnapshotQuota } from "../reports/snapshots/assert-snapshot-quota";
import type { Store } from "../store/create-store";
import type { ReportSnapshotMeta } from "../store/report-snapshots-store";
import { createKeyedSlots } from "./keyed-slots";
import { isKnownTimeZone } from "../../shared/time-zone";
import { PROJECT_STATUSES } from "../../shared/api/report-api";

const month = z
  .string({
    error: (issue) => (issue.input === undefined ? "is required, as YYYY-MM" : "must be given once, as YYYY-MM"),
  })
  .refine(isValidMonth, "must be YYYY-MM (e.g. 2026-03)");
const timezone = z
  .string({ error: "must be given once, as an IANA time zone" })
  .refine(isKnownTimeZone, "must be an IANA time zone (e.g. Europe/Berlin)")
  .optional();

const monthlyQuery = z.object({ month, timezone });

const generateBody = z
  .object({
    month,
    audience: z.enum(AUDIENCES, { error: `must be ${AUDIENCES.map((a) => `"${a}"`).join(", ")}` }),
    party: z
      .string({ error: "must be text: a client or partner organisation of the board" })
      .max(80, "must be at most 80 characters")
      .optional(),
    timezone,
    pmStatus: z
      .enum(PROJECT_STATUSES, { error: `must be ${PROJECT_STATUSES.map((s) => `"${s}"`).join(", ")}` })
      .optional(),
    pmNote: z.string({ error: "must be text" }).max(2000, "must be at most 2,000 characters").optional(),
  })
  .refine((body) => !isPartyAudience(body.audience) || !body.pmNote?.trim(), {
    // Refused rather than dropped: a PM who wrote one for a client would otherwise believe the client reads it.
    path: ["pmNote"],
    message: "is for internal reports only: a client or partner copy never shows the PM note",
  });

const formatQuery = z.object({
  format: z.enum(SNAPSHOT_FORMATS, { error: `must be one of ${SNAPSHOT_FORMATS.join(", ")}` }).default("json"),
  paper: z.enum(["A4", "Letter"], { error: 'must be "A4" or "Letter"' }).optional(),
  table: z
    .string({ error: "must be given once" })
    .regex(/^[\w-]{1,40}$/, "must be a table name such as milestones")
    .optional(),
});

/** Renders a board may have in flight at once (generating, or drawing a PDF or CSV): one member's clicks, not a flood. */
export const RENDERS_PER_BOARD = 3;

export interface RenderLimit {
  perBoard: number;
  /** The Retry-After of a refusal, in seconds. */
  retryAfterSeconds(): number;
}

export interface ReportsRouterDeps {
  verifyJwt: VerifyMemberJwt;
  store: Store;
  /** The report core (tests may pass their own); the app's renders on its worker pool. */
  producer?: ReportProducer;
  /** Caps concurrent renders per board; over it the API answers 429 RENDER_BUSY with Retry-After. */
  renderLimit?: RenderLimit;
  /** Members' snapshots one board may store in 24 hours (default SNAPSHOTS_PER_BOARD_PER_DAY). */
  snapshotsPerDay?: number;
}

/** Turns a refusal of the report core into the API's answer: no data for the board 404, a stored snapshot that cannot be rendered 422, anything else 400. */
function reportRefusal(err: unknown): never {
  if (!(err instanceof ReportError)) throw err;
  if (err.code === "UNKNOWN_BOARD") {
    throw new AppError(
      404,
      ErrorCode.NotFound,
      "No synced data for this board yet: connect it to Stakeholder Loop, or wait for its first sync",
    );
  }
  // The request was fine; what is stored cannot be rendered again (422: it stays stored, as it was).
  if (err.code === "SNAPSHOT_UNREADABLE") throw new AppError(422, ErrorCode.SnapshotUnreadable, err.message);
  if (err.code === "SNAPSHOT_VERSION_UNSUPPORTED")
    throw new AppError(422, ErrorCode.SnapshotVersionUnsupported, err.message);
  // The request was checked already, so what is left is the board's own settings (e.g. its time zone).
  throw new AppError(400, ErrorCode.BadRequest, err.message);
}

/** A 429 that says when to come back. */
function renderBusy(res: Response, retryAfterSeconds: number, message: string): AppError {
  res.setHeader("retry-after", String(retryAfterSeconds));
  return new AppError(429, ErrorCode.RenderBusy, message);
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
export function createReportsRouter({
  verifyJwt,
  store,
  producer,
  renderLimit = { perBoard: RENDERS_PER_BOARD, retryAfterSeconds: () => 1 },
  snapshotsPerDay,
}: ReportsRouterDeps): Router {
  const router = Router();
  const auth = requireMemberJwt(verifyJwt);
  const renderSlots = createKeyedSlots(renderLimit.perBoard);

  /** Holds one of the board's render slots for this request, or refuses it. */
  function takeRenderSlot(boardId: string, res: Response): () => void {
    const release = renderSlots.take(boardId);
    if (release) return release;
    const message = `This board already has ${renderLimit.perBoard} reports rendering: try again when one is done`;
    throw renderBusy(res, renderLimit.retryAfterSeconds(), message);
  }

  /** reportRefusal, plus the pool's own refusal when the whole service is busy rendering. */
  const renderRefusal =
    (res: Response) =>
    (err: unknown): never => {
      if (err instanceof RenderBusyError) throw renderBusy(res, renderLimit.retryAfterSeconds(), err.message);
      return reportRefusal(err);
    };

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
    const release = takeRenderSlot(boardId, res);
    const snapshot = await createReportSnapshot(
      store,
      { boardId, ...body.data, createdBy: memberOf(req).idMember },
      producer,
    )
      .catch(renderRefusal(res))
      .finally(release);
    // Only the schedule's own snapshots can be refused as already produced; a member's always makes a new version.
    res.status(201).json(withLinks(snapshotMeta(snapshot!)));
  });

  router.get("/api/boards/:boardId/reports", auth, (req, res) => {
    res.json({ snapshots: store.reportSnapshots.listBoard(String(req.params.boardId)).map(withLinks) });
  });

  router.get("/api/boards/:boardId/reports/:snapshotId", auth, async (req, res) => {
    const query = formatQuery.safeParse(req.query);
    if (!query.success) throw new AppError(400, ErrorCode.BadRequest, firstIssue(query.error, "query"));
    const boardId = String(req.params.boardId);
    const { format, paper, table } = query.data;
    // JSON, HTML and Markdown are stored; only PDF and CSV are drawn now, so only they take a render slot, before the
    // snapshot is read: a refused request costs the event loop next to nothing.
    const release = format === "pdf" || format === "csv" ? takeRenderSlot(boardId, res) : () => undefined;
    // Looked up within the route's board: another board's snapshot is as absent as one that never existed.
    const snapshot = store.reportSnapshots.get(boardId, String(req.params.snapshotId));
    if (!snapshot) {
      release();
      throw new AppError(404, ErrorCode.NotFound, "No report snapshot with this id on this board");
    }
    const file = await renderSnapshot(snapshot, format, { paper, csvTable: table }, producer)
      .catch(renderRefusal(res))
      .finally(release);
    res.attachment(file.filename);
    // attachment() guesses a type from the extension; the renderer's own type (with its charset) is the one to send.
    res.setHeader("content-type", file.contentType);
    res.setHeader("x-content-hash", snapshot.contentHash);
    if (format === "html") {
      // Shown in place, not saved; and since it is the board's own text, even opened directly it runs no script.
      res.setHeader(
        "content-disposition",
        String(res.getHeader("content-disposition")).replace(/^attachment/, "inline"),
      );
      res.setHeader("content-security-policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    }
    res.send(file.body);
  });

  return router;
}
