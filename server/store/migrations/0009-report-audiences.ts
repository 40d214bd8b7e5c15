import type { Migration } from "../migrate";

/**
 * Reports for partners, and for one party: a snapshot records the party ('' for an internal report, and for client
 * reports made before parties existed) and versions count per board, month, audience and party. SQLite cannot change a CHECK constraint in place, so the table is
 * rebuilt with its rows (an UPDATE-refusing trigger would not let them be rewritten where they are).
 */
export const m0009ReportAudiences: Migration = {
  version: 9,
  name: "report-audiences",
  sql: `
    CREATE TABLE report_snapshots_v8 (
      id TEXT PRIMARY KEY,
      board_id TEXT NOT NULL,
      month TEXT NOT NULL,
      timezone TEXT NOT NULL,
      audience TEXT NOT NULL CHECK (audience IN ('internal', 'client', 'partner')),
      party TEXT NOT NULL DEFAULT '' CHECK (audience <> 'internal' OR party = ''),
      version INTEGER NOT NULL CHECK (version >= 1),
      model_json TEXT NOT NULL,
      html TEXT NOT NULL,
      markdown TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (board_id, month, audience, party, version)
    );
    INSERT INTO report_snapshots_v8 (id, board_id, month, timezone, audience, party, version, model_json, html, markdown, content_hash, created_by, created_at)
      SELECT id, board_id, month, timezone, audience, '', version, model_json, html, markdown, content_hash, created_by, created_at
      FROM report_snapshots;
    DROP TABLE report_snapshots;
    ALTER TABLE report_snapshots_v8 RENAME TO report_snapshots;
    CREATE INDEX report_snapshots_board ON report_snapshots (board_id, created_at);
    CREATE UNIQUE INDEX report_snapshots_scheduled ON report_snapshots (board_id, month, audience, party) WHERE created_by = 'schedule';
    CREATE TRIGGER report_snapshots_immutable BEFORE UPDATE ON report_snapshots
    BEGIN
      SELECT RAISE(ABORT, 'report snapshots are immutable: generate a new version instead');
    END;
  `,
};
