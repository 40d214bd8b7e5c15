import { DateTime } from "luxon";
import { setImmediate as yieldToEvents } from "node:timers/promises";
import type { Store } from "../store/create-store";
import { boardSettingsAt } from "./board-settings-at";
import type { BoardState } from "./board-state";
import { boardStateAt } from "./board-state-at";
import { boardTimeZone } from "../../shared/time-zone";

export interface BuildCheckpointsOptions {
  /** Drop the board's checkpoints first and build them all again from the actions (a reconcile). */
  rebuild?: boolean;
  now?: Date;
}

/**
 * Gives a board a checkpoint at every month start (in its report zone) from its first action to the current month,
 * building only the missing ones unless asked to rebuild. One month at a time, yielding to the event loop between
 * months so webhook deliveries never wait behind a long history. Returns how many month starts it checked.
 */
export async function buildBoardCheckpoints(
  store: Store,
  boardId: string,
  options: BuildCheckpointsOptions = {},
): Promise<number> {
  if (store.db.readonly) return 0;
  if (options.rebuild) store.checkpoints.deleteBoard(boardId);
  const oldest = store.actions.oldestDateMs(boardId);
  if (oldest === null) return 0;
  const nowMs = (options.now ?? new Date()).getTime();
  const timeZone = boardTimeZone(boardSettingsAt(store, boardId, nowMs));
  const thisMonth = DateTime.fromMillis(nowMs, { zone: timeZone }).startOf("month");
  let monthStart = DateTime.fromMillis(oldest, { zone: timeZone }).startOf("month").plus({ months: 1 });
  let checked = 0;
  // Each month goes on from the month before's state in memory while nothing new was stored in between.
  let from: { state: BoardState; lastRowid: number } | undefined;
  while (monthStart <= thisMonth) {
    const atMs = monthStart.toMillis();
    if (!store.checkpoints.has(boardId, atMs)) {
      const lastRowid = store.actions.lastRowid();
      from = { state: boardStateAt(store, boardId, atMs, { timeZone, from }), lastRowid };
    }
    checked += 1;
    monthStart = monthStart.plus({ months: 1 });
    await yieldToEvents();
  }
  return checked;
}
