import { addDays, calendarDay } from "../../../shared/loop/calendar-day";
import { loadReportModel } from "../../reports/model/load-report-model";
import type { ReportModel } from "../../reports/model/report-model";
import type { Store } from "../../store/create-store";
import { composeUpdateDraft, type UpdateDraft } from "./compose-update-draft";
import type { StakeholderRoute } from "./stakeholder-route";

/** At most this many months of changes go into one draft: an update is not a quarterly report. */
const MONTHS_BACK = 3;

/** The months (YYYY-MM) from `fromDay`'s to `toDay`'s, at most MONTHS_BACK, oldest first. */
function monthsBetween(fromDay: string, toDay: string): string[] {
  const months: string[] = [];
  let [y, m] = toDay.slice(0, 7).split("-").map(Number) as [number, number];
  const first = fromDay.slice(0, 7);
  for (let i = 0; i < MONTHS_BACK; i++) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    months.unshift(month);
    if (month <= first) break;
    [y, m] = m === 1 ? [y - 1, 12] : [y, m - 1];
  }
  return months;
}

/**
 * A stakeholder's update draft: the changes since their last update (or, never updated, over their cadence), read
 * from their audience's copy of each month's report (so a client or partner draft holds only their party's records).
 */
export function loadUpdateDraft(store: Store, route: StakeholderRoute, now: Date): UpdateDraft & { sinceDay: string } {
  const sinceDay = route.update.lastUpdateAt
    ? calendarDay(new Date(route.update.lastUpdateAt), route.timeZone)
    : addDays(route.today, -route.stakeholder.cadenceDays);
  const models: ReportModel[] = [];
  for (const month of monthsBetween(sinceDay, route.today)) {
    try {
      models.push(
        loadReportModel(store, {
          boardId: route.boardId,
          month,
          timezone: route.timeZone,
          audience: route.audience,
          party: route.party,
          now: now.getTime(),
        }),
      );
    } catch (err) {
      // A month before the board's first action has nothing to say; anything else is a real failure.
      if ((err as { code?: string }).code !== "BEFORE_HISTORY") throw err;
    }
  }
  const draft = composeUpdateDraft({
    models,
    sinceDay,
    today: route.today,
    stakeholderName: route.stakeholder.name,
    boardName: route.boardName,
  });
  return { ...draft, sinceDay };
}
