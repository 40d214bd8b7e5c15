import type { Migration } from "../migrate";

/**
 * Webhooks of disconnected boards that could not be deleted on Trello: their deliveries are answered 410,
 * which makes Trello delete them itself.
 */
export const m0005RetiredWebhooks: Migration = {
  version: 5,
  name: "retired-webhooks",
  sql: `
    CREATE TABLE retired_webhooks (
      webhook_id TEXT PRIMARY KEY,
      board_id TEXT NOT NULL,
      retired_at TEXT NOT NULL
    );
  `,
};
