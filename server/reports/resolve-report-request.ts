import { isValidMonth, monthPeriod, type MonthPeriod } from "../../shared/month-period";
import { boardSettingsAt, type BoardSettingsAsOf } from "../history/board-settings-at";
import type { Store } from "../store/create-store";
import { ReportError } from "./report-error";
import { boardTimeZone, isKnownTimeZone } from "../../shared/time-zone";

export interface ReportRequestBase {
  boardId: string;
  month: string;
  /** Overrides the board's time zone setting; UTC when neither is set. */
  timezone?: string;
}

export interface ResolvedReportRequest {
  board: { id: string; name: string | null };
  /** The board's settings as they stood at the month's end. */
  settings: BoardSettingsAsOf | undefined;
  period: MonthPeriod;
}

function checkedZone(timezone: string): string {
  if (!isKnownTimeZone(timezone)) {
    throw new ReportError(
      "INVALID_TIMEZONE",
      `"${timezone}" is not an IANA time zone (e.g. Europe/Berlin, Asia/Kolkata)`,
    );
  }
  return timezone;
}

/**
 * Checks a report request against the store (month, zone, a board it has data for) and gives the month's bounds with
 * the board's settings as of the month's end. The month's end depends on the zone and the zone on the settings, so
 * the month is first cut in today's zone; when the zone in force at that end differs, the month is cut in that one
 * (a board that moved zones reports its past months in the zone it worked in then).
 */
export function resolveReportRequest(
  store: Store,
  { boardId, month, timezone: asked }: ReportRequestBase,
): ResolvedReportRequest {
  if (!isValidMonth(month)) {
    throw new ReportError("INVALID_MONTH", `--month must be YYYY-MM (e.g. 2026-03), got "${month}"`);
  }
  if (asked !== undefined) checkedZone(asked);
  const board = store.boards.get(boardId);
  if (!board && !store.actions.hasBoard(boardId)) {
    throw new ReportError(
      "UNKNOWN_BOARD",
      `No data for board ${boardId} in this database: connect the board or check the id`,
    );
  }
  const today = boardTimeZone(store.boardSettings.get(boardId));
  let period = monthPeriod(month, asked ?? checkedZone(today));
  let settings = boardSettingsAt(store, boardId, period.endMs);
  const then = boardTimeZone(settings);
  if (asked === undefined && then !== period.timezone) {
    period = monthPeriod(month, then);
    settings = boardSettingsAt(store, boardId, period.endMs);
  }
  // A month that ended before the board's first stored action has nothing true to say: an empty report would mislead.
  const firstMs = store.actions.oldestDateMs(boardId);
  if (firstMs !== null && period.endMs <= firstMs) {
    const first = new Date(firstMs).toISOString().slice(0, 10);
    throw new ReportError(
      "BEFORE_HISTORY",
      `${month} ended before board ${boardId}'s history starts (its first action is on ${first}): choose ${first.slice(0, 7)} or later`,
    );
  }
  return { board: { id: boardId, name: board?.fields.name ?? null }, settings, period };
}
