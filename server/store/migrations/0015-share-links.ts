import type { Migration } from "../migrate";

/**
 * Share links: a read-only view of one client or partner report snapshot for people without a Trello account. Only
 * the token's SHA-256 is kept (the link itself is shown once, when made), with its expiry, its revocation and when it
 * was opened.
 */
export const m0015ShareLinks: Migration = {
  version: 15,
  name: "share-links",
  sql: `
    CREATE TABLE share_links (
      id TEXT PRIMARY KEY,
      board_id TEXT NOT NULL,
      snapshot_id TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      label TEXT NOT NULL DEFAULT '',
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL CHECK (expires_at > created_at),
      revoked_at TEXT,
      revoked_by TEXT,
      first_opened_at TEXT,
      last_opened_at TEXT,
      open_count INTEGER NOT NULL DEFAULT 0 CHECK (open_count >= 0)
    );
    CREATE INDEX share_links_snapshot ON share_links (board_id, snapshot_id, created_at);
  `,
};
