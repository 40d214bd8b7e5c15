import type { MonthPeriod } from "../../shared/month-period";
import type { ActionSummary } from "../store/actions-store";
import { isCardCreationType } from "../trello/action-types";
import { doneListRule } from "./model/done-list-rule";

export const REPORT_SCHEMA_VERSION = 1;

export interface MonthlyReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  board: { id: string; name: string | null };
  period: { month: string; timezone: string; start: string; end: string };
  cards: { created: number; completed: number };
  comments: number;
}

export interface MonthlyReportInput {
  board: { id: string; name: string | null };
  period: MonthPeriod;
  /** The board's actions dated inside the period (each id once; a row may stand for several, see `count`). */
  actions: ActionSummary[];
  /** Current list names by id; a list missing here is judged by the name the action carried. */
  listNames: Map<string, string | null>;
  /** The board's chosen done lists; null = decide by name. */
  doneListIds: string[] | null;
  /** Cards that are not the team's work (Loop's own, see loopOwnCardIds): their actions count nowhere. */
  excludedCardIds?: ReadonlySet<string>;
}

/** The monthly report model, from stored rows only. Pure: same rows, same report. */
export function buildMonthlyReport(input: MonthlyReportInput): MonthlyReport {
  const isDone = doneListRule(input);
  let created = 0;
  let comments = 0;
  const completedCards = new Set<string>();
  for (const action of input.actions) {
    if (action.cardId && input.excludedCardIds?.has(action.cardId)) continue;
    if (isCardCreationType(action.type)) created += 1;
    if (action.type === "commentCard") comments += action.count ?? 1;
    if (action.cardId && action.listAfterId && isDone(action.listAfterId, action.listAfterName)) {
      completedCards.add(action.cardId);
    }
  }
  const { month, timezone, start, end } = input.period;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    board: input.board,
    period: { month, timezone, start, end },
    cards: { created, completed: completedCards.size },
    comments,
  };
}
