import { LoopBoard } from "../reports/model/loop-board";

let b: LoopBoard;
beforeEach(() => {
  b = new LoopBoard();
});
afterEach(() => b.close());

const at = (iso: string) => Date.parse(iso);

describe("reading a board's actions for a replay", () => {
  it("gives each card's comments as one row at its first comment, with how many, in date order among the other actions", () => {
    const s = b.story;
    const todo = s.createList("2026-03-01T08:00:00Z", "To do");
    const done = s.createList("2026-03-01T08:00:00Z", "Done");
    const first = s.createCard("2026-03-02T09:00:00Z", todo, "First");
    const second = s.createCard("2026-03-02T10:00:00Z", todo, "Second");
    s.comment("2026-03-03T09:00:00Z", first, "one");
    s.moveCard("2026-03-04T09:00:00Z", first, done);
    s.comment("2026-03-05T09:00:00Z", first, "two");
    s.comment("2026-03-05T10:00:00Z", second, "three");
    s.comment("2026-03-09T09:00:00Z", first, "after the window");
    b.ingest();

    const rows = b.store.actions.listForReplay(b.boardId, at("2026-03-02T00:00:00Z"), at("2026-03-08T00:00:00Z"));
    expect(rows.map((r) => [r.type, new Date(r.dateMs).toISOString(), r.cardId, r.count ?? 1])).toEqual([
      ["createCard", "2026-03-02T09:00:00.000Z", first.id, 1],
      ["createCard", "2026-03-02T10:00:00.000Z", second.id, 1],
      ["commentCard", "2026-03-03T09:00:00.000Z", first.id, 2],
      ["updateCard", "2026-03-04T09:00:00.000Z", first.id, 1],
      ["commentCard", "2026-03-05T10:00:00.000Z", second.id, 1],
    ]);
    expect(rows[3]).toMatchObject({ listAfterId: done.id, listAfterName: "Done", cardName: "First" });
  });

  it("reads a month from the covering index in its order, without sorting and without the table's JSON", () => {
    const plan = (sql: string) =>
      (b.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all("board", 0, 1) as { detail: string }[]).map(
        (row) => row.detail,
      );
    const replayColumns =
      "type, date_ms, card_id, list_after_id, list_after_name, card_closed, card_name, due_changed, card_due, list_id, list_name, list_closed, member_id, label_id";
    const steps = plan(
      `SELECT ${replayColumns} FROM actions WHERE board_id = ? AND date_ms >= ? AND date_ms < ? AND type <> 'commentCard' ORDER BY date_ms, id`,
    );
    expect(steps).toEqual([expect.stringContaining("USING INDEX actions_board_replay")]);
    // Each column is read from the index entry: the table row (with its raw JSON) is never visited.
    const opcodes = b.store.db
      .prepare(
        `EXPLAIN SELECT ${replayColumns} FROM actions WHERE board_id = ? AND date_ms >= ? AND date_ms < ? ORDER BY date_ms, id`,
      )
      .all("board", 0, 1) as { opcode: string; p1: number; p2: number }[];
    const rootPage = (name: string) =>
      b.store.db.prepare("SELECT rootpage FROM sqlite_master WHERE name = ?").pluck().get(name);
    const cursorOn = (name: string) => opcodes.find((op) => op.opcode === "OpenRead" && op.p2 === rootPage(name))?.p1;
    const columnReads = opcodes.filter((op) => op.opcode === "Column");
    expect(columnReads.length).toBeGreaterThanOrEqual(14);
    expect(columnReads.every((op) => op.p1 === cursorOn("actions_board_replay"))).toBe(true);
  });
});
