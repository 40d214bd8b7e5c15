import type { Migration } from "../migrate";

/** Each stakeholder's chat incoming-webhook URL, sealed with TOKEN_ENCRYPTION_KEY: whoever holds it can post as us. */
export const m0014ChatWebhooks: Migration = {
  version: 14,
  name: "chat-webhooks",
  sql: `
    CREATE TABLE chat_webhooks (
      board_id TEXT NOT NULL,
      card_id TEXT NOT NULL,
      url_sealed TEXT NOT NULL,
      set_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (board_id, card_id)
    );
  `,
};
