import { readLoopRecord } from "../../shared/loop/read-loop-record";
import type { Store } from "../store/create-store";

export interface BoardSettingsAsOf {
  /** IANA zone the board reports in; null = UTC. */
  timezone: string | null;
  /** Lists that count as done; null = decide by list name. */
  doneListIds: string[] | null;
  /** The board's workflow lists; null = decide by name and use. */
  workListIds: string[] | null;
}

/**
 * The board's report settings as they stood at `atMs`: the Loop settings record in force then (its first version
 * counts from the board's start), else the stored settings row (boards set up before records were kept, tests).
 */
export function boardSettingsAt(store: Store, boardId: string, atMs: number): BoardSettingsAsOf | undefined {
  const value = store.loopHistory.recordAt(boardId, boardId, "settings", new Date(atMs).toISOString());
  const read = readLoopRecord("settings", typeof value === "string" ? (JSON.parse(value) as unknown) : undefined);
  if (read.status === "ok") {
    const { timezone, doneLists, workLists } = read.value;
    return {
      timezone: timezone ?? null,
      doneListIds: doneLists.length ? doneLists : null,
      workListIds: workLists?.length ? workLists : null,
    };
  }
  const row = store.boardSettings.get(boardId);
  return row ? { timezone: row.timezone, doneListIds: row.doneListIds, workListIds: null } : undefined;
}
