import { readLoopRecord } from "../../../shared/loop/read-loop-record";
import { isOpenCard, type BoardState } from "../../history/board-state";
import { listNamesAt } from "../../history/list-names-at";
import { loopRecordsAt } from "../../history/loop-records-at";
import { readMonthHistory } from "../../history/read-month-history";
import type { Store } from "../../store/create-store";
import { ReportError } from "../report-error";
import { resolveReportRequest, type ReportRequestBase } from "../resolve-report-request";
import { buildReportModel, type ReportInput } from "./build-report-model";
import { doneListRule } from "./done-list-rule";
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

/** One record key of every card that has it. */
function recordOf(cards: Map<string, Record<string, unknown>>, key: string): Map<string, unknown> {
  return new Map([...cards].filter(([, data]) => data[key] !== undefined).map(([id, data]) => [id, data[key]]));
}

/** A card with Loop data as it stood at the state's instant; one no action named yet is shown as the store has it now. */
function loopCardAt(
  store: Store,
  id: string,
  data: Record<string, unknown>,
  state: BoardState,
  isDone: (listId: string, name: string | null) => boolean,
): LoopCard {
  const card = state.cards.get(id);
  if (!card) {
    const fields = store.cards.get(id)?.fields;
    return { id, name: fields?.name ?? "(card not synced yet)", archived: !!fields?.closed || !!fields?.deleted, data };
  }
  const inDone =
    isOpenCard(card) &&
    card.listId !== null &&
    card.enteredListMs !== null &&
    isDone(card.listId, state.lists.get(card.listId)?.name ?? null);
  return {
    id,
    name: card.name ?? store.cards.get(id)?.fields.name ?? "(card not synced yet)",
    archived: !isOpenCard(card),
    data,
    ...(inDone ? { enteredDoneMs: card.enteredListMs! } : {}),
  };
}

/** Reads what a month's report model needs from the store (never from Trello) and builds it. */
export function loadReportModel(store: Store, request: ReportModelRequest): ReportModel {
  return buildReportModel(readReportInput(store, request));
}

/**
 * What a month's report is built from, read from the store: the board and every Loop record as they stood at the
 * month's start and end, and the month's own actions. Nothing dated after the month's end is read, and nothing
 * before the checkpoint nearest its start.
 */
export function readReportInput(store: Store, request: ReportModelRequest): ReportInput {
  const { boardId } = request;
  const { board, settings, period } = resolveReportRequest(store, request);
  const now = request.now ?? Date.now();
  // A month that has not begun would judge every milestone and invoice due in it as missed or overdue.
  if (period.startMs > now) {
    throw new ReportError(
      "FUTURE_MONTH",
      `${request.month} has not begun yet in ${period.timezone}: a report covers the current month or one before it`,
    );
  }
  const { startState, actions, endState } = readMonthHistory(store, boardId, period);
  const listNames = listNamesAt(store, boardId, endState);
  const doneListIds = settings?.doneListIds ?? null;
  const doneListNames = store.lists.namesByBoard(boardId);
  const isDone = doneListRule({ listNames: doneListNames, doneListIds });
  const atStart = loopRecordsAt(store, boardId, startState);
  const atEnd = loopRecordsAt(store, boardId, endState);
  const cards = [...atEnd.cards].map(([id, data]) => loopCardAt(store, id, data, endState, isDone));
  const settingsRead = readLoopRecord("settings", atEnd.board.settings);
  const leads =
    settingsRead.status === "ok" ? [settingsRead.value.technicalLead, settingsRead.value.operationalLead] : [];
  const memberNames = new Map<string, string>();
  for (const id of leads) {
    const member = id ? store.members.get(id)?.fields : undefined;
    const name = member?.fullName ?? member?.username;
    if (id && name) memberNames.set(id, name);
  }
  return {
    board,
    period,
    audience: request.audience,
    party: request.party,
    now: new Date(now),
    pmStatus: request.pmStatus,
    pmNote: request.pmNote,
    startState,
    endState,
    actions,
    listNames,
    doneListNames,
    doneListIds,
    workListIds: settings?.workListIds ?? null,
    boardData: atEnd.board,
    cards,
    stakeholderAtStart: recordOf(atStart.cards, "stakeholder"),
    stakeholderAtEnd: recordOf(atEnd.cards, "stakeholder"),
    stakeholderVersions: store.loopHistory.versionsBetween(
      boardId,
      "stakeholder",
      new Date(period.startMs).toISOString(),
      new Date(period.endMs).toISOString(),
    ),
    updates: store.loopHistory.listUpdatesBefore(boardId, new Date(period.endMs).toISOString()),
    memberNames,
  };
}
