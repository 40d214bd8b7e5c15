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
export type ActionSummary = Pick<ActionRow, "type" | "dateMs" | "cardId" | "listAfterId" | "listAfterName"> &
  ReplayFields & {
    /** How many actions the row stands for, 1 when absent: `listForReplay` reads a card's comments as one row. */
    count?: number;
  };

/** What `listForReplay` reads of an action's JSON (migration 0011's columns) to derive the board's state (absent = not said). */
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
  /**
   * Actions of a board with `fromMs <= date < toMs`, oldest first, with the fields a state replay needs. A comment
   * changes nothing on the board but makes a card known, so each card's comments come as one row: its first comment,
   * with `count` saying how many (about 40% of a busy board's actions are comments).
   */
  listForReplay(boardId: string, fromMs: number, toMs: number): ActionSummary[];
  /** The newest row's rowid: a row stored after it has a greater one. */
  lastRowid(): number;
  hasBoard(boardId: string): boolean;
  /** The date (ms) of a board's oldest stored action, if any. */
  oldestDateMs(boardId: string): number | null;
  /** The date (ms) of a board's newest stored action, if any. */
  newestDateMs(boardId: string): number | null;
}

type ReplayRow = [
  string,
  number,
  string | null,
  string | null,
  string | null,
  number | null,
  string | null,
  number,
  string | null,
  string | null,
  string | null,
  number | null,
  string | null,
  string | null,
];
type CommentsRow = [number, string | null, number];

/** SQLite hands JSON booleans back as 1 / 0. */
const flag = (value: number | null): boolean | null => (value === null ? null : value === 1);

function replaySummary(row: ReplayRow): ActionSummary {
  const [
    type,
    dateMs,
    cardId,
    listAfterId,
    listAfterName,
    cardClosed,
    cardName,
    dueChanged,
    due,
    listId,
    listName,
    listClosed,
    memberId,
    labelId,
  ] = row;
  return {
    type,
    dateMs,
    cardId,
    listAfterId,
    listAfterName,
    cardClosed: flag(cardClosed),
    cardName,
    dueChanged: dueChanged === 1,
    due,
    listId,
    listName,
    listClosed: flag(listClosed),
    memberId,
    labelId,
  };
}

function commentsSummary([dateMs, cardId, count]: CommentsRow): ActionSummary {
  return { type: COMMENT, dateMs, cardId, listAfterId: null, listAfterName: null, count };
}

/** Two date-ordered lists as one; on a tie the other action goes first (a comment changes no state either way). */
function mergeByDate(others: ReplayRow[], comments: CommentsRow[]): ActionSummary[] {
  const merged = new Array<ActionSummary>(others.length + comments.length);
  let o = 0;
  let c = 0;
  for (let i = 0; i < merged.length; i += 1) {
    const takeOther = c === comments.length || (o < others.length && others[o]![1] <= comments[c]![0]);
    merged[i] = takeOther ? replaySummary(others[o++]!) : commentsSummary(comments[c++]!);
  }
  return merged;
}

const COMMENT = "commentCard";

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
  // Both read the covering index actions_board_replay (migration 0011) in its order, as arrays: no table row, no
  // JSON, and no property-by-property object built by the driver for each of a month's tens of thousands of actions.
  const forReplay = db
    .prepare(
      `SELECT type, date_ms, card_id, list_after_id, list_after_name, card_closed, card_name, due_changed, card_due,
         list_id, list_name, list_closed, member_id, label_id
       FROM actions WHERE board_id = ? AND date_ms >= ? AND date_ms < ? AND type <> '${COMMENT}' ORDER BY date_ms, id`,
    )
    .raw();
  const commentsByCard = db
    .prepare(
      `SELECT min(date_ms) AS first, card_id, count(*)
       FROM actions WHERE board_id = ? AND date_ms >= ? AND date_ms < ? AND type = '${COMMENT}' GROUP BY card_id ORDER BY first`,
    )
    .raw();
  const lastRowid = db.prepare("SELECT coalesce(max(rowid), 0) FROM actions").pluck();
  const hasBoard = db.prepare("SELECT 1 FROM actions WHERE board_id = ? LIMIT 1").pluck();
  const newest = db.prepare("SELECT max(date_ms) FROM actions WHERE board_id = ?").pluck();
  const oldest = db.prepare("SELECT min(date_ms) FROM actions WHERE board_id = ?").pluck();
  return {
    insert: (row) => insert.run(row).changes === 1,
    count: () => count.get() as number,
    listInPeriod: (boardId, startMs, endMs) => inPeriod.all(boardId, startMs, endMs) as ActionSummary[],
    listForReplay: (boardId, fromMs, toMs) =>
      mergeByDate(
        forReplay.all(boardId, fromMs, toMs) as ReplayRow[],
        commentsByCard.all(boardId, fromMs, toMs) as CommentsRow[],
      ),
    lastRowid: () => lastRowid.get() as number,
    hasBoard: (boardId) => hasBoard.get(boardId) !== undefined,
    oldestDateMs: (boardId) => (oldest.get(boardId) as number | null) ?? null,
    newestDateMs: (boardId) => (newest.get(boardId) as number | null) ?? null,
  };
}
