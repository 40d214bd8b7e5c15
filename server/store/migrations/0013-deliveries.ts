import type { Migration } from "../migrate";

/**
 * Every message the service sends or tries to: one row per idempotency key (unique, so a key is delivered at most
 * once), its content until it is sent, and each attempt's outcome as the receiving server said it.
 */
export const m0013Deliveries: Migration = {
  version: 13,
  name: "deliveries",
  sql: `
    CREATE TABLE deliveries (
      id INTEGER PRIMARY KEY,
      idempotency_key TEXT NOT NULL UNIQUE,
      board_id TEXT NOT NULL,
      stakeholder_card_id TEXT,
      kind TEXT NOT NULL,
      audience TEXT NOT NULL,
      channel TEXT NOT NULL,
      recipient TEXT NOT NULL,
      subject TEXT NOT NULL,
      message_json TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      last_error TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      sent_at TEXT,
      trello_comment_at TEXT
    );
    CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
    CREATE INDEX deliveries_stakeholder ON deliveries (board_id, stakeholder_card_id, id);
  `,
};
