import type { Migration } from "../migrate";

/**
 * pluginData holds only current values (and a stakeholder's newest 12 updates), but a month's report needs how
 * records moved: each Loop record's successive values (a null value = the record was removed), and every update
 * ever logged to a stakeholder.
 */
export const m0006LoopHistory: Migration = {
  version: 6,
  name: "loop-history",
  sql: `
    CREATE TABLE loop_record_versions (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      board_id TEXT NOT NULL,
      id_model TEXT NOT NULL,
      key TEXT NOT NULL,
      value TEXT,
      seen_at TEXT NOT NULL
    );
    CREATE INDEX loop_record_versions_model ON loop_record_versions (board_id, key, id_model, seq);

    -- Keyed by card too: a card copied with its pluginData carries the same entry ids to another card or board.
    CREATE TABLE stakeholder_updates (
      id TEXT NOT NULL,
      board_id TEXT NOT NULL,
      card_id TEXT NOT NULL,
      at TEXT NOT NULL,
      channel TEXT NOT NULL,
      summary TEXT NOT NULL,
      PRIMARY KEY (board_id, card_id, id)
    );
    CREATE INDEX stakeholder_updates_board_at ON stakeholder_updates (board_id, at);
  `,
};
