import type { Db } from "./open-database";

export interface SyncState {
  boardId: string;
  /** The oldest action id fetched so far by the backfill (next page: before it). */
  backfillCursor: string | null;
  backfillComplete: boolean;
  actionsFetched: number;
  /** The newest action id read over REST: catching up asks for what came since. */
  restNewestActionId: string | null;
  lastSyncedAt: string | null;
}

export interface SyncStateStore {
  get(boardId: string): SyncState;
  /** Records a fetched page of history; call in the same transaction that stores the page. */
  advanceBackfill(boardId: string, cursor: string | null, fetched: number, complete: boolean): void;
  /** Records the newest action read over REST; call in the transaction that stores it. */
  setRestNewest(boardId: string, actionId: string): void;
  markSynced(boardId: string, at: string): void;
}

/** SQL for the sync_state table. */
export function createSyncStateStore(db: Db): SyncStateStore {
  const select = db.prepare(
    "SELECT backfill_cursor, backfill_complete, actions_fetched, rest_newest_action_id, last_synced_at FROM sync_state WHERE board_id = ?",
  );
  const advance = db.prepare(
    `INSERT INTO sync_state (board_id, backfill_cursor, backfill_complete, actions_fetched) VALUES (@boardId, @cursor, @complete, @fetched)
     ON CONFLICT (board_id) DO UPDATE SET backfill_cursor = excluded.backfill_cursor,
       backfill_complete = excluded.backfill_complete, actions_fetched = sync_state.actions_fetched + excluded.actions_fetched`,
  );
  const synced = db.prepare(
    `INSERT INTO sync_state (board_id, last_synced_at) VALUES (?, ?)
     ON CONFLICT (board_id) DO UPDATE SET last_synced_at = excluded.last_synced_at`,
  );
  const restNewest = db.prepare(
    `INSERT INTO sync_state (board_id, rest_newest_action_id) VALUES (?, ?)
     ON CONFLICT (board_id) DO UPDATE SET rest_newest_action_id = excluded.rest_newest_action_id`,
  );
  return {
    get(boardId) {
      const row = select.get(boardId) as
        | {
            backfill_cursor: string | null;
            backfill_complete: number;
            actions_fetched: number;
            rest_newest_action_id: string | null;
            last_synced_at: string | null;
          }
        | undefined;
      return {
        boardId,
        backfillCursor: row?.backfill_cursor ?? null,
        backfillComplete: row?.backfill_complete === 1,
        actionsFetched: row?.actions_fetched ?? 0,
        restNewestActionId: row?.rest_newest_action_id ?? null,
        lastSyncedAt: row?.last_synced_at ?? null,
      };
    },
    advanceBackfill(boardId, cursor, fetched, complete) {
      advance.run({ boardId, cursor, fetched, complete: complete ? 1 : 0 });
    },
    markSynced(boardId, at) {
      synced.run(boardId, at);
    },
    setRestNewest(boardId, actionId) {
      restNewest.run(boardId, actionId);
    },
  };
}
