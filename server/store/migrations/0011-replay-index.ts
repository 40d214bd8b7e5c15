import type { Migration } from "../migrate";

/**
 * A report reads its month's actions and replays them onto the board's state. Reading each action's fields out of
 * its raw JSON meant one table-row visit (a ~750-byte row, scattered over the file in backfill order) and a JSON
 * parse per action: most of a report's time. The fields a replay needs become generated columns (defined here once,
 * from the raw JSON, so the ingest code is untouched and the index below fills them for existing rows), and one
 * covering index ordered as the replay reads (board, date, id) holds them: a month is one range of that index and
 * never touches the table. It replaces actions_board_date, whose prefix it keeps for the queries that used it.
 *
 * instr() first: comments and most other actions never pay for parsing their JSON at ingest; SQLite parses one row's
 * JSON once for all its json_* calls. The creation types are DESIGN.md's (server/trello/action-types.ts), frozen
 * here as shipped.
 */
export const m0011ReplayIndex: Migration = {
  version: 11,
  name: "replay-index",
  sql: `
    ALTER TABLE actions ADD COLUMN card_closed INTEGER GENERATED ALWAYS AS (
      CASE WHEN type = 'updateCard' AND instr(raw, '"closed"') > 0 THEN json_extract(raw, '$.data.card.closed') END) VIRTUAL;
    ALTER TABLE actions ADD COLUMN card_name TEXT GENERATED ALWAYS AS (
      CASE WHEN type IN ('updateCard', 'createCard', 'copyCard', 'convertToCardFromCheckItem', 'moveCardToBoard', 'emailCard')
        THEN json_extract(raw, '$.data.card.name') END) VIRTUAL;
    ALTER TABLE actions ADD COLUMN due_changed INTEGER GENERATED ALWAYS AS (
      CASE WHEN type IN ('createCard', 'copyCard', 'convertToCardFromCheckItem', 'moveCardToBoard', 'emailCard') THEN 1
        WHEN type = 'updateCard' AND instr(raw, '"due"') > 0 THEN json_type(raw, '$.data.old.due') IS NOT NULL
        ELSE 0 END) VIRTUAL;
    ALTER TABLE actions ADD COLUMN card_due TEXT GENERATED ALWAYS AS (
      CASE WHEN type IN ('updateCard', 'createCard', 'copyCard', 'convertToCardFromCheckItem', 'moveCardToBoard', 'emailCard')
        AND instr(raw, '"due"') > 0 THEN json_extract(raw, '$.data.card.due') END) VIRTUAL;
    ALTER TABLE actions ADD COLUMN list_id TEXT GENERATED ALWAYS AS (
      CASE WHEN type IN ('createList', 'updateList', 'moveListToBoard', 'moveListFromBoard') THEN json_extract(raw, '$.data.list.id') END) VIRTUAL;
    ALTER TABLE actions ADD COLUMN list_name TEXT GENERATED ALWAYS AS (
      CASE WHEN type IN ('createList', 'updateList', 'moveListToBoard') THEN json_extract(raw, '$.data.list.name') END) VIRTUAL;
    ALTER TABLE actions ADD COLUMN list_closed INTEGER GENERATED ALWAYS AS (
      CASE WHEN type = 'updateList' AND instr(raw, '"closed"') > 0 THEN json_extract(raw, '$.data.list.closed') END) VIRTUAL;
    ALTER TABLE actions ADD COLUMN member_id TEXT GENERATED ALWAYS AS (
      CASE WHEN type IN ('addMemberToCard', 'removeMemberFromCard')
        THEN coalesce(json_extract(raw, '$.data.idMember'), json_extract(raw, '$.data.member.id'), json_extract(raw, '$.member.id')) END) VIRTUAL;
    ALTER TABLE actions ADD COLUMN label_id TEXT GENERATED ALWAYS AS (
      CASE WHEN type IN ('addLabelToCard', 'removeLabelFromCard') THEN json_extract(raw, '$.data.label.id') END) VIRTUAL;

    CREATE INDEX actions_board_replay ON actions (
      board_id, date_ms, id, type, card_id, list_after_id, list_after_name,
      card_closed, card_name, due_changed, card_due, list_id, list_name, list_closed, member_id, label_id);
    DROP INDEX actions_board_date;
  `,
};
