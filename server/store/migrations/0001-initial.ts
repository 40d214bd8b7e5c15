import type { Migration } from "../migrate";

/**
 * Entity tables hold the current state derived from actions. Each field is last-writer-wins by the
 * version of the action that set it (`versions` JSON: field -> "<ISO date>|<action id>"), so deliveries
 * that arrive late or twice converge on the same state.
 */
export const m0001Initial: Migration = {
  version: 1,
  name: "initial",
  sql: `
    CREATE TABLE boards (
      id TEXT PRIMARY KEY,
      name TEXT,
      versions TEXT NOT NULL DEFAULT '{}',
      first_seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );

    CREATE TABLE board_settings (
      board_id TEXT PRIMARY KEY,
      timezone TEXT,
      done_list_ids TEXT,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE lists (
      id TEXT PRIMARY KEY,
      board_id TEXT,
      name TEXT,
      closed INTEGER,
      pos REAL,
      versions TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX lists_board ON lists (board_id);

    CREATE TABLE cards (
      id TEXT PRIMARY KEY,
      board_id TEXT,
      list_id TEXT,
      name TEXT,
      closed INTEGER,
      deleted INTEGER,
      due TEXT,
      pos REAL,
      id_short INTEGER,
      short_link TEXT,
      versions TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX cards_board_list ON cards (board_id, list_id);

    CREATE TABLE members (
      id TEXT PRIMARY KEY,
      username TEXT,
      full_name TEXT,
      versions TEXT NOT NULL DEFAULT '{}'
    );

    CREATE TABLE card_members (
      card_id TEXT NOT NULL,
      member_id TEXT NOT NULL,
      present INTEGER NOT NULL,
      version TEXT NOT NULL,
      PRIMARY KEY (card_id, member_id)
    );

    CREATE TABLE actions (
      id TEXT PRIMARY KEY,
      board_id TEXT NOT NULL,
      type TEXT NOT NULL,
      date TEXT NOT NULL,
      date_ms INTEGER NOT NULL,
      card_id TEXT,
      list_after_id TEXT,
      list_after_name TEXT,
      member_creator_id TEXT,
      source TEXT NOT NULL,
      received_at TEXT NOT NULL,
      raw TEXT NOT NULL
    );
    CREATE INDEX actions_board_date ON actions (board_id, date_ms);
    CREATE INDEX actions_card_date ON actions (card_id, date_ms);
  `,
};
