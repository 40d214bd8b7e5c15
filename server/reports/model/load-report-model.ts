import { readLoopRecord } from "../../../shared/loop/read-loop-record";
import { boardLoopData } from "../../loop/board-loop-data";
import type { Store } from "../../store/create-store";
import { ReportError } from "../report-error";
import { resolveReportRequest, type ReportRequestBase } from "../resolve-report-request";
import { buildReportModel } from "./build-report-model";
import type { LoopCard } from "./loop-card";
import type { Audience, ProjectStatus, ReportModel } from "./report-model";

export interface ReportModelRequest extends ReportRequestBase {
  audience: Audience;
  /** The client or partner organisation (see resolveReportParty). */
  party?: string;
  pmStatus?: ProjectStatus;
  pmNote?: string;
  /** When the model is built (ms since the epoch); now when absent. */
  now?: number;
}

function parsedValues(values: Map<string, string | null>): Map<string, unknown> {
  return new Map([...values].map(([id, value]) => [id, value === null ? null : (JSON.parse(value) as unknown)]));
}

/** Reads what a month's report model needs from the store (never from Trello) and builds it. */
export function loadReportModel(store: Store, request: ReportModelRequest): ReportModel {
  const { boardId } = request;
  const { board, settings, period } = resolveReportRequest(store, request);
  const now = request.now ?? Date.now();
  // A month that has not begun would judge every milestone and invoice due in it as missed or overdue.
  if (period.startMs > now) {
    throw new ReportError("FUTURE_MONTH", `${request.month} has not begun yet in ${period.timezone}: a report covers the current month or one before it`);
  }
  const loop = boardLoopData(store, boardId);
  const cards: LoopCard[] = [...loop.cards].map(([id, data]) => {
    const fields = store.cards.get(id)?.fields;
    return { id, name: fields?.name ?? "(card not synced yet)", archived: !!fields?.closed || !!fields?.deleted, data };
  });
  const settingsRead = readLoopRecord("settings", loop.board.settings);
  const leads = settingsRead.status === "ok" ? [settingsRead.value.technicalLead, settingsRead.value.operationalLead] : [];
  const memberNames = new Map<string, string>();
  for (const id of leads) {
    const member = id ? store.members.get(id)?.fields : undefined;
    const name = member?.fullName ?? member?.username;
    if (id && name) memberNames.set(id, name);
  }
  return buildReportModel({
    board,
    period,
    audience: request.audience,
    party: request.party,
    now: new Date(now),
    pmStatus: request.pmStatus,
    pmNote: request.pmNote,
    actions: store.actions.listBefore(boardId, period.endMs),
    listNames: store.lists.namesByBoard(boardId),
    doneListIds: settings?.doneListIds ?? null,
    boardData: loop.board,
    cards,
    stakeholderAtStart: parsedValues(store.loopHistory.valuesBefore(boardId, "stakeholder", new Date(period.startMs).toISOString())),
    stakeholderAtEnd: parsedValues(store.loopHistory.valuesBefore(boardId, "stakeholder", new Date(period.endMs).toISOString())),
    stakeholderVersions: store.loopHistory.versionsBetween(boardId, "stakeholder", new Date(period.startMs).toISOString(), new Date(period.endMs).toISOString()),
    updates: store.loopHistory.listUpdates(boardId),
    memberNames,
  });
}
