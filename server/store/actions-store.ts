import { CARD_CREATION_TYPES } from "../trello/action-types";
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
export type ActionSummary = Pick<ActionRow, "id" | "type" | "dateMs" | "cardId" | "listAfterId" | "listAfterName"> & ReplayFields;

/** What `listForReplay` reads out of an action's JSON to derive the board's state (absent = not said). */
export interface ReplayFields {
  /** The card's closed flag when an updateCard carried it (archived or restored), else null. */
  cardClosed?: boolean | null;
  /** The card's name, from creations and card updates. */
  cardName?: string | null;
  /** Whether the action set the card's due date (to `due`, null = removed). */
  dueChanged?: boolean;
  due?: string | null;
  /** The list a list action is about, with the name and closed flag it carried. */
  listId?: string | null;
  listName?: string | null;
  listClosed?: boolean | null;
  /** The member or label a card gained or lost. */
  memberId?: string | null;
  labelId?: string | null;
}

export interface ActionsStore {
  /** Stores an action unless its id is already stored; returns whether it was new. */
  insert(row: ActionRow): boolean;
  count(): number;
  /** Actions of a board with `startMs <= date < endMs`, oldest first. */
  listInPeriod(boardId: string, startMs: number, endMs: number): ActionSummary[];
  /** Actions of a board with `fromMs <= date < toMs`, oldest first, with the fields a state replay needs. */
  listForReplay(boardId: string, fromMs: number, toMs: number): ActionSummary[];
  /** The newest row's rowid: a row stored after it has a greater one. */
  lastRowid(): number;
  hasBoard(boardId: string): boolean;
  /** The date (ms) of a board's oldest stored action, if any. */
  oldestDateMs(boardId: string): number | null;
  /** The date (ms) of a board's newest stored action, if any. */
  newestDateMs(boardId: string): number | null;
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
  // instr() first: comments and most other rows never pay for parsing their JSON; only the actions that change a
  // card's or a list's state do (and SQLite parses one row's JSON once for all its json_* calls).
  const creation = CARD_CREATION_TYPES.map((type) => `'${type}'`).join(", ");
  const forReplay = db.prepare(
    `SELECT id, type, date_ms AS dateMs, card_id AS cardId, list_after_id AS listAfterId, list_after_name AS listAfterName,
       CASE WHEN type = 'updateCard' AND instr(raw, '"closed"') > 0 THEN json_extract(raw, '$.data.card.closed') END AS cardClosed,
       CASE WHEN type = 'updateCard' OR type IN (${creation}) THEN json_extract(raw, '$.data.card.name') END AS cardName,
       CASE WHEN type IN (${creation}) THEN 1
            WHEN type = 'updateCard' AND instr(raw, '"due"') > 0 THEN json_type(raw, '$.data.old.due') IS NOT NULL
            ELSE 0 END AS dueChanged,
       CASE WHEN (type = 'updateCard' OR type IN (${creation})) AND instr(raw, '"due"') > 0 THEN json_extract(raw, '$.data.card.due') END AS due,
       CASE WHEN type IN ('createList', 'updateList', 'moveListToBoard', 'moveListFromBoard') THEN json_extract(raw, '$.data.list.id') END AS listId,
       CASE WHEN type IN ('createList', 'updateList', 'moveListToBoard') THEN json_extract(raw, '$.data.list.name') END AS listName,
       CASE WHEN type = 'updateList' AND instr(raw, '"closed"') > 0 THEN json_extract(raw, '$.data.list.closed') END AS listClosed,
       CASE WHEN type IN ('addMemberToCard', 'removeMemberFromCard')
            THEN coalesce(json_extract(raw, '$.data.idMember'), json_extract(raw, '$.data.member.id'), json_extract(raw, '$.member.id')) END AS memberId,
       CASE WHEN type IN ('addLabelToCard', 'removeLabelFromCard') THEN json_extract(raw, '$.data.label.id') END AS labelId
     FROM actions WHERE board_id = ? AND date_ms >= ? AND date_ms < ? ORDER BY date_ms, id`,
  );
  const lastRowid = db.prepare("SELECT coalesce(max(rowid), 0) FROM actions").pluck();
  const hasBoard = db.prepare("SELECT 1 FROM actions WHERE board_id = ? LIMIT 1").pluck();
  const newest = db.prepare("SELECT max(date_ms) FROM actions WHERE board_id = ?").pluck();
  const oldest = db.prepare("SELECT min(date_ms) FROM actions WHERE board_id = ?").pluck();
  return {
    insert: (row) => insert.run(row).changes === 1,
    count: () => count.get() as number,
    listInPeriod: (boardId, startMs, endMs) => inPeriod.all(boardId, startMs, endMs) as ActionSummary[],
    listForReplay(boardId, fromMs, toMs) {
      const rows = forReplay.all(boardId, fromMs, toMs) as Record<string, unknown>[];
      // SQLite hands JSON booleans back as 1 / 0; converted in place rather than copying the month.
      for (const row of rows) {
        row.cardClosed = row.cardClosed === null ? null : row.cardClosed === 1;
        row.listClosed = row.listClosed === null ? null : row.listClosed === 1;
        row.dueChanged = row.dueChanged === 1;
      }
      return rows as unknown as ActionSummary[];
    },
    lastRowid: () => lastRowid.get() as number,
    hasBoard: (boardId) => hasBoard.get(boardId) !== undefined,
    oldestDateMs: (boardId) => (oldest.get(boardId) as number | null) ?? null,
    newestDateMs: (boardId) => (newest.get(boardId) as number | null) ?? null,
  };
}
