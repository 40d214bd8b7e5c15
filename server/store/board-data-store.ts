import type { Db } from "./open-database";

export interface BoardDataStore {
  /**
   * Deletes everything the service holds about a board (actions, state and its checkpoints, members seen only there, Loop data, reports,
   * settings, sync progress), in one transaction. A retired webhook keeps its id, not the board's, so Trello's late
   * deliveries through it still get 410.
   */
  deleteBoard(boardId: string): void;
}

/** SQL that spans a board's tables, for "disconnect and delete the data". */
export function createBoardDataStore(db: Db): BoardDataStore {
  const statements = [
    // Members are shared across boards: only those no other board's cards or actions mention go (before what links them).
    `DELETE FROM members WHERE id NOT IN (
       SELECT member_id FROM card_members WHERE card_id IN (SELECT id FROM cards WHERE board_id IS NOT @boardId)
       UNION SELECT member_creator_id FROM actions WHERE board_id <> @boardId AND member_creator_id IS NOT NULL)`,
    "DELETE FROM card_members WHERE card_id IN (SELECT id FROM cards WHERE board_id = @boardId)",
    "DELETE FROM cards WHERE board_id = @boardId",
    "DELETE FROM lists WHERE board_id = @boardId",
    "DELETE FROM actions WHERE board_id = @boardId",
    "DELETE FROM board_checkpoints WHERE board_id = @boardId",
    "DELETE FROM board_settings WHERE board_id = @boardId",
    "DELETE FROM sync_state WHERE board_id = @boardId",
    "DELETE FROM plugin_data WHERE board_id = @boardId",
    "DELETE FROM loop_record_versions WHERE board_id = @boardId",
    "DELETE FROM stakeholder_updates WHERE board_id = @boardId",
    "DELETE FROM share_links WHERE board_id = @boardId",
    "DELETE FROM review_events WHERE board_id = @boardId",
    "DELETE FROM calendar_feeds WHERE board_id = @boardId",
    "DELETE FROM report_snapshots WHERE board_id = @boardId",
    "DELETE FROM boards WHERE id = @boardId",
    "UPDATE retired_webhooks SET board_id = '' WHERE board_id = @boardId",
  ].map((sql) => db.prepare(sql));
  const run = db.transaction((boardId: string) => {
    for (const statement of statements) statement.run({ boardId });
  });
  return { deleteBoard: (boardId) => run(boardId) };
}
