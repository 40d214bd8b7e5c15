import type { Migration } from "../migrate";

/** A connected board: whose token reads it (sealed with TOKEN_ENCRYPTION_KEY), its webhook, and how syncing goes. */
export const m0003Connections: Migration = {
  version: 3,
  name: "connections",
  sql: `
    CREATE TABLE connections (
      board_id TEXT PRIMARY KEY,
      member_id TEXT NOT NULL,
      token_sealed TEXT NOT NULL,
      webhook_id TEXT,
      status TEXT NOT NULL,
      last_error TEXT,
      connected_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};
