import type { Migration } from "../migrate";

/**
 * A report reads the board as it was at its month's start and end. Replaying every action since the board began
 * costs more each month the board lives, so the derived state is kept at instants (month starts) and a report
 * replays only the actions after the nearest one. Checkpoints are derived data: any of them can be dropped and
 * rebuilt from the actions. A stored action dated before a checkpoint's instant makes that checkpoint wrong, so the
 * trigger drops it in the same transaction (an action at the very instant is not part of it: bounds are exclusive).
 */
export const m0008BoardCheckpoints: Migration = {
  version: 8,
  name: "board-checkpoints",
  sql: `
    CREATE TABLE board_checkpoints (
      board_id TEXT NOT NULL,
      at_ms INTEGER NOT NULL,
      state TEXT NOT NULL,
      built_at TEXT NOT NULL,
      PRIMARY KEY (board_id, at_ms)
    );

    CREATE TRIGGER actions_invalidate_checkpoints AFTER INSERT ON actions BEGIN
      DELETE FROM board_checkpoints WHERE board_id = NEW.board_id AND at_ms > NEW.date_ms;
    END;
  `,
};
