import type { Migration } from "../migrate";

/**
 * Sprint reviews as calendar events. review_events keeps what each sprint's review was last published as, so its
 * SEQUENCE goes up when the sprint moves (calendar clients then update the event instead of adding one);
 * calendar_feeds holds the hashed secret of each board's subscribable calendar URL, revocable.
 */
export const m0016ReviewCalendar: Migration = {
  version: 16,
  name: "review-calendar",
  sql: `
    CREATE TABLE review_events (
      board_id TEXT NOT NULL,
      sprint_card_id TEXT NOT NULL,
      starts_at TEXT NOT NULL,
      ends_at TEXT NOT NULL,
      summary TEXT NOT NULL,
      sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (board_id, sprint_card_id)
    );
    CREATE TABLE calendar_feeds (
      id TEXT PRIMARY KEY,
      board_id TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    );
    CREATE INDEX calendar_feeds_board ON calendar_feeds (board_id, created_at);
  `,
};
