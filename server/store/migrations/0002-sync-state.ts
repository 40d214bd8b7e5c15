import type { Migration } from "../migrate";

/** Where each board's history backfill has got to, so a restart carries on instead of starting over. */
export const m0002SyncState: Migration = {
  version: 2,
  name: "sync-state",
  sql: `
    CREATE TABLE sync_state (
      board_id TEXT PRIMARY KEY,
      backfill_cursor TEXT,
      backfill_complete INTEGER NOT NULL DEFAULT 0,
      actions_fetched INTEGER NOT NULL DEFAULT 0,
      rest_newest_action_id TEXT,
      last_synced_at TEXT
    );
  `,
};
