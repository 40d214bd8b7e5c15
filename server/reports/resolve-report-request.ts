import { isValidMonth, isValidTimeZone, monthPeriod, type MonthPeriod } from "../../shared/month-period";
import type { BoardSettingsRow } from "../store/board-settings-store";
import type { Store } from "../store/create-store";
import { ReportError } from "./report-error";

export interface ReportRequestBase {
  boardId: string;
  month: string;
  /** Overrides the board's time zone setting; UTC when neither is set. */
  timezone?: string;
}

export interface ResolvedReportRequest {
  board: { id: string; name: string | null };
  settings: BoardSettingsRow | undefined;
  period: MonthPeriod;
}

/** Checks a report request against the store (month, zone, a board it has data for) and gives the month's bounds. */
export function resolveReportRequest(store: Store, { boardId, month, timezone: asked }: ReportRequestBase): ResolvedReportRequest {
  if (!isValidMonth(month)) {
    throw new ReportError("INVALID_MONTH", `--month must be YYYY-MM (e.g. 2026-03), got "${month}"`);
  }
  const settings = store.boardSettings.get(boardId);
  const timezone = asked ?? settings?.timezone ?? "UTC";
  if (!isValidTimeZone(timezone)) {
    throw new ReportError("INVALID_TIMEZONE", `"${timezone}" is not an IANA time zone (e.g. Europe/Berlin, Asia/Kolkata)`);
  }
  const board = store.boards.get(boardId);
  if (!board && !store.actions.hasBoard(boardId)) {
    throw new ReportError("UNKNOWN_BOARD", `No data for board ${boardId} in this database: connect the board or check the id`);
  }
  const period = monthPeriod(month, timezone);
  // A month that ended before the board's first stored action has nothing true to say: an empty report would mislead.
  const firstMs = store.actions.oldestDateMs(boardId);
  if (firstMs !== null && period.endMs <= firstMs) {
    const first = new Date(firstMs).toISOString().slice(0, 10);
    throw new ReportError("BEFORE_HISTORY", `${month} ended before board ${boardId}'s history starts (its first action is on ${first}): choose ${first.slice(0, 7)} or later`);
  }
  return { board: { id: boardId, name: board?.fields.name ?? null }, settings, period };
}
