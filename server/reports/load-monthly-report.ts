import type { Store } from "../store/create-store";
import { buildMonthlyReport, type MonthlyReport } from "./build-monthly-report";
import { resolveReportRequest, type ReportRequestBase } from "./resolve-report-request";

export type MonthlyReportRequest = ReportRequestBase;

/** Reads what a month's report needs from the store (never from Trello) and builds it. */
export function loadMonthlyReport(store: Store, request: MonthlyReportRequest): MonthlyReport {
  const { board, settings, period } = resolveReportRequest(store, request);
  return buildMonthlyReport({
    board,
    period,
    actions: store.actions.listInPeriod(request.boardId, period.startMs, period.endMs),
    listNames: store.lists.namesByBoard(request.boardId),
    doneListIds: settings?.doneListIds ?? null,
  });
}
