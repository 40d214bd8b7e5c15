import { readLoopRecord } from "../../shared/loop/read-loop-record";
import type { Store } from "../store/create-store";
import { boardLoopData } from "./board-loop-data";

/**
 * Carries the board settings the Power-Up saved (time zone, done lists) into the settings the reports read. Only a
 * valid record counts: a hand-edited value that fails its schema, or data of another Power-Up under the same key,
 * never resets a working report.
 */
export function applyBoardSettings(store: Store, boardId: string): void {
  const read = readLoopRecord("settings", boardLoopData(store, boardId).board.settings);
  if (read.status !== "ok") return;
  store.boardSettings.save({
    boardId,
    timezone: read.value.timezone ?? null,
    doneListIds: read.value.doneLists.length ? read.value.doneLists : null,
  });
}
