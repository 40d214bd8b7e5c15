import type { Migration } from "../migrate";

/**
 * Frozen monthly reports: the model and its renderings as they were when generated. A report already sent must not
 * change under the reader, so a trigger refuses every UPDATE; regenerating inserts the next version instead. The
 * schedule's unique index makes "a month is produced once" hold even for two processes racing at start-up.
 */
export const m0007ReportSnapshots: Migration = {
  version: 7,
  name: "report-snapshots",
  sql: `
    CREATE TABLE report_snapshots (
      id TEXT PRIMARY KEY,
      board_id TEXT NOT NULL,
      month TEXT NOT NULL,
      timezone TEXT NOT NULL,
      audience TEXT NOT NULL CHECK (audience IN ('internal', 'client')),
      version INTEGER NOT NULL CHECK (version >= 1),
      model_json TEXT NOT NULL,
      html TEXT NOT NULL,
      markdown TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (board_id, month, audience, version)
    );
    CREATE INDEX report_snapshots_board ON report_snapshots (board_id, created_at);
    CREATE UNIQUE INDEX report_snapshots_scheduled ON report_snapshots (board_id, month, audience) WHERE created_by = 'schedule';
    CREATE TRIGGER report_snapshots_immutable BEFORE UPDATE ON report_snapshots
    BEGIN
      SELECT RAISE(ABORT, 'report snapshots are immutable: generate a new version instead');
    END;
  `,
};
