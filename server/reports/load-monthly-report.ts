import { isValidMonth, isValidTimeZone, monthPeriod } from "../../shared/month-period";
import type { Store } from "../store/create-store";
import { buildMonthlyReport, type MonthlyReport } from "./build-monthly-report";
import { ReportError } from "./report-error";

export interface MonthlyReportRequest {
  boardId: string;
  month: string;
  /** Overrides the board's time zone setting; UTC when neither is set. */
  timezone?: string;
}

/** Reads what a month's report needs from the store (never from Trello) and builds it. */
export function loadMonthlyReport(store: Store, request: MonthlyReportRequest): MonthlyReport {
  if (!isValidMonth(request.month)) {
    throw new ReportError("INVALID_MONTH", `--month must be YYYY-MM (e.g. 2026-03), got "${request.month}"`);
  }
  const settings = store.boardSettings.get(request.boardId);
  const timezone = request.timezone ?? settings?.timezone ?? "UTC";
  if (!isValidTimeZone(timezone)) {
    throw new ReportError("INVALID_TIMEZONE", `"${timezone}" is not an IANA time zone (e.g. Europe/Berlin, Asia/Kolkata)`);
  }
  const board = store.boards.get(request.boardId);
  if (!board && !store.actions.hasBoard(request.boardId)) {
    throw new ReportError("UNKNOWN_BOARD", `No data for board ${request.boardId} in this database: connect the board or check the id`);
  }
  const period = monthPeriod(request.month, timezone);
  return buildMonthlyReport({
    board: { id: request.boardId, name: board?.fields.name ?? null },
    period,
    actions: store.actions.listInPeriod(request.boardId, period.startMs, period.endMs),
    listNames: store.lists.namesByBoard(request.boardId),
    doneListIds: settings?.doneListIds ?? null,
  });
}
