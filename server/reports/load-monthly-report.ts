import { listNamesAt } from "../history/list-names-at";
import { loopRecordsAt } from "../history/loop-records-at";
import { readMonthHistory } from "../history/read-month-history";
import type { Store } from "../store/create-store";
import { buildMonthlyReport, type MonthlyReport } from "./build-monthly-report";
import { loopOwnCardIds } from "./model/loop-own-cards";
import { resolveReportRequest, type ReportRequestBase } from "./resolve-report-request";

export type MonthlyReportRequest = ReportRequestBase;

/** Reads what a month's report needs from the store (never from Trello, never past the month's end) and builds it. */
export function loadMonthlyReport(store: Store, request: MonthlyReportRequest): MonthlyReport {
  const { board, settings, period } = resolveReportRequest(store, request);
  const { actions, endState } = readMonthHistory(store, request.boardId, period);
  const listNames = listNamesAt(store, request.boardId, endState);
  const records = loopRecordsAt(store, request.boardId, endState);
  return buildMonthlyReport({
    board,
    period,
    actions,
    // DESIGN.md's contract judges done lists by their current name.
    listNames: store.lists.namesByBoard(request.boardId),
    doneListIds: settings?.doneListIds ?? null,
    excludedCardIds: loopOwnCardIds(records.cards, endState, listNames),
  });
}
