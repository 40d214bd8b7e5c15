import { DateTime } from "luxon";
import type { Store } from "../store/create-store";
import {
  BEFORE_ANY_ACTION,
  emptyBoardState,
  parseBoardState,
  serializeBoardState,
  type BoardState,
} from "./board-state";
import { replayActions } from "./replay-actions";

export interface StateAtOptions {
  /** The zone whose month starts get checkpoints on the way (the board's report zone); UTC when absent. */
  timeZone?: string;
  /** Whether to store the checkpoints built on the way; false on a read-only database. */
  persist?: boolean;
  /**
   * A state at or before `atMs` already in memory (the month before's, when checkpoints are built one month at a
   * time), taken over and replayed on instead of parsing the stored checkpoint, if no action was stored since
   * `lastRowid`: then it is exactly what that checkpoint holds. A board of tens of thousands of cards costs a parse
   * of all of them per month otherwise.
   */
  from?: { state: BoardState; lastRowid: number };
}

/** The month starts strictly between two instants, in a zone. */
function monthStartsBetween(fromMs: number, toMs: number, timeZone: string): number[] {
  const starts: number[] = [];
  let next = DateTime.fromMillis(fromMs, { zone: timeZone }).startOf("month").plus({ months: 1 });
  while (next.toMillis() < toMs) {
    starts.push(next.toMillis());
    next = next.plus({ months: 1 });
  }
  return starts;
}

/**
 * The board as it was at `atMs`: the nearest checkpoint at or before it, plus the actions between, read a month at
 * a time so memory follows one month's activity. Every month start passed and `atMs` itself become checkpoints when
 * `persist` allows, so the next read of this instant, or of a later one, starts from there.
 */
export function boardStateAt(store: Store, boardId: string, atMs: number, options: StateAtOptions = {}): BoardState {
  const persist = (options.persist ?? true) && !store.db.readonly;
  const lastRowid = store.actions.lastRowid();
  const carried =
    options.from && options.from.lastRowid === lastRowid && options.from.state.atMs <= atMs
      ? options.from.state
      : undefined;
  const checkpoint = carried ? undefined : store.checkpoints.latestAtOrBefore(boardId, atMs);
  if (checkpoint?.atMs === atMs) return parseBoardState(checkpoint.state);
  const state = carried ?? (checkpoint ? parseBoardState(checkpoint.state) : emptyBoardState());
  let fromMs = state.atMs;
  if (fromMs === BEFORE_ANY_ACTION) {
    const oldest = store.actions.oldestDateMs(boardId);
    if (oldest === null || oldest >= atMs) return { ...state, atMs };
    fromMs = oldest;
  }
  const save = (s: BoardState) => {
    if (persist) store.checkpoints.saveIfCurrent(boardId, { atMs: s.atMs, state: serializeBoardState(s) }, lastRowid);
  };
  for (const monthStart of [...monthStartsBetween(fromMs, atMs, options.timeZone ?? "UTC"), atMs]) {
    replayActions(state, store.actions.listForReplay(boardId, state.atMs, monthStart), monthStart);
    save(state);
  }
  return state;
}
