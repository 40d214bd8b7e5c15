import type { Db } from "./open-database";

export type ActionSource = "webhook" | "backfill" | "reconcile";

export interface ActionRow {
  id: string;
  boardId: string;
  type: string;
  date: string;
  dateMs: number;
  cardId: string | null;
  /** The list the action put the card into (creation into a list, or a move between lists). */
  listAfterId: string | null;
  listAfterName: string | null;
  memberCreatorId: string | null;
  source: ActionSource;
  receivedAt: string;
  /** The action's JSON as Trello sent it (re-serialised after parsing, key order kept), to re-derive from history. */
  raw: string;
}

/** The columns the report reads; the raw JSON stays in the table. */
export type ActionSummary = Pick<ActionRow, "id" | "type" | "dateMs" | "cardId" | "listAfterId" | "listAfterName"> & {
  /** From `listBefore` only: the card's closed flag when an updateCard carried it (archived or restored), else null. */
  cardClosed?: boolean | null;
};

export interface ActionsStore {
  /** Stores an action unless its id is already stored; returns whether it was new. */
  insert(row: ActionRow): boolean;
  count(): number;
  /** Actions of a board with `startMs <= date < endMs`, oldest first. */
  listInPeriod(boardId: string, startMs: number, endMs: number): ActionSummary[];
  /** Actions of a board with `date < endMs`, oldest first, with `cardClosed` (the history a month's flow replays). */
  listBefore(boardId: string, endMs: number): ActionSummary[];
  hasBoard(boardId: string): boolean;
  /** The date (ms) of a board's newest stored action, if any. */
  newestDateMs(boardId: string): number | null;
  /** The date (ms) of a board's oldest stored action (where its known history starts), if any. */
  oldestDateMs(boardId: string): number | null;
}

/** SQL for the actions table. */
export function createActionsStore(db: Db): ActionsStore {
  const insert = db.prepare(
    `INSERT INTO actions (id, board_id, type, date, date_ms, card_id, list_after_id, list_after_name, member_creator_id, source, received_at, raw)
     VALUES (@id, @boardId, @type, @date, @dateMs, @cardId, @listAfterId, @listAfterName, @memberCreatorId, @source, @receivedAt, @raw)
     ON CONFLICT (id) DO NOTHING`,
  );
  const count = db.prepare("SELECT count(*) FROM actions").pluck();
  const inPeriod = db.prepare(
    `SELECT id, type, date_ms AS dateMs, card_id AS cardId, list_after_id AS listAfterId, list_after_name AS listAfterName
     FROM actions WHERE board_id = ? AND date_ms >= ? AND date_ms < ? ORDER BY date_ms, id`,
  );
  // instr() first: only the few updateCard rows that mention "closed" pay for parsing their JSON.
  const before = db.prepare(
    `SELECT id, type, date_ms AS dateMs, card_id AS cardId, list_after_id AS listAfterId, list_after_name AS listAfterName,
       CASE WHEN type = 'updateCard' AND instr(raw, '"closed"') > 0 THEN json_extract(raw, '$.data.card.closed') END AS cardClosed
     FROM actions WHERE board_id = ? AND date_ms < ? ORDER BY date_ms, id`,
  );
  const hasBoard = db.prepare("SELECT 1 FROM actions WHERE board_id = ? LIMIT 1").pluck();
  const newest = db.prepare("SELECT max(date_ms) FROM actions WHERE board_id = ?").pluck();
  const oldest = db.prepare("SELECT min(date_ms) FROM actions WHERE board_id = ?").pluck();
  return {
    insert: (row) => insert.run(row).changes === 1,
    count: () => count.get() as number,
    listInPeriod: (boardId, startMs, endMs) => inPeriod.all(boardId, startMs, endMs) as ActionSummary[],
    listBefore(boardId, endMs) {
      const rows = before.all(boardId, endMs) as (Omit<ActionSummary, "cardClosed"> & { cardClosed: unknown })[];
      // SQLite hands JSON booleans back as 1 / 0; converted in place rather than copying a long history.
      for (const row of rows) row.cardClosed = row.cardClosed === null ? null : row.cardClosed === 1;
      return rows as ActionSummary[];
    },
    hasBoard: (boardId) => hasBoard.get(boardId) !== undefined,
    newestDateMs: (boardId) => (newest.get(boardId) as number | null) ?? null,
    oldestDateMs: (boardId) => (oldest.get(boardId) as number | null) ?? null,
  };
}
