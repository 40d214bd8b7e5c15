import type { MonthPeriod } from "../../shared/month-period";
import type { ActionSummary } from "../store/actions-store";
import type { Store } from "../store/create-store";
import { boardStateAt } from "./board-state-at";
import { serializeBoardState, type BoardState } from "./board-state";
import { replayFrom } from "./replay-actions";

/** What a month's report reads of the board's history: nothing before the start's checkpoint, nothing after the end. */
export interface MonthHistory {
  /** The board at the month's first instant. */
  startState: BoardState;
  /** The month's own actions, oldest first, with the fields a replay needs. */
  actions: ActionSummary[];
  /** The board at the month's end (the start's state with the month's actions applied; untouched cards shared with it). */
  endState: BoardState;
}

/**
 * Reads a month: the state at its start (nearest checkpoint plus the actions since), its actions, and the state at
 * its end. Cost follows the month's activity, not the board's age. Checkpoints at the start and, once passed, at the
 * end are kept for next time unless the database is read-only (then the states are computed in memory only).
 */
export function readMonthHistory(store: Store, boardId: string, period: MonthPeriod, now = Date.now()): MonthHistory {
  const persist = !store.db.readonly;
  const lastRowid = store.actions.lastRowid();
  const startState = boardStateAt(store, boardId, period.startMs, {
    timeZone: period.timezone,
    persist: persist && period.startMs <= now,
  });
  const actions = store.actions.listForReplay(boardId, period.startMs, period.endMs);
  const endState = replayFrom(startState, actions, period.endMs);
  if (persist && period.endMs <= now && !store.checkpoints.has(boardId, period.endMs)) {
    store.checkpoints.saveIfCurrent(boardId, { atMs: period.endMs, state: serializeBoardState(endState) }, lastRowid);
  }
  return { startState, actions, endState };
}
